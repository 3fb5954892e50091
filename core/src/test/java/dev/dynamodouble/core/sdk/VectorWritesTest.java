package dev.dynamodouble.core.sdk;

import static dev.dynamodouble.core.sdk.SdkTestSupport.assertValidation;
import static dev.dynamodouble.core.sdk.SdkTestSupport.attr;
import static dev.dynamodouble.core.sdk.SdkTestSupport.hash;
import static dev.dynamodouble.core.sdk.SdkTestSupport.n;
import static dev.dynamodouble.core.sdk.SdkTestSupport.s;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynamodouble.core.DynamoDouble;
import dev.dynamodouble.core.time.DynamoClock;
import dev.dynamodouble.core.time.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.SearchSchemaElementType;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.VectorDistanceFunction;
import software.amazon.awssdk.services.dynamodb.model.VectorIndex;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Writes to a table with vector indexes through the SDK: the VectorWriteRequestBytes each index
 * reports in ConsumedCapacity (INDEXES), and search schema attributes held to their declared types.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class VectorWritesTest {
  private static final Duration DELAY = Duration.ofSeconds(5);
  private ManualClock clock;
  private DynamoDouble dynamo;
  private DynamoDbClient client;

  @BeforeAll
  void start() {
    clock = DynamoClock.manual(Instant.parse("2026-01-01T00:00:00Z"));
    dynamo = DynamoDouble.builder().clock(clock).statusDelay(DELAY).start();
    client = SdkTestSupport.client(dynamo);
    client.createTable(r -> r.tableName("vecw").billingMode(BillingMode.PAY_PER_REQUEST).keySchema(hash("pk"))
        .attributeDefinitions(attr("pk", ScalarAttributeType.S), attr("cat", ScalarAttributeType.S),
            attr("rank", ScalarAttributeType.N))
        .vectorIndexes(
            VectorIndex.builder().indexName("byCat").dimensions(2L).distanceFunction(VectorDistanceFunction.COSINE)
                .vectorAttribute(v -> v.attributeName("emb")).projection(p -> p.projectionType(ProjectionType.KEYS_ONLY))
                .searchSchema(k -> k.attributeName("cat").searchSchemaElementType(SearchSchemaElementType.HASH),
                    k -> k.attributeName("rank").searchSchemaElementType(SearchSchemaElementType.INLINE_FILTER))
                .build(),
            VectorIndex.builder().indexName("all").dimensions(2L).distanceFunction(VectorDistanceFunction.EUCLIDEAN)
                .vectorAttribute(v -> v.attributeName("emb")).projection(p -> p.projectionType(ProjectionType.ALL))
                .build()));
    clock.advance(DELAY);
  }

  @AfterAll
  void stop() {
    client.close();
    dynamo.close();
  }

  private static AttributeValue vector(int x, int y) {
    return AttributeValue.fromL(List.of(n(Integer.toString(x)), n(Integer.toString(y))));
  }

  private static Map<String, AttributeValue> item(String pk) {
    return Map.of("pk", s(pk), "cat", s("x"), "emb", vector(1, 2), "title", s("hello"));
  }

  private ConsumedCapacity put(Map<String, AttributeValue> item) {
    return client.putItem(r -> r.tableName("vecw").item(item).returnConsumedCapacity(ReturnConsumedCapacity.INDEXES))
        .consumedCapacity();
  }

  private static double bytes(ConsumedCapacity capacity, String index) {
    return capacity.vectorIndexes().get(index).vectorWriteRequestBytes();
  }

  @Test
  void aPutReportsTheBytesReplicatedToEachIndexApartFromItsCapacityUnits() {
    ConsumedCapacity capacity = put(item("p1"));
    // byCat holds pk "p1" (4), cat (4) and the vector: "emb" 3 + list 3 + two elements of 1 + 2 bytes.
    assertThat(bytes(capacity, "byCat")).isEqualTo(20.0);
    // all holds the whole item: that, plus "title" 5 + "hello" 5.
    assertThat(bytes(capacity, "all")).isEqualTo(30.0);
    assertThat(capacity.capacityUnits()).isEqualTo(1.0);
    assertThat(capacity.table().capacityUnits()).isEqualTo(1.0);
  }

  @Test
  void onlyIndexesWhoseEntryChangesReportAndTotalReportsNone() {
    put(item("p2"));
    ConsumedCapacity title = client.updateItem(r -> r.tableName("vecw").key(Map.of("pk", s("p2")))
        .updateExpression("SET title = :t").expressionAttributeValues(Map.of(":t", s("bye!!")))
        .returnConsumedCapacity(ReturnConsumedCapacity.INDEXES)).consumedCapacity();
    assertThat(title.vectorIndexes()).containsOnlyKeys("all");
    assertThat(bytes(title, "all")).isEqualTo(30.0);

    ConsumedCapacity same = put(item("p2b"));
    assertThat(put(item("p2b")).hasVectorIndexes()).isFalse(); // the same item again: no indexed attribute changed
    assertThat(same.vectorIndexes()).containsOnlyKeys("byCat", "all");

    ConsumedCapacity noVector = put(Map.of("pk", s("p2c"), "cat", s("x")));
    assertThat(noVector.hasVectorIndexes()).isFalse();

    ConsumedCapacity total = client.putItem(r -> r.tableName("vecw").item(item("p2d"))
        .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)).consumedCapacity();
    assertThat(total.hasVectorIndexes()).isFalse();
    assertThat(total.capacityUnits()).isEqualTo(1.0);
  }

  @Test
  void aDeleteReportsTheEntryItRemoves() {
    put(item("p3"));
    ConsumedCapacity capacity = client.deleteItem(r -> r.tableName("vecw").key(Map.of("pk", s("p3")))
        .returnConsumedCapacity(ReturnConsumedCapacity.INDEXES)).consumedCapacity();
    assertThat(bytes(capacity, "byCat")).isEqualTo(20.0);
    assertThat(bytes(capacity, "all")).isEqualTo(30.0);
    ConsumedCapacity again = client.deleteItem(r -> r.tableName("vecw").key(Map.of("pk", s("p3")))
        .returnConsumedCapacity(ReturnConsumedCapacity.INDEXES)).consumedCapacity();
    assertThat(again.hasVectorIndexes()).isFalse();
  }

  @Test
  void batchesSumPerTableAndTransactionsCountEachItemOnce() {
    ConsumedCapacity batch = client.batchWriteItem(r -> r.requestItems(Map.of("vecw", List.of(
            WriteRequest.builder().putRequest(p -> p.item(item("b1"))).build(),
            WriteRequest.builder().putRequest(p -> p.item(item("b2"))).build())))
        .returnConsumedCapacity(ReturnConsumedCapacity.INDEXES)).consumedCapacity().get(0);
    assertThat(bytes(batch, "byCat")).isEqualTo(40.0);
    assertThat(bytes(batch, "all")).isEqualTo(60.0);

    ConsumedCapacity transaction = client.transactWriteItems(r -> r.transactItems(
            TransactWriteItem.builder().put(p -> p.tableName("vecw").item(item("t1"))).build(),
            TransactWriteItem.builder().delete(d -> d.tableName("vecw").key(Map.of("pk", s("b1")))).build())
        .returnConsumedCapacity(ReturnConsumedCapacity.INDEXES)).consumedCapacity().get(0);
    assertThat(bytes(transaction, "byCat")).isEqualTo(40.0);
    assertThat(bytes(transaction, "all")).isEqualTo(60.0);
    assertThat(transaction.capacityUnits()).isEqualTo(4.0);
  }

  @Test
  void searchSchemaAttributesMustHaveTheirDeclaredTypes() {
    assertValidation(() -> client.putItem(r -> r.tableName("vecw").item(Map.of("pk", s("bad"), "cat", n("1")))),
        "One or more parameter values were invalid: Type mismatch for Index Key cat Expected: S Actual: N "
            + "IndexName: byCat");
    assertValidation(() -> client.updateItem(r -> r.tableName("vecw").key(Map.of("pk", s("bad")))
            .updateExpression("SET #r = :r").expressionAttributeNames(Map.of("#r", "rank"))
            .expressionAttributeValues(Map.of(":r", s("first")))),
        "One or more parameter values were invalid: Type mismatch for Index Key rank Expected: N Actual: S "
            + "IndexName: byCat");
    assertThatThrownBy(() -> client.batchWriteItem(r -> r.requestItems(Map.of("vecw", List.of(WriteRequest.builder()
        .putRequest(p -> p.item(Map.of("pk", s("bad"), "rank", s("1")))).build())))))
        .hasMessageContaining("Type mismatch for Index Key rank Expected: N Actual: S IndexName: byCat");
    assertThatThrownBy(() -> client.transactWriteItems(r -> r.transactItems(TransactWriteItem.builder()
        .put(p -> p.tableName("vecw").item(Map.of("pk", s("bad"), "cat", n("2")))).build())))
        .isInstanceOfSatisfying(TransactionCanceledException.class, e -> assertThat(e.cancellationReasons().get(0).message())
            .contains("Type mismatch for Index Key cat Expected: S Actual: N IndexName: byCat"));
    assertThat(client.getItem(r -> r.tableName("vecw").key(Map.of("pk", s("bad")))).hasItem()).isFalse();
    // sparse, as a GSI key: an item without the attributes (or without a vector) is stored
    client.putItem(r -> r.tableName("vecw").item(Map.of("pk", s("ok"), "rank", n("3"))));
    assertThat(client.getItem(r -> r.tableName("vecw").key(Map.of("pk", s("ok")))).hasItem()).isTrue();
  }

  @Test
  void anIndexAddedByUpdateTableHoldsWritesToItsSearchSchemaAndIsChargedWhileBackfillingButNotWhileDeleting() {
    client.createTable(r -> r.tableName("vlate").billingMode(BillingMode.PAY_PER_REQUEST).keySchema(hash("pk"))
        .attributeDefinitions(attr("pk", ScalarAttributeType.S)));
    clock.advance(DELAY);
    client.putItem(r -> r.tableName("vlate").item(Map.of("pk", s("before"), "grp", s("text"))));
    client.updateTable(r -> r.tableName("vlate").attributeDefinitions(attr("grp", ScalarAttributeType.N))
        .vectorIndexUpdates(u -> u.create(c -> c.indexName("late").dimensions(2L)
            .distanceFunction(VectorDistanceFunction.EUCLIDEAN).vectorAttribute(v -> v.attributeName("emb"))
            .searchSchema(k -> k.attributeName("grp").searchSchemaElementType(SearchSchemaElementType.HASH))
            .projection(p -> p.projectionType(ProjectionType.KEYS_ONLY)))));
    assertValidation(() -> client.putItem(r -> r.tableName("vlate").item(Map.of("pk", s("x"), "grp", s("text")))),
        "One or more parameter values were invalid: Type mismatch for Index Key grp Expected: N Actual: S "
            + "IndexName: late");
    ConsumedCapacity backfilling = client.putItem(r -> r.tableName("vlate")
        .item(Map.of("pk", s("y"), "grp", n("1"), "emb", vector(1, 2)))
        .returnConsumedCapacity(ReturnConsumedCapacity.INDEXES)).consumedCapacity();
    // pk "y" 3, grp 3 + 2, the vector 3 + 9
    assertThat(bytes(backfilling, "late")).isEqualTo(20.0);
    clock.advance(DELAY);

    client.updateTable(r -> r.tableName("vlate").vectorIndexUpdates(u -> u.delete(d -> d.indexName("late"))));
    ConsumedCapacity deleting = client.putItem(r -> r.tableName("vlate")
        .item(Map.of("pk", s("z"), "grp", s("text"), "emb", vector(1, 2)))
        .returnConsumedCapacity(ReturnConsumedCapacity.INDEXES)).consumedCapacity();
    assertThat(deleting.hasVectorIndexes()).isFalse();
    clock.advance(DELAY);
    client.deleteTable(r -> r.tableName("vlate"));
    clock.advance(DELAY);
  }
}
