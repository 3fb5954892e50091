package dev.dynamodouble.core.sdk;

import static dev.dynamodouble.core.sdk.LockWindows.join;
import static dev.dynamodouble.core.sdk.LockWindows.updateTable;
import static dev.dynamodouble.core.sdk.LockWindows.whileParked;
import static dev.dynamodouble.core.sdk.SdkTestSupport.assertValidation;
import static dev.dynamodouble.core.sdk.SdkTestSupport.item;
import static dev.dynamodouble.core.sdk.SdkTestSupport.n;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.dynamodouble.core.DynamoDouble;
import dev.dynamodouble.core.engine.Engine;
import dev.dynamodouble.core.operation.ItemWrites;
import dev.dynamodouble.core.transaction.WriteTransaction;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * A write checks its item's index keys before it takes the engine's lock; an UpdateTable may add a
 * global secondary index in between. An item whose attribute has the wrong type for the new
 * index's key must then be refused as it would be once the index exists, not written into it.
 * Each test holds that window open: the write waits for the lock this thread holds, and this
 * thread adds the index (an UpdateTable through the engine's dispatcher: the lock is reentrant).
 */
class GlobalIndexAddedMidWriteTest {
  private static final String MISMATCH = "One or more parameter values were invalid: Type mismatch for Index Key "
      + "customer Expected: N Actual: S IndexName: byCustomer";

  private DynamoDouble dynamo;
  private DynamoDbClient client;
  private Engine engine;

  @BeforeEach
  void start() {
    dynamo = DynamoDouble.builder().start();
    client = SdkTestSupport.client(dynamo);
    engine = dynamo.engine();
    SdkTestSupport.createTable(client, "orders", "pk", null);
    engine.clock().runDue(); // ACTIVE now, or the write would wait behind that task, not where the test waits
  }

  @AfterEach
  void stop() {
    client.close();
    dynamo.close();
  }

  @Test
  @Timeout(60)
  void aPutItemValidatedBeforeTheIndexWasAddedIsRefused() throws Exception {
    CompletableFuture<Void> put = whileAnIndexIsAdded(ItemWrites.class,
        () -> client.putItem(r -> r.tableName("orders").item(item("pk", "o1", "customer", "not a number"))));

    assertValidation(() -> join(put), MISMATCH);
    assertThat(client.getItem(r -> r.tableName("orders").key(item("pk", "o1"))).item()).isEmpty();
    client.putItem(r -> r.tableName("orders").item(item("pk", "o2", "customer", n("7"))));
    assertThat(indexed()).as("the index holds the well-typed item only").isEqualTo(1);
  }

  @Test
  @Timeout(60)
  void aBatchWriteItemValidatedBeforeTheIndexWasAddedIsRefusedWhole() throws Exception {
    CompletableFuture<Void> batch = whileAnIndexIsAdded(ItemWrites.class.getPackageName() + ".BatchWrites",
        () -> client.batchWriteItem(r -> r.requestItems(Map.of("orders", List.of(
            putRequest(item("pk", "fine", "customer", n("1"))),
            putRequest(item("pk", "o1", "customer", "not a number")))))));

    assertValidation(() -> join(batch), MISMATCH);
    assertThat(client.scan(r -> r.tableName("orders")).items()).as("nothing of the batch is written").isEmpty();
  }

  @Test
  @Timeout(60)
  void aTransactWriteItemsDecidesUnderTheLockAgainstTheIndexesThen() throws Exception {
    CompletableFuture<Void> transaction = whileAnIndexIsAdded(WriteTransaction.class,
        () -> client.transactWriteItems(r -> r.transactItems(TransactWriteItem.builder()
            .put(p -> p.tableName("orders").item(item("pk", "o1", "customer", "not a number"))).build())));

    TransactionCanceledException racing = catchThrowableOfType(TransactionCanceledException.class, () -> join(transaction));
    TransactionCanceledException now = catchThrowableOfType(TransactionCanceledException.class,
        () -> client.transactWriteItems(r -> r.transactItems(TransactWriteItem.builder()
            .put(p -> p.tableName("orders").item(item("pk", "o1", "customer", "not a number"))).build())));
    assertThat(racing).as("cancelled as the same transaction is once the index exists").isNotNull();
    assertThat(racing.cancellationReasons()).isEqualTo(now.cancellationReasons());
    assertThat(racing.cancellationReasons().get(0).code()).isEqualTo("ValidationError");
    assertThat(racing.cancellationReasons().get(0).message()).isEqualTo(MISMATCH);
    assertThat(client.getItem(r -> r.tableName("orders").key(item("pk", "o1"))).item()).isEmpty();
  }

  /** Runs {@code write} on another thread and adds the index once it waits for the lock in {@code parkedIn}. */
  private CompletableFuture<Void> whileAnIndexIsAdded(Class<?> parkedIn, Runnable write) {
    return whileAnIndexIsAdded(parkedIn.getName(), write);
  }

  private CompletableFuture<Void> whileAnIndexIsAdded(String parkedIn, Runnable write) {
    return whileParked(engine, parkedIn, write, () -> updateTable(engine, "{\"TableName\":\"orders\","
        + "\"AttributeDefinitions\":[{\"AttributeName\":\"customer\",\"AttributeType\":\"N\"}],"
        + "\"GlobalSecondaryIndexUpdates\":[{\"Create\":{\"IndexName\":\"byCustomer\",\"KeySchema\":[{"
        + "\"AttributeName\":\"customer\",\"KeyType\":\"HASH\"}],\"Projection\":{\"ProjectionType\":\"ALL\"}}}]}"));
  }

  private int indexed() {
    return client.scan(r -> r.tableName("orders").indexName("byCustomer")).count();
  }

  private static WriteRequest putRequest(Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue> item) {
    return WriteRequest.builder().putRequest(PutRequest.builder().item(item).build()).build();
  }
}
