package dev.dynamodouble.core.sdk;

import static dev.dynamodouble.core.sdk.SdkTestSupport.assertError;
import static dev.dynamodouble.core.sdk.SdkTestSupport.item;
import static dev.dynamodouble.core.sdk.SdkTestSupport.n;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.dynamodouble.core.DynamoDouble;
import dev.dynamodouble.core.operation.Operations;
import dev.dynamodouble.core.protocol.Dispatcher;
import dev.dynamodouble.core.protocol.ProtocolResponse;
import dev.dynamodouble.core.transaction.InFlightHold;
import dev.dynamodouble.core.transaction.InFlightTransaction;
import dev.dynamodouble.core.transaction.Transactions;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.TransactionConflictException;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * Isolation against transactions in flight, as DynamoDB documents it: a single-item write of an
 * item in flight fails with TransactionConflictException, another transaction touching it is
 * cancelled with a TransactionConflict reason, and GetItem reads the committed item.
 */
class TransactionConflictTest {
  static DynamoDouble dynamo;
  static DynamoDbClient client;
  static Transactions transactions;

  @BeforeAll
  static void start() {
    dynamo = DynamoDouble.builder().start();
    client = SdkTestSupport.client(dynamo);
    transactions = dynamo.engine().transactions();
    SdkTestSupport.createTable(client, "accounts", "pk", null);
  }

  @AfterAll
  static void stop() {
    client.close();
    dynamo.close();
  }

  @BeforeEach
  void seed() {
    client.putItem(r -> r.tableName("accounts").item(item("pk", "a", "balance", n("100"))));
    client.putItem(r -> r.tableName("accounts").item(item("pk", "b", "balance", n("0"))));
  }

  static Map<String, dev.dynamodouble.core.value.AttributeValue> key(String pk) {
    return Map.of("pk", dev.dynamodouble.core.value.AttributeValue.string(pk));
  }

  static TransactWriteItem add(String pk, String amount) {
    return TransactWriteItem.builder().update(Update.builder().tableName("accounts").key(item("pk", pk))
        .updateExpression("ADD balance :v").expressionAttributeValues(Map.of(":v", n(amount))).build()).build();
  }

  static TransactGetItem get(String pk) {
    return TransactGetItem.builder().get(g -> g.tableName("accounts").key(item("pk", pk))).build();
  }

  static String balance(String pk) {
    return client.getItem(r -> r.tableName("accounts").key(item("pk", pk))).item().get("balance").n();
  }

  @Test
  void anItemHeldInFlightConflictsWithWritesAndTransactionsButNotWithGetItem() {
    try (InFlightHold hold = transactions.holdInFlight("us-east-1", "accounts", key("a"))) {
      assertThat(hold.transaction().kind()).isEqualTo(InFlightTransaction.Kind.HOLD);
      TransactionConflictException put = catchThrowableOfType(TransactionConflictException.class,
          () -> client.putItem(r -> r.tableName("accounts").item(item("pk", "a"))));
      assertThat(put).isNotNull();
      assertThat(put.awsErrorDetails().errorMessage()).isEqualTo("Transaction is ongoing for the item");
      assertError(() -> client.updateItem(r -> r.tableName("accounts").key(item("pk", "a"))
          .updateExpression("ADD balance :v").expressionAttributeValues(Map.of(":v", n("1")))),
          "TransactionConflictException", "Transaction is ongoing for the item");
      assertError(() -> client.deleteItem(r -> r.tableName("accounts").key(item("pk", "a"))),
          "TransactionConflictException", "Transaction is ongoing for the item");

      TransactionCanceledException write = catchThrowableOfType(TransactionCanceledException.class,
          () -> client.transactWriteItems(r -> r.transactItems(add("b", "10"), add("a", "-10"))));
      assertThat(write.awsErrorDetails().errorMessage()).isEqualTo("Transaction cancelled, please refer "
          + "cancellation reasons for specific reasons [None, TransactionConflict]");
      assertThat(write.cancellationReasons()).extracting(CancellationReason::code, CancellationReason::message)
          .containsExactly(org.assertj.core.groups.Tuple.tuple("None", null),
              org.assertj.core.groups.Tuple.tuple("TransactionConflict", "Transaction is ongoing for the item"));

      TransactionCanceledException read = catchThrowableOfType(TransactionCanceledException.class,
          () -> client.transactGetItems(r -> r.transactItems(get("a"), get("b"))));
      assertThat(read.cancellationReasons()).extracting(CancellationReason::code)
          .containsExactly("TransactionConflict", "None");

      // Reads outside transactions see the committed item; other items are untouched by the hold.
      assertThat(balance("a")).isEqualTo("100");
      assertThat(balance("b")).isEqualTo("0");
      client.putItem(r -> r.tableName("accounts").item(item("pk", "c")));
      assertThat(transactions.inFlightItems()).isEqualTo(1);
    }
    assertThat(transactions.inFlightItems()).isZero();
    client.transactWriteItems(r -> r.transactItems(add("b", "10"), add("a", "-10")));
    assertThat(balance("a")).isEqualTo("90");
    assertThat(client.transactGetItems(r -> r.transactItems(get("a"), get("b"))).responses()).hasSize(2);
  }

  @Test
  void holdingAnItemTwiceOrOfAnUnknownTableIsRefused() {
    try (InFlightHold hold = transactions.holdInFlight("us-east-1", "accounts", key("a"))) {
      assertThatThrownBy(() -> transactions.holdInFlight("us-east-1", "accounts", key("a")))
          .isInstanceOf(IllegalStateException.class);
      hold.close();
      hold.close();
      transactions.holdInFlight("us-east-1", "accounts", key("a")).close();
    }
    assertThatThrownBy(() -> transactions.holdInFlight("us-east-1", "nowhere", key("a")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> transactions.holdInFlight("us-east-1", "accounts", Map.of()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  /**
   * A real TransactWriteItems kept in flight: it is sent from this test's own thread straight to the
   * protocol dispatcher (so blocking it blocks no server thread), and a hook holds it between its
   * prepare and its commit while the SDK's requests run into it.
   */
  @Test
  void aRealTransactionInFlightConflictsUntilItCommits() throws Exception {
    CountDownLatch inFlight = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    AtomicBoolean first = new AtomicBoolean(true);
    Dispatcher dispatcher = new Dispatcher(dynamo.engine(), Operations.dynamoDb(), Operations.streams());
    String body = "{\"TransactItems\":["
        + "{\"Update\":{\"TableName\":\"accounts\",\"Key\":{\"pk\":{\"S\":\"a\"}},"
        + "\"UpdateExpression\":\"SET balance = balance - :v\",\"ConditionExpression\":\"balance >= :v\","
        + "\"ExpressionAttributeValues\":{\":v\":{\"N\":\"60\"}}}},"
        + "{\"Update\":{\"TableName\":\"accounts\",\"Key\":{\"pk\":{\"S\":\"b\"}},"
        + "\"UpdateExpression\":\"SET balance = balance + :v\",\"ExpressionAttributeValues\":{\":v\":{\"N\":\"60\"}}}}]}";
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);

    try (AutoCloseable hook = transactions.whileInFlight(transaction -> {
      if (first.compareAndSet(true, false)) {
        assertThat(transaction.kind()).isEqualTo(InFlightTransaction.Kind.WRITE);
        assertThat(transaction.items()).hasSize(2);
        inFlight.countDown();
        await(release);
      }
    })) {
      CompletableFuture<ProtocolResponse> transfer = CompletableFuture.supplyAsync(() ->
          dispatcher.handle("DynamoDB_20120810.TransactWriteItems", null, "held", bytes, 0, bytes.length));
      assertThat(inFlight.await(30, TimeUnit.SECONDS)).as("transaction went in flight").isTrue();

      assertError(() -> client.updateItem(r -> r.tableName("accounts").key(item("pk", "a"))
              .updateExpression("SET balance = :z").expressionAttributeValues(Map.of(":z", n("0")))),
          "TransactionConflictException", "Transaction is ongoing for the item");
      TransactionCanceledException other = catchThrowableOfType(TransactionCanceledException.class,
          () -> client.transactWriteItems(r -> r.transactItems(TransactWriteItem.builder()
              .put(Put.builder().tableName("accounts").item(item("pk", "b", "balance", n("1"))).build()).build())));
      assertThat(other.cancellationReasons()).extracting(CancellationReason::code).containsExactly("TransactionConflict");
      TransactionCanceledException read = catchThrowableOfType(TransactionCanceledException.class,
          () -> client.transactGetItems(r -> r.transactItems(get("a"), get("b"))));
      assertThat(read.cancellationReasons()).extracting(CancellationReason::code)
          .containsExactly("TransactionConflict", "TransactionConflict");
      // Read-committed outside transactions: the transfer is not visible yet.
      assertThat(List.of(balance("a"), balance("b"))).containsExactly("100", "0");

      release.countDown();
      ProtocolResponse response = transfer.get(30, TimeUnit.SECONDS);
      assertThat(response.status()).as(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo(200);
    }
    assertThat(List.of(balance("a"), balance("b"))).containsExactly("40", "60");
    assertThat(transactions.inFlightItems()).isZero();
    client.updateItem(r -> r.tableName("accounts").key(item("pk", "a"))
        .updateExpression("SET balance = :z").expressionAttributeValues(Map.of(":z", n("0"))));
  }

  private static void await(CountDownLatch latch) {
    try {
      if (!latch.await(30, TimeUnit.SECONDS)) {
        throw new IllegalStateException("never released");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
