package dev.dynamodouble.core.sdk;

import static dev.dynamodouble.core.sdk.BatchTest.put;
import static dev.dynamodouble.core.sdk.OnlineIndexTable.MISMATCH;
import static dev.dynamodouble.core.sdk.SdkTestSupport.assertValidation;
import static dev.dynamodouble.core.sdk.SdkTestSupport.item;
import static dev.dynamodouble.core.sdk.SdkTestSupport.n;
import static dev.dynamodouble.core.sdk.SdkTestSupport.repeat;
import static dev.dynamodouble.core.sdk.SdkTestSupport.s;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchStatementResponse;
import software.amazon.awssdk.services.dynamodb.model.BatchStatementErrorCodeEnum;
import software.amazon.awssdk.services.dynamodb.model.BatchStatementRequest;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.IndexStatus;
import software.amazon.awssdk.services.dynamodb.model.ParameterizedStatement;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Writes while a global secondary index is created on an existing table, as the developer guide's
 * "Detecting and correcting index key violations" describes: while the index is being created
 * (allocating its resources, then backfilling) an item that would violate the new index's key
 * schema stays in the table and is not in the index; once the backfill phase is complete (the
 * index ACTIVE) every such write is refused.
 */
class GlobalIndexBackfillWritesTest {
  /** Items violating byAddress's keys, each with what a write of it is refused with once the index is ACTIVE. */
  private static final Map<String, String> VIOLATIONS = Map.of(
      "mismatch", MISMATCH,
      "longCity", "One or more parameter values were invalid: Size limit exceeded for Index Key city Actual Size: "
          + "2049 bytes Max Size: 2048 bytes IndexName: byAddress",
      "longStreet", "One or more parameter values were invalid: Size limit exceeded for Index Key street Actual Size: "
          + "1025 bytes Max Size: 1024 bytes IndexName: byAddress",
      "emptyCity", "One or more parameter values are not valid. A value specified for a secondary index key is not "
          + "supported. The AttributeValue for a key attribute cannot contain an empty string value. "
          + "IndexName: byAddress, IndexKey: city");

  private final OnlineIndexTable table = new OnlineIndexTable(); // one per test: JUnit makes an instance per test
  private final DynamoDbClient client = table.client;

  @AfterEach
  void stop() {
    table.close();
  }

  private static Map<String, AttributeValue> violating(String kind) {
    return violating(kind, kind);
  }

  /** An item under {@code pk} violating byAddress's keys as {@code kind} (one of {@link #VIOLATIONS}) says. */
  private static Map<String, AttributeValue> violating(String kind, String pk) {
    return switch (kind) {
      case "mismatch" -> item("pk", pk, "city", n("7"), "street", "Main");
      case "longCity" -> item("pk", pk, "city", repeat('c', 2049), "street", "Main");
      case "longStreet" -> item("pk", pk, "city", "Oslo", "street", repeat('s', 1025));
      case "emptyCity" -> item("pk", pk, "city", "", "street", "Main");
      default -> throw new IllegalArgumentException(kind);
    };
  }

  private void putItem(Map<String, AttributeValue> item) {
    client.putItem(r -> r.tableName("orders").item(item));
  }

  @Test
  void violatingPutsWhileTheIndexAllocatesAndWhileItBackfillsAreStoredButNotIndexed() {
    putItem(item("pk", "before", "city", n("1"), "street", "Main")); // violates too, once the index exists
    table.addIndex(); // allocating its resources
    for (String kind : VIOLATIONS.keySet()) {
      putItem(violating(kind));
    }
    putItem(item("pk", "valid", "city", "Oslo", "street", "Main"));
    table.startBackfill();
    for (String kind : VIOLATIONS.keySet()) {
      putItem(violating(kind, kind + "-b"));
    }
    putItem(item("pk", "sparse", "city", "Oslo")); // no street: not in the index, and no violation

    table.activate();
    assertThat(table.tableKeys()).containsExactly("before", "emptyCity", "emptyCity-b", "longCity", "longCity-b",
        "longStreet", "longStreet-b", "mismatch", "mismatch-b", "sparse", "valid");
    assertThat(table.get("mismatch")).isEqualTo(violating("mismatch"));
    assertThat(table.indexedKeys()).as("neither the backfill nor the writes indexed a violating item")
        .containsExactly("valid");
    assertThat(client.query(r -> r.tableName("orders").indexName(OnlineIndexTable.INDEX)
        .keyConditionExpression("city = :c").expressionAttributeValues(Map.of(":c", s("Oslo")))).items())
        .extracting(i -> i.get("pk").s()).containsExactly("valid");
    assertThat(table.describeIndex().itemCount()).isEqualTo(1);
  }

  @Test
  void violatingPutsAreRefusedOnceTheIndexIsActive() {
    table.addIndex();
    table.startBackfill();
    table.activate();
    VIOLATIONS.forEach((kind, message) -> assertValidation(() -> putItem(violating(kind)), message));

    putItem(item("pk", "valid", "city", "Oslo", "street", "Main"));
    assertThat(table.tableKeys()).containsExactly("valid");
    assertThat(table.indexedKeys()).containsExactly("valid");
  }

  @Test
  void validPutsWhileTheIndexIsCreatedAreIndexed() {
    putItem(item("pk", "old", "city", "Bergen", "street", "Quay"));
    table.addIndex();
    putItem(item("pk", "allocating", "city", "Oslo", "street", "Main"));
    table.startBackfill();
    putItem(item("pk", "backfilling", "city", "Oslo", "street", "Elm"));
    table.activate();
    assertThat(table.indexedKeys()).containsExactly("allocating", "backfilling", "old");
  }

  @Test
  void updateItemsWhileTheIndexIsCreatedLeaveItAndLaterWritesMustCorrectThem() {
    putItem(item("pk", "o1", "city", "Oslo", "street", "Main"));
    putItem(item("pk", "o2", "city", "Oslo", "street", "Elm"));
    table.addIndex();
    setCity("o1", n("7"));
    table.startBackfill();
    setCity("o2", n("8"));
    table.activate();
    assertThat(table.get("o1")).containsEntry("city", n("7"));
    assertThat(table.get("o2")).containsEntry("city", n("8"));
    assertThat(table.indexedKeys()).isEmpty();

    // The item still violates the index's keys: a write that leaves it so is refused, one that corrects it is not.
    assertValidation(() -> client.updateItem(r -> r.tableName("orders").key(item("pk", "o1"))
        .updateExpression("SET note = :v").expressionAttributeValues(Map.of(":v", s("x")))), MISMATCH);
    setCity("o1", s("Oslo"));
    assertThat(table.indexedKeys()).containsExactly("o1");
  }

  private void setCity(String pk, AttributeValue city) {
    client.updateItem(r -> r.tableName("orders").key(item("pk", pk))
        .updateExpression("SET city = :c").expressionAttributeValues(Map.of(":c", city)));
  }

  @Test
  void transactionsWhileTheIndexIsCreatedAreWrittenAndOnesOnceItIsActiveCancelled() {
    putItem(item("pk", "o2", "city", "Oslo", "street", "Main"));
    table.addIndex();
    client.transactWriteItems(r -> r.transactItems(violatingTransaction()));
    assertThat(table.tableKeys()).containsExactly("mismatch", "o2");
    assertThat(table.get("o2")).containsEntry("city", n("8"));

    undoTransaction();
    table.startBackfill();
    client.transactWriteItems(r -> r.transactItems(violatingTransaction()));
    assertThat(table.tableKeys()).containsExactly("mismatch", "o2");
    assertThat(table.get("o2")).containsEntry("city", n("8"));

    undoTransaction();
    table.activate();
    for (TransactWriteItem action : violatingTransaction()) { // the put, then the update, each refused
      TransactionCanceledException cancelled = catchThrowableOfType(TransactionCanceledException.class,
          () -> client.transactWriteItems(r -> r.transactItems(action)));
      assertThat(cancelled).isNotNull();
      assertThat(cancelled.cancellationReasons()).extracting(CancellationReason::code, CancellationReason::message)
          .containsExactly(tuple("ValidationError", MISMATCH));
    }
    assertThat(table.tableKeys()).containsExactly("o2");
    assertThat(table.indexedKeys()).containsExactly("o2");
  }

  private static List<TransactWriteItem> violatingTransaction() {
    return List.of(
        TransactWriteItem.builder().put(p -> p.tableName("orders").item(violating("mismatch"))).build(),
        TransactWriteItem.builder().update(u -> u.tableName("orders").key(item("pk", "o2"))
            .updateExpression("SET city = :n").expressionAttributeValues(Map.of(":n", n("8")))).build());
  }

  /** Puts the table back as it was before {@link #violatingTransaction()}. */
  private void undoTransaction() {
    client.deleteItem(r -> r.tableName("orders").key(item("pk", "mismatch")));
    putItem(item("pk", "o2", "city", "Oslo", "street", "Main"));
  }

  @Test
  void batchWriteItemsWhileTheIndexIsCreatedAreWrittenAndOneOnceItIsActiveRefused() {
    table.addIndex();
    client.batchWriteItem(r -> r.requestItems(Map.of("orders", List.of(
        put(violating("longStreet")), put(item("pk", "valid", "city", "Oslo", "street", "Main"))))));
    table.startBackfill();
    client.batchWriteItem(r -> r.requestItems(Map.of("orders", List.of(put(violating("longCity"))))));
    table.activate();
    assertValidation(() -> client.batchWriteItem(r -> r.requestItems(Map.of("orders", List.of(
        put(item("pk", "fine", "city", "Oslo", "street", "Elm")), put(violating("mismatch")))))),
        MISMATCH);
    assertThat(table.tableKeys()).containsExactly("longCity", "longStreet", "valid");
    assertThat(table.indexedKeys()).containsExactly("valid");
  }

  @Test
  void partiqlWritesWhileTheIndexIsCreatedAreWrittenAndOnceItIsActiveRefused() {
    putItem(item("pk", "u", "city", "Oslo", "street", "Main"));
    table.addIndex();
    client.executeStatement(r -> r.statement("INSERT INTO \"orders\" VALUE {'pk': 'i', 'city': 1, 'street': 'Main'}"));
    client.executeStatement(r -> r.statement("UPDATE \"orders\" SET city = 2 WHERE pk = 'u'"));
    table.startBackfill();
    List<BatchStatementResponse> batch = client.batchExecuteStatement(r -> r.statements(
        batchStatement("INSERT INTO \"orders\" VALUE {'pk': 'b', 'city': 3, 'street': 'Main'}"))).responses();
    assertThat(batch.get(0).error()).isNull();
    client.executeTransaction(r -> r.transactStatements(
        statement("INSERT INTO \"orders\" VALUE {'pk': 't', 'city': 4, 'street': 'Main'}")));

    table.activate();
    assertValidation(() -> client.executeStatement(r -> r.statement(
        "INSERT INTO \"orders\" VALUE {'pk': 'i2', 'city': 1, 'street': 'Main'}")), MISMATCH);
    assertValidation(() -> client.executeStatement(r -> r.statement("UPDATE \"orders\" SET note = 'x' WHERE pk = 'u'")),
        MISMATCH);
    BatchStatementResponse refused = client.batchExecuteStatement(r -> r.statements(
        batchStatement("INSERT INTO \"orders\" VALUE {'pk': 'b2', 'city': 3, 'street': 'Main'}"))).responses().get(0);
    assertThat(refused.error().code()).isEqualTo(BatchStatementErrorCodeEnum.VALIDATION_ERROR);
    assertThat(refused.error().message()).isEqualTo(MISMATCH);
    TransactionCanceledException cancelled = catchThrowableOfType(TransactionCanceledException.class,
        () -> client.executeTransaction(r -> r.transactStatements(
            statement("INSERT INTO \"orders\" VALUE {'pk': 't2', 'city': 4, 'street': 'Main'}"))));
    assertThat(cancelled).isNotNull();
    assertThat(cancelled.cancellationReasons().get(0).message()).isEqualTo(MISMATCH);

    assertThat(table.tableKeys()).containsExactly("b", "i", "t", "u");
    assertThat(table.indexedKeys()).isEmpty();
  }

  @Test
  void aReplicaAppliesAPeersWriteThatItsActiveIndexWouldRefuseFromAClient() {
    try (DynamoDbClient west = table.addReplica()) {
      table.addIndex(); // in every replica, each created on the same clock
      table.clock.advance(OnlineIndexTable.STATUS_DELAY.minusMillis(500));
      putItem(violating("mismatch")); // accepted here: still backfilling
      table.clock.advance(Duration.ofSeconds(1)); // both indexes turn ACTIVE, then the write reaches eu-west-1 (1 s lag)

      assertThat(OnlineIndexTable.describeIndex(west).indexStatus()).isEqualTo(IndexStatus.ACTIVE);
      assertThat(west.getItem(r -> r.tableName("orders").key(item("pk", "mismatch"))).item())
          .as("applied in the replica, whose index now refuses such writes from clients").isEqualTo(violating("mismatch"));
      assertValidation(() -> west.putItem(r -> r.tableName("orders").item(item("pk", "w", "city", n("1")))), MISMATCH);
      assertThat(west.scan(r -> r.tableName("orders").indexName(OnlineIndexTable.INDEX)).count()).isZero();
    }
  }

  private static ParameterizedStatement statement(String text) {
    return ParameterizedStatement.builder().statement(text).build();
  }

  private static BatchStatementRequest batchStatement(String text) {
    return BatchStatementRequest.builder().statement(text).build();
  }
}
