package dev.dynamodouble.core.sdk;

import static dev.dynamodouble.core.sdk.BatchTest.put;
import static dev.dynamodouble.core.sdk.LockWindows.join;
import static dev.dynamodouble.core.sdk.LockWindows.updateTable;
import static dev.dynamodouble.core.sdk.LockWindows.whileParked;
import static dev.dynamodouble.core.sdk.OnlineIndexTable.MISMATCH;
import static dev.dynamodouble.core.sdk.OnlineIndexTable.MISTYPED;
import static dev.dynamodouble.core.sdk.SdkTestSupport.assertValidation;
import static dev.dynamodouble.core.sdk.SdkTestSupport.item;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.dynamodouble.core.operation.ItemWrites;
import dev.dynamodouble.core.transaction.WriteTransaction;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * A write checks its item's index keys before it takes the engine's lock; an UpdateTable may add a
 * global secondary index in between. The index is then being created (allocating its resources),
 * and the write is decided as one that came after it: an item whose attribute has the wrong type
 * for the new index's key is stored and left out of the index (the developer guide's "Detecting and correcting index key
 * violations"), never written into it. Each test holds that window open: the write waits for the
 * lock this thread holds, and this thread adds the index (an UpdateTable through the engine's
 * dispatcher: the lock is reentrant).
 */
class GlobalIndexAddedMidWriteTest {
  private final OnlineIndexTable table = new OnlineIndexTable(); // one per test: JUnit makes an instance per test
  private final DynamoDbClient client = table.client;

  @AfterEach
  void stop() {
    table.close();
  }

  @Test
  @Timeout(60)
  void aPutItemValidatedBeforeTheIndexWasAddedIsStoredButNotIndexed() throws Throwable {
    CompletableFuture<Void> put = whileAnIndexIsAdded(ItemWrites.class,
        () -> client.putItem(r -> r.tableName("orders").item(MISTYPED)));

    join(put);
    assertThat(table.get("o1")).isEqualTo(MISTYPED);
    client.putItem(r -> r.tableName("orders").item(item("pk", "o2", "city", "Oslo", "street", "Main")));
    table.startBackfill();
    table.activate();
    assertValidation(() -> client.putItem(r -> r.tableName("orders").item(MISTYPED)), MISMATCH);
    assertThat(table.indexedKeys()).as("the index holds the well-typed item only").containsExactly("o2");
  }

  @Test
  @Timeout(60)
  void aBatchWriteItemValidatedBeforeTheIndexWasAddedIsStoredWhole() throws Throwable {
    CompletableFuture<Void> batch = whileAnIndexIsAdded(ItemWrites.class.getPackageName() + ".BatchWrites",
        () -> client.batchWriteItem(r -> r.requestItems(Map.of("orders", List.of(
            put(item("pk", "fine", "city", "Oslo", "street", "Main")), put(MISTYPED))))));

    join(batch);
    table.startBackfill();
    table.activate();
    assertThat(table.tableKeys()).containsExactly("fine", "o1");
    assertThat(table.indexedKeys()).containsExactly("fine");
  }

  @Test
  @Timeout(60)
  void aTransactWriteItemsDecidesUnderTheLockAgainstTheIndexesThen() throws Throwable {
    CompletableFuture<Void> transaction = whileAnIndexIsAdded(WriteTransaction.class,
        () -> client.transactWriteItems(r -> r.transactItems(TransactWriteItem.builder()
            .put(p -> p.tableName("orders").item(MISTYPED)).build())));

    join(transaction);
    assertThat(table.get("o1")).isEqualTo(MISTYPED);
    table.startBackfill();
    table.activate();
    TransactionCanceledException now = catchThrowableOfType(TransactionCanceledException.class,
        () -> client.transactWriteItems(r -> r.transactItems(TransactWriteItem.builder()
            .put(p -> p.tableName("orders").item(MISTYPED)).build())));
    assertThat(now).as("the same transaction once the index is ACTIVE").isNotNull();
    assertThat(now.cancellationReasons().get(0).code()).isEqualTo("ValidationError");
    assertThat(now.cancellationReasons().get(0).message()).isEqualTo(MISMATCH);
    assertThat(table.indexedKeys()).isEmpty();
  }

  /** Runs {@code write} on another thread and adds the index once it waits for the lock in {@code parkedIn}. */
  private CompletableFuture<Void> whileAnIndexIsAdded(Class<?> parkedIn, Runnable write) {
    return whileAnIndexIsAdded(parkedIn.getName(), write);
  }

  private CompletableFuture<Void> whileAnIndexIsAdded(String parkedIn, Runnable write) {
    return whileParked(table.dynamo.engine(), parkedIn, write,
        () -> updateTable(table.dynamo.engine(), OnlineIndexTable.ADD_INDEX_JSON));
  }
}
