package dev.dynamodouble.core.sdk;

import static dev.dynamodouble.core.sdk.SdkTestSupport.assertValidation;
import static dev.dynamodouble.core.sdk.SdkTestSupport.attr;
import static dev.dynamodouble.core.sdk.SdkTestSupport.hash;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.dynamodouble.core.DynamoDouble;
import dev.dynamodouble.core.time.DynamoClock;
import dev.dynamodouble.core.time.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.IndexStatus;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.SearchResultItem;
import software.amazon.awssdk.services.dynamodb.model.SearchSchemaElementType;
import software.amazon.awssdk.services.dynamodb.model.SearchVectorsRequest;
import software.amazon.awssdk.services.dynamodb.model.VectorDistanceFunction;
import software.amazon.awssdk.services.dynamodb.model.VectorIndex;
import software.amazon.awssdk.services.dynamodb.model.VectorIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Vector indexes and SearchVectors through the SDK: exact nearest neighbours per distance
 * function (expected orders and scores computed by hand), search schema filters, projections,
 * TopK bounds, the index lifecycle on the engine clock, and the refusals.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class VectorSearchTest {
  private static final Duration DELAY = Duration.ofSeconds(5);
  private ManualClock clock;
  private DynamoDouble dynamo;
  private DynamoDbClient client;

  @BeforeAll
  void start() {
    clock = DynamoClock.manual(Instant.parse("2026-01-01T00:00:00Z"));
    dynamo = DynamoDouble.builder().clock(clock).statusDelay(DELAY).start();
    client = SdkTestSupport.client(dynamo);
    client.createTable(r -> r.tableName("docs").billingMode(BillingMode.PAY_PER_REQUEST).keySchema(hash("pk"))
        .attributeDefinitions(attr("pk", ScalarAttributeType.S), attr("cat", ScalarAttributeType.S),
            attr("lang", ScalarAttributeType.S))
        .vectorIndexes(index("byCos", VectorDistanceFunction.COSINE, ProjectionType.KEYS_ONLY, true),
            index("byEuc", VectorDistanceFunction.EUCLIDEAN, ProjectionType.INCLUDE, false),
            index("byDot", VectorDistanceFunction.DOT_PRODUCT, ProjectionType.ALL, false)));
    clock.advance(DELAY);
    put("a", "x", "en", 1, 0);
    put("b", "x", "fr", 0, 1);
    put("c", "x", "en", 1, 2);
    put("d", "y", "en", -2, 0);
    put("e", "x", "en", 3, 4);
    client.putItem(r -> r.tableName("docs").item(Map.of("pk", s("novector"), "cat", s("x"))));
  }

  @AfterAll
  void stop() {
    client.close();
    dynamo.close();
  }

  private static VectorIndex index(String name, VectorDistanceFunction function, ProjectionType projection,
                                   boolean schema) {
    VectorIndex.Builder builder = VectorIndex.builder().indexName(name).dimensions(2L).distanceFunction(function)
        .vectorAttribute(v -> v.attributeName("emb"))
        .projection(p -> p.projectionType(projection).nonKeyAttributes(
            projection == ProjectionType.INCLUDE ? List.of("title") : null));
    if (schema) {
      builder.searchSchema(k -> k.attributeName("cat").searchSchemaElementType(SearchSchemaElementType.HASH),
          k -> k.attributeName("lang").searchSchemaElementType(SearchSchemaElementType.INLINE_FILTER));
    }
    return builder.build();
  }

  private void put(String pk, String cat, String lang, double x, double y) {
    Map<String, AttributeValue> item = new LinkedHashMap<>();
    item.put("pk", s(pk));
    item.put("cat", s(cat));
    item.put("lang", s(lang));
    item.put("title", s("title " + pk));
    item.put("emb", vector(x, y));
    client.putItem(r -> r.tableName("docs").item(item));
  }

  private static AttributeValue s(String value) {
    return AttributeValue.fromS(value);
  }

  private static AttributeValue vector(double... values) {
    return AttributeValue.fromL(java.util.Arrays.stream(values).mapToObj(v -> AttributeValue.fromN(
        java.math.BigDecimal.valueOf(v).stripTrailingZeros().toPlainString())).toList());
  }

  private List<SearchResultItem> search(String index, int topK, Consumer<SearchVectorsRequest.Builder> more,
                                        double... query) {
    return client.searchVectors(r -> {
      r.tableName("docs").indexName(index).topK(topK).searchVector(vector(query).l());
      more.accept(r);
    }).searchResults();
  }

  private static List<String> keys(List<SearchResultItem> results) {
    return results.stream().map(r -> r.item().get("pk").s()).toList();
  }

  private static Consumer<SearchVectorsRequest.Builder> catX() {
    return r -> r.searchConditionExpression("cat = :c").expressionAttributeValues(Map.of(":c", s("x")));
  }

  @Test
  void cosineRanksBySmallestOneMinusSimilarityWithinThePartitionKey() {
    List<SearchResultItem> results = search("byCos", 3, catX(), 1, 0);
    assertThat(keys(results)).containsExactly("a", "e", "c"); // scores 0, 1 - 3/5, 1 - 1/sqrt(5); b (1) is 4th
    assertThat(results.get(0).score()).isEqualTo(0.0);
    assertThat(results.get(1).score()).isCloseTo(0.4, within(1e-6));
    assertThat(results.get(2).score()).isCloseTo(1 - 1 / Math.sqrt(5), within(1e-6));
    assertThat(results.get(0).item()).containsOnlyKeys("pk", "cat", "lang"); // KEYS_ONLY: table key and search schema
    assertThat(keys(search("byCos", 10, catX(), 1, 0))).containsExactly("a", "e", "c", "b"); // d is in cat y
  }

  @Test
  void inlineFiltersAreEqualitiesJoinedByAnd() {
    List<SearchResultItem> results = search("byCos", 10, r -> r.searchConditionExpression("cat = :c AND #l = :l")
        .expressionAttributeNames(Map.of("#l", "lang")).expressionAttributeValues(Map.of(":c", s("x"), ":l", s("fr"))),
        1, 0);
    assertThat(keys(results)).containsExactly("b");
    assertThat(results.get(0).score()).isEqualTo(1.0);
  }

  @Test
  void euclideanRanksByDistanceAndTheIndexHoldsItsIncludedAttributes() {
    List<SearchResultItem> results = search("byEuc", 5, r -> { }, 1, 0);
    assertThat(keys(results)).containsExactly("a", "b", "c", "d", "e"); // 0, sqrt 2, 2, 3, sqrt 20
    assertThat(results.stream().map(SearchResultItem::score).toList())
        .containsExactly(0.0, Math.sqrt(2), 2.0, 3.0, Math.sqrt(20));
    assertThat(results.get(0).item()).containsOnlyKeys("pk", "title");
  }

  @Test
  void dotProductRanksHighestFirstAndProjectionExpressionNarrowsTheItems() {
    List<SearchResultItem> results = search("byDot", 2, r -> r.projectionExpression("pk, emb"), 1, 0.5);
    assertThat(keys(results)).containsExactly("e", "c"); // 5, 2, then a 1, b 0.5, d -2
    assertThat(results.get(0).score()).isEqualTo(5.0);
    assertThat(results.get(0).item()).containsOnlyKeys("pk", "emb");
    assertThat(keys(search("byDot", 100, r -> { }, 1, 0.5))).containsExactly("e", "c", "a", "b", "d");
  }

  @Test
  void theTableMayBeNamedByArnAndCapacityIsVectorSearchBytes() {
    String arn = client.describeTable(r -> r.tableName("docs")).table().tableArn();
    var response = client.searchVectors(r -> r.tableName(arn).indexName("byEuc").topK(1)
        .searchVector(vector(1, 0).l()).returnConsumedCapacity(ReturnConsumedCapacity.TOTAL));
    assertThat(keys(response.searchResults())).containsExactly("a");
    assertThat(response.consumedCapacity().vectorSearchRequestBytes()).isGreaterThanOrEqualTo(5 * 2 * 4.0);
    assertThat(client.searchVectors(r -> r.tableName("docs").indexName("byEuc").topK(1)
        .searchVector(vector(1, 0).l())).consumedCapacity()).isNull();
  }

  @Test
  void describeTableReportsTheVectorIndexes() {
    List<VectorIndexDescription> indexes = client.describeTable(r -> r.tableName("docs")).table().vectorIndexes();
    assertThat(indexes).extracting(VectorIndexDescription::indexName).containsExactly("byCos", "byEuc", "byDot");
    VectorIndexDescription cos = indexes.get(0);
    assertThat(cos.indexStatus()).isEqualTo(IndexStatus.ACTIVE);
    assertThat(cos.dimensions()).isEqualTo(2L);
    assertThat(cos.distanceFunction()).isEqualTo(VectorDistanceFunction.COSINE);
    assertThat(cos.vectorAttribute().attributeName()).isEqualTo("emb");
    assertThat(cos.searchSchema()).extracting(e -> e.attributeName() + ":" + e.searchSchemaElementType())
        .containsExactly("cat:HASH", "lang:INLINE_FILTER");
    assertThat(cos.itemCount()).isEqualTo(5L); // "novector" has no vector
    assertThat(cos.indexArn()).endsWith(":table/docs/index/byCos");
  }

  @Test
  void searchValidation() {
    assertValidation(() -> search("byEuc", 0, r -> { }, 1, 0), "Provided TopK value is out of valid range");
    assertValidation(() -> search("byEuc", 101, r -> { }, 1, 0), "Provided TopK value is out of valid range");
    assertValidation(() -> search("byCos", 1, r -> { }, 1, 0),
        "SearchConditionExpression must be provided when SearchSchema has a HASH key");
    assertValidation(() -> search("byCos", 1, r -> r.searchConditionExpression("lang = :l")
            .expressionAttributeValues(Map.of(":l", s("en"))), 1, 0),
        "SearchConditionExpression must be provided when SearchSchema has a HASH key");
    assertValidation(() -> search("byCos", 1, r -> r.searchConditionExpression("cat > :c")
        .expressionAttributeValues(Map.of(":c", s("x"))), 1, 0), "Invalid comparator used in SearchConditionExpression");
    assertValidation(() -> search("byCos", 1, r -> r.searchConditionExpression("cat = :c OR lang = :c")
        .expressionAttributeValues(Map.of(":c", s("x"))), 1, 0), "Invalid comparator used in SearchConditionExpression");
    assertValidation(() -> search("nope", 1, r -> { }, 1, 0), "The table does not have the specified index: nope");
    assertValidation(() -> search("byEuc", 1, r -> { }, 1, 0, 0), "One or more parameter values were invalid: "
        + "SearchVector has 3 dimensions, but vector index byEuc has 2");
  }

  @Test
  void writesRefuseAVectorOfTheWrongShape() {
    assertValidation(() -> client.putItem(r -> r.tableName("docs").item(Map.of("pk", s("bad"), "emb", vector(1, 2, 3)))),
        "One or more parameter values were invalid: Vector dimensions mismatch for vector attribute emb: expected 2, "
            + "got 3. IndexName: byCos");
    assertValidation(() -> client.putItem(r -> r.tableName("docs").item(Map.of("pk", s("bad"), "emb", s("[1,2]")))),
        "One or more parameter values were invalid: Invalid parameter type for vector attribute emb: expected a list "
            + "(L) of numbers (N), got S. IndexName: byCos");
    String mismatch = "Vector dimensions mismatch for vector attribute emb: expected 2, got 1";
    assertThatThrownBy(() -> client.updateItem(r -> r.tableName("docs").key(Map.of("pk", s("a")))
        .updateExpression("SET emb = :v").expressionAttributeValues(Map.of(":v", vector(1)))))
        .hasMessageContaining(mismatch);
    assertThatThrownBy(() -> client.batchWriteItem(r -> r.requestItems(Map.of("docs", List.of(WriteRequest.builder()
        .putRequest(p -> p.item(Map.of("pk", s("bad"), "emb", vector(1)))).build())))))
        .hasMessageContaining(mismatch);
    assertThatThrownBy(() -> client.transactWriteItems(r -> r.transactItems(TransactWriteItem.builder()
        .put(p -> p.tableName("docs").item(Map.of("pk", s("bad"), "emb", vector(1)))).build())))
        .isInstanceOfSatisfying(TransactionCanceledException.class, e -> assertThat(e.cancellationReasons().get(0))
            .satisfies(reason -> assertThat(reason.code()).isEqualTo("ValidationError"))
            .satisfies(reason -> assertThat(reason.message()).contains(mismatch)));
    assertThat(client.getItem(r -> r.tableName("docs").key(Map.of("pk", s("bad")))).hasItem()).isFalse();
    assertThat(client.getItem(r -> r.tableName("docs").key(Map.of("pk", s("a")))).item().get("emb").l()).hasSize(2);
  }

  @Test
  void createTableValidation() {
    assertValidation(() -> client.createTable(r -> r.tableName("prov").keySchema(hash("pk"))
            .provisionedThroughput(t -> t.readCapacityUnits(1L).writeCapacityUnits(1L))
            .attributeDefinitions(attr("pk", ScalarAttributeType.S))
            .vectorIndexes(index("v1x", VectorDistanceFunction.COSINE, ProjectionType.ALL, false))),
        "One or more parameter values were invalid: Vector indexes are only supported on tables with BillingMode "
            + "PAY_PER_REQUEST");
    assertValidation(() -> client.createTable(r -> r.tableName("undef").billingMode(BillingMode.PAY_PER_REQUEST)
            .keySchema(hash("pk")).attributeDefinitions(attr("pk", ScalarAttributeType.S))
            .vectorIndexes(index("v1x", VectorDistanceFunction.COSINE, ProjectionType.ALL, true))),
        "One element in SearchSchema is not defined in attribute definitions");
    assertValidation(() -> client.createTable(r -> r.tableName("dims").billingMode(BillingMode.PAY_PER_REQUEST)
            .keySchema(hash("pk")).attributeDefinitions(attr("pk", ScalarAttributeType.S))
            .vectorIndexes(index("v1x", VectorDistanceFunction.COSINE, ProjectionType.ALL, false).toBuilder()
                .dimensions(0L).build())),
        "1 validation error detected: Value '0' at 'vectorIndexes.1.member.dimensions' failed to satisfy constraint: "
            + "Member must have value greater than or equal to 1");
    assertThat(client.listTables().tableNames()).doesNotContain("prov", "undef", "dims");
  }

  @Test
  void anIndexAddedByUpdateTableBackfillsOnTheEngineClockAndIsDeletedTheSameWay() {
    client.createTable(r -> r.tableName("later").billingMode(BillingMode.PAY_PER_REQUEST).keySchema(hash("pk"))
        .attributeDefinitions(attr("pk", ScalarAttributeType.S)));
    clock.advance(DELAY);
    client.putItem(r -> r.tableName("later").item(Map.of("pk", s("p"), "emb", vector(0, 1))));
    client.updateTable(r -> r.tableName("later").vectorIndexUpdates(u -> u.create(c -> c.indexName("late")
        .dimensions(2L).distanceFunction(VectorDistanceFunction.EUCLIDEAN).vectorAttribute(v -> v.attributeName("emb"))
        .projection(p -> p.projectionType(ProjectionType.ALL)))));
    VectorIndexDescription creating = client.describeTable(r -> r.tableName("later")).table().vectorIndexes().get(0);
    assertThat(creating.indexStatus()).isEqualTo(IndexStatus.CREATING);
    assertThat(creating.backfilling()).isFalse(); // allocating its resources: see VectorIndexLifecycleTest
    assertValidation(() -> client.searchVectors(r -> r.tableName("later").indexName("late").topK(1)
        .searchVector(vector(0, 1).l())), "The table does not have the specified index: late"); // nothing to search yet
    clock.advance(DELAY.dividedBy(2)); // backfilling
    assertValidation(() -> client.searchVectors(r -> r.tableName("later").indexName("late").topK(1)
        .searchVector(vector(0, 1).l())), "Cannot search backfilling vector index: late");
    clock.advance(DELAY.dividedBy(2));
    assertThat(client.describeTable(r -> r.tableName("later")).table().vectorIndexes().get(0).indexStatus())
        .isEqualTo(IndexStatus.ACTIVE);
    assertThat(client.searchVectors(r -> r.tableName("later").indexName("late").topK(1)
        .searchVector(vector(0, 1).l())).searchResults().get(0).score()).isEqualTo(0.0);

    client.updateTable(r -> r.tableName("later").vectorIndexUpdates(u -> u.delete(d -> d.indexName("late"))));
    assertThat(client.describeTable(r -> r.tableName("later")).table().vectorIndexes().get(0).indexStatus())
        .isEqualTo(IndexStatus.DELETING);
    assertValidation(() -> client.searchVectors(r -> r.tableName("later").indexName("late").topK(1)
        .searchVector(vector(0, 1).l())), "The table does not have the specified index: late");
    clock.advance(DELAY);
    assertThat(client.describeTable(r -> r.tableName("later")).table().vectorIndexes()).isEmpty();
    client.deleteTable(r -> r.tableName("later"));
    clock.advance(DELAY);
  }

  @Test
  void vectorIndexesAndGlobalTablesAreRefusedTogetherByName() {
    assertValidation(() -> client.updateTable(r -> r.tableName("docs")
            .replicaUpdates(u -> u.create(c -> c.regionName("eu-west-1")))),
        "ReplicaUpdates' Create is not supported by Dynamo Double yet for a table with vector indexes: vector "
            + "indexes are not replicated between replicas yet");
    client.createTable(r -> r.tableName("global").billingMode(BillingMode.PAY_PER_REQUEST).keySchema(hash("pk"))
        .attributeDefinitions(attr("pk", ScalarAttributeType.S)));
    clock.advance(DELAY);
    client.updateTable(r -> r.tableName("global").replicaUpdates(u -> u.create(c -> c.regionName("eu-west-1"))));
    clock.advance(DELAY);
    assertValidation(() -> client.updateTable(r -> r.tableName("global").vectorIndexUpdates(u -> u.create(c -> c
            .indexName("vec").dimensions(2L).distanceFunction(VectorDistanceFunction.EUCLIDEAN)
            .vectorAttribute(v -> v.attributeName("emb")).projection(p -> p.projectionType(ProjectionType.ALL))))),
        "VectorIndexUpdates is not supported by Dynamo Double yet on a global table: vector indexes are not "
            + "replicated between replicas yet");
    assertThat(client.describeTable(r -> r.tableName("global")).table().vectorIndexes()).isEmpty();
  }
}
