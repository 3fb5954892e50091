package dev.dynamodouble.core.capacity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchExecuteStatementResponse;
import software.amazon.awssdk.services.dynamodb.model.BatchStatementRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ParameterizedStatement;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.dynamodb.model.ThrottlingReason;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * A global secondary index partition-key value out of write capacity refuses, in advance, the
 * writes of batches, transactions and PartiQL statements that go to it, as it refuses a single
 * PutItem: the batch returns them in UnprocessedItems, the transaction is cancelled with
 * ThrottlingError and writes nothing, the statement is throttled.
 */
class HotIndexKeyMultiItemWritesTest extends ManualEndpointTest {
  private static final String BIG = "x".repeat(399_000); // 390 write units
  private static final String INDEX_ARN = "arn:aws:dynamodb:us-east-1:000000000000:table/hot/index/byG";

  /** Table "hot" (pk, sk) with GSI "byG" on "gk", 10,000 units everywhere; index partition "same" spent. */
  @BeforeEach
  void hotIndexPartition() {
    endpoint.createWithIndex("hot", "byG", "gk");
    for (String pk : List.of("p0", "p1", "p2")) { // 3 × 390 = 1,170 of the index partition's 1,000 units
      client.putItem(r -> r.tableName("hot").item(item(pk, "same", BIG)));
    }
  }

  private static Map<String, AttributeValue> item(String pk, String gk, String value) {
    return Map.of("pk", AttributeValue.fromS(pk), "sk", AttributeValue.fromS("s"), "gk", AttributeValue.fromS(gk),
        "v", AttributeValue.fromS(value));
  }

  private static Map<String, AttributeValue> key(String pk) {
    return Map.of("pk", AttributeValue.fromS(pk), "sk", AttributeValue.fromS("s"));
  }

  private static WriteRequest put(String pk, String gk) {
    return WriteRequest.builder().putRequest(p -> p.item(item(pk, gk, "small"))).build();
  }

  private boolean exists(String pk) {
    return client.getItem(r -> r.tableName("hot").key(key(pk)).consistentRead(true)).hasItem();
  }

  @Test
  void aBatchReturnsTheWritesToAHotIndexPartitionUnprocessed() {
    BatchWriteItemResponse response = client.batchWriteItem(r -> r.requestItems(Map.of("hot", List.of(
        put("n1", "same"), put("n2", "other"),
        WriteRequest.builder().deleteRequest(d -> d.key(key("p0"))).build())))); // stored in "same"
    assertThat(response.unprocessedItems().get("hot")).hasSize(2);
    assertThat(response.unprocessedItems().get("hot").get(0).putRequest().item().get("pk").s()).isEqualTo("n1");
    assertThat(response.unprocessedItems().get("hot").get(1).deleteRequest().key().get("pk").s()).isEqualTo("p0");
    assertThat(exists("n1")).isFalse();
    assertThat(exists("n2")).isTrue();
    assertThat(exists("p0")).isTrue();
    ThroughputUsage usage = dynamo.capacity().usage("hot");
    assertThat(usage.admittedWrites()).isEqualTo(4);
    assertThat(usage.throttledWrites()).isEqualTo(2);

    // Nothing of it could be processed: the batch itself is throttled, naming the index.
    assertThatThrownBy(() -> client.batchWriteItem(r -> r.requestItems(Map.of("hot", List.of(put("n1", "same"))))))
        .isInstanceOfSatisfying(ProvisionedThroughputExceededException.class, e ->
            assertThat(e.throttlingReasons()).extracting(ThrottlingReason::reason, ThrottlingReason::resource)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("IndexWriteKeyRangeThroughputExceeded", INDEX_ARN)));

    clock.advance(Duration.ofSeconds(1)); // the index partition refills: 1,000 - 170 left
    assertThat(client.batchWriteItem(r -> r.requestItems(Map.of("hot", List.of(put("n1", "same")))))
        .unprocessedItems()).isEmpty();
    assertThat(exists("n1")).isTrue();
  }

  @Test
  void aTransactionWritingToAHotIndexPartitionIsCancelledWithNothingWritten() {
    TransactWriteItem coldPut = TransactWriteItem.builder().put(p -> p.tableName("hot").item(item("n2", "other", "v")))
        .build();
    TransactWriteItem hotPut = TransactWriteItem.builder().put(p -> p.tableName("hot").item(item("n1", "same", "v")))
        .build();
    assertThatThrownBy(() -> client.transactWriteItems(r -> r.transactItems(coldPut, hotPut)))
        .isInstanceOfSatisfying(TransactionCanceledException.class, e ->
            assertThat(e.cancellationReasons()).extracting(CancellationReason::code).containsExactly("None", "ThrottlingError"));
    TransactWriteItem hotUpdate = TransactWriteItem.builder().update(u -> u.tableName("hot").key(key("p1"))
        .updateExpression("SET v = :v").expressionAttributeValues(Map.of(":v", AttributeValue.fromS("changed")))).build();
    assertThatThrownBy(() -> client.transactWriteItems(r -> r.transactItems(hotUpdate, coldPut)))
        .isInstanceOfSatisfying(TransactionCanceledException.class, e ->
            assertThat(e.cancellationReasons()).extracting(CancellationReason::code).containsExactly("ThrottlingError", "None"));
    assertThat(exists("n2")).isFalse();
    assertThat(client.getItem(r -> r.tableName("hot").key(key("p1"))).item().get("v").s()).isEqualTo(BIG);

    // A condition check writes no index entry: the item in the hot index partition does not hold it back.
    TransactWriteItem check = TransactWriteItem.builder().conditionCheck(c -> c.tableName("hot").key(key("p1"))
        .conditionExpression("attribute_exists(pk)")).build();
    client.transactWriteItems(r -> r.transactItems(check, coldPut));
    assertThat(exists("n2")).isTrue();
    assertThat(dynamo.capacity().usage("hot").throttledWrites()).isEqualTo(2);
  }

  @Test
  void partiqlWritesToAHotIndexPartitionAreThrottled() {
    String insertHot = "INSERT INTO \"hot\" VALUE {'pk': 'n1', 'sk': 's', 'gk': 'same'}";
    String insertCold = "INSERT INTO \"hot\" VALUE {'pk': 'n2', 'sk': 's', 'gk': 'other'}";
    assertThatThrownBy(() -> client.executeStatement(r -> r.statement(insertHot)))
        .isInstanceOfSatisfying(ProvisionedThroughputExceededException.class, e ->
            assertThat(e.throttlingReasons()).extracting(ThrottlingReason::reason)
                .containsExactly("IndexWriteKeyRangeThroughputExceeded"));
    assertThatThrownBy(() -> client.executeStatement(r -> r.statement("UPDATE \"hot\" SET v = 'w' WHERE pk = 'p0' AND sk = 's'")))
        .isInstanceOf(ProvisionedThroughputExceededException.class);
    assertThatThrownBy(() -> client.executeStatement(r -> r.statement("DELETE FROM \"hot\" WHERE pk = 'p0' AND sk = 's'")))
        .isInstanceOf(ProvisionedThroughputExceededException.class);

    BatchExecuteStatementResponse batch = client.batchExecuteStatement(r -> r.statements(
        BatchStatementRequest.builder().statement(insertHot).build(),
        BatchStatementRequest.builder().statement(insertCold).build()));
    assertThat(batch.responses().get(0).error().codeAsString()).isEqualTo("ProvisionedThroughputExceeded");
    assertThat(batch.responses().get(1).error()).isNull();

    String insertCold3 = "INSERT INTO \"hot\" VALUE {'pk': 'n3', 'sk': 's', 'gk': 'other'}";
    assertThatThrownBy(() -> client.executeTransaction(r -> r.transactStatements(
        ParameterizedStatement.builder().statement(insertCold3).build(),
        ParameterizedStatement.builder().statement(insertHot).build())))
        .isInstanceOfSatisfying(TransactionCanceledException.class, e ->
            assertThat(e.cancellationReasons()).extracting(CancellationReason::code).containsExactly("None", "ThrottlingError"));
    assertThat(exists("n1")).isFalse();
    assertThat(exists("n2")).isTrue();
    assertThat(exists("n3")).isFalse();
    assertThat(exists("p0")).isTrue();
    assertThat(dynamo.capacity().usage("hot").throttledWrites()).isEqualTo(5);
  }

  @Test
  void aMultiAttributeIndexPartitionIsTheWholeCompositeKey() {
    endpoint.createWithIndex("multi", "byAB", "a", "b");
    java.util.function.BiConsumer<String, String> put = (pk, b) -> client.putItem(r -> r.tableName("multi").item(Map.of(
        "pk", AttributeValue.fromS(pk), "sk", AttributeValue.fromS("s"), "a", AttributeValue.fromS("x"),
        "b", AttributeValue.fromS(b), "v", AttributeValue.fromS(BIG))));
    for (String pk : List.of("m0", "m1", "m2")) { // 1,170 units into index partition (x, 1)
      put.accept(pk, "1");
    }
    assertThatThrownBy(() -> put.accept("m3", "1"))
        .isInstanceOfSatisfying(ProvisionedThroughputExceededException.class, e ->
            assertThat(e.throttlingReasons()).extracting(ThrottlingReason::reason, ThrottlingReason::resource)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("IndexWriteKeyRangeThroughputExceeded",
                    "arn:aws:dynamodb:us-east-1:000000000000:table/multi/index/byAB")));
    put.accept("m3", "2"); // same first attribute, another partition
    assertThat(client.batchWriteItem(r -> r.requestItems(Map.of("multi", List.of(
        WriteRequest.builder().putRequest(p -> p.item(Map.of("pk", AttributeValue.fromS("m4"),
            "sk", AttributeValue.fromS("s"), "a", AttributeValue.fromS("x"), "b", AttributeValue.fromS("1")))).build(),
        WriteRequest.builder().putRequest(p -> p.item(Map.of("pk", AttributeValue.fromS("m5"),
            "sk", AttributeValue.fromS("s"), "a", AttributeValue.fromS("x"), "b", AttributeValue.fromS("2")))).build()))))
        .unprocessedItems().get("multi")).extracting(w -> w.putRequest().item().get("pk").s()).containsExactly("m4");
    assertThat(dynamo.capacity().usage("multi").throttledWrites()).isEqualTo(2);
  }
}
