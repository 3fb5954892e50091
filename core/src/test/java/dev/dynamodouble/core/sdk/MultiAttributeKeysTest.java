package dev.dynamodouble.core.sdk;

import static dev.dynamodouble.core.sdk.SdkTestSupport.assertValidation;
import static dev.dynamodouble.core.sdk.SdkTestSupport.attr;
import static dev.dynamodouble.core.sdk.SdkTestSupport.hash;
import static dev.dynamodouble.core.sdk.SdkTestSupport.item;
import static dev.dynamodouble.core.sdk.SdkTestSupport.n;
import static dev.dynamodouble.core.sdk.SdkTestSupport.range;
import static dev.dynamodouble.core.sdk.SdkTestSupport.repeat;
import static dev.dynamodouble.core.sdk.SdkTestSupport.s;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dynamodouble.core.DynamoDouble;
import dev.dynamodouble.core.time.DynamoClock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.ComparisonOperator;
import software.amazon.awssdk.services.dynamodb.model.Condition;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * Multi-attribute GSI keys: up to four HASH and four RANGE attributes, queried with equality on
 * every partition attribute and the sort attributes left to right. Messages as DynamoDB Local 3.3
 * answers them (and, where noted in the README, as the service was observed to).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MultiAttributeKeysTest {
  private DynamoDouble dynamo;
  private DynamoDbClient client;
  private int counter;

  @BeforeAll
  void start() {
    dynamo = DynamoDouble.builder().clock(DynamoClock.manual(Instant.parse("2025-12-01T00:00:00Z"))).start();
    client = SdkTestSupport.client(dynamo);
    create("matches", hash("a"), hash("b"), range("c"), range("d"));
    put("1", "x", "1", "c1", "5");
    put("2", "x", "1", "c1", "7");
    put("3", "x", "1", "c2", "1");
    put("4", "x", "2", "c1", "1");
    put("5", "y", "1", "c1", "1");
    client.putItem(r -> r.tableName("matches").item(item("pk", s("6"), "a", s("x"), "b", n("1"), "c", s("c3"))));
  }

  @AfterAll
  void stop() {
    client.close();
    dynamo.close();
  }

  private void create(String table, KeySchemaElement... gsiKey) {
    client.createTable(r -> r.tableName(table).billingMode(BillingMode.PAY_PER_REQUEST)
        .keySchema(hash("pk"))
        .attributeDefinitions(attr("pk", ScalarAttributeType.S), attr("a", ScalarAttributeType.S),
            attr("b", ScalarAttributeType.N), attr("c", ScalarAttributeType.S), attr("d", ScalarAttributeType.N))
        .globalSecondaryIndexes(gsi("byMatch", gsiKey)));
  }

  private static GlobalSecondaryIndex gsi(String name, KeySchemaElement... key) {
    return GlobalSecondaryIndex.builder().indexName(name).keySchema(key)
        .projection(Projection.builder().projectionType(ProjectionType.ALL).build()).build();
  }

  private void put(String pk, String a, String b, String c, String d) {
    client.putItem(r -> r.tableName("matches").item(item("pk", s(pk), "a", s(a), "b", n(b), "c", s(c), "d", n(d))));
  }

  private QueryResponse query(String condition, boolean forward, Object... values) {
    Map<String, AttributeValue> bound = item(values);
    return client.query(r -> r.tableName("matches").indexName("byMatch").keyConditionExpression(condition)
        .expressionAttributeValues(bound).scanIndexForward(forward));
  }

  private static List<String> pks(QueryResponse response) {
    return response.items().stream().map(i -> i.get("pk").s()).collect(Collectors.toList());
  }

  @Test
  void describesEveryKeyAttributeInOrder() {
    List<KeySchemaElement> key = client.describeTable(r -> r.tableName("matches")).table()
        .globalSecondaryIndexes().get(0).keySchema();
    assertThat(key).containsExactly(hash("a"), hash("b"), range("c"), range("d"));
  }

  @Test
  void queriesByEveryPartitionAttributeInTupleOrder() {
    assertThat(pks(query("a = :a AND b = :b", true, ":a", s("x"), ":b", n("1")))).containsExactly("1", "2", "3");
    assertThat(pks(query("a = :a AND b = :b", false, ":a", s("x"), ":b", n("1")))).containsExactly("3", "2", "1");
  }

  @Test
  void itemsMissingAKeyAttributeAreNotIndexed() {
    assertThat(client.scan(r -> r.tableName("matches").indexName("byMatch")).count()).isEqualTo(5);
  }

  @Test
  void sortAttributesLeftToRightWithTheRangeConditionLast() {
    assertThat(pks(query("a = :a AND b = :b AND c = :c", true, ":a", s("x"), ":b", n("1"), ":c", s("c1"))))
        .containsExactly("1", "2");
    assertThat(pks(query("a = :a AND b = :b AND c = :c AND d > :d", true,
        ":a", s("x"), ":b", n("1"), ":c", s("c1"), ":d", n("5")))).containsExactly("2");
    assertThat(pks(query("a = :a AND b = :b AND c = :c AND d <= :d", false,
        ":a", s("x"), ":b", n("1"), ":c", s("c1"), ":d", n("7")))).containsExactly("2", "1");
    assertThat(pks(query("a = :a AND b = :b AND c > :c", true, ":a", s("x"), ":b", n("1"), ":c", s("c1"))))
        .containsExactly("3");
    assertThat(pks(query("a = :a AND b = :b AND c <= :c", false, ":a", s("x"), ":b", n("1"), ":c", s("c1"))))
        .containsExactly("2", "1");
    assertThat(pks(query("a = :a AND b = :b AND c BETWEEN :lo AND :hi", true,
        ":a", s("x"), ":b", n("1"), ":lo", s("c1"), ":hi", s("c2")))).containsExactly("1", "2", "3");
    assertThat(pks(query("a = :a AND b = :b AND begins_with(c, :c)", false,
        ":a", s("x"), ":b", n("1"), ":c", s("c")))).containsExactly("3", "2", "1");
    assertThat(pks(query("a = :a AND b = :b AND c = :c AND d = :d", true,
        ":a", s("x"), ":b", n("1"), ":c", s("c1"), ":d", n("7")))).containsExactly("2");
  }

  @Test
  void legacyKeyConditionsFollowTheSameRules() {
    Condition x = Condition.builder().comparisonOperator(ComparisonOperator.EQ).attributeValueList(s("x")).build();
    Condition one = Condition.builder().comparisonOperator(ComparisonOperator.EQ).attributeValueList(n("1")).build();
    Condition above = Condition.builder().comparisonOperator(ComparisonOperator.GT).attributeValueList(s("c1")).build();
    QueryResponse response = client.query(r -> r.tableName("matches").indexName("byMatch")
        .keyConditions(Map.of("a", x, "b", one, "c", above)));
    assertThat(pks(response)).containsExactly("3");
    assertValidation(() -> client.query(r -> r.tableName("matches").indexName("byMatch")
            .keyConditions(Map.of("a", x, "b", one, "d", Condition.builder()
                .comparisonOperator(ComparisonOperator.GT).attributeValueList(n("1")).build()))),
        "RANGE key attributes c must have equality conditions specified in the query because a condition is "
            + "present on key attribute d");
  }

  @Test
  void pagesThroughTheIndexWithItsKeysInTheStartKey() {
    QueryResponse first = client.query(r -> r.tableName("matches").indexName("byMatch").limit(2)
        .keyConditionExpression("a = :a AND b = :b").expressionAttributeValues(item(":a", s("x"), ":b", n("1"))));
    assertThat(pks(first)).containsExactly("1", "2");
    assertThat(first.lastEvaluatedKey()).containsOnlyKeys("pk", "a", "b", "c", "d");
    QueryResponse second = client.query(r -> r.tableName("matches").indexName("byMatch").limit(2)
        .exclusiveStartKey(first.lastEvaluatedKey())
        .keyConditionExpression("a = :a AND b = :b").expressionAttributeValues(item(":a", s("x"), ":b", n("1"))));
    assertThat(pks(second)).containsExactly("3");
  }

  @Test
  void refusesQueriesThatBreakTheOrder() {
    assertValidation(() -> query("a = :a", true, ":a", s("x")),
        "HASH key attributes b must have equality conditions specified in the query");
    assertValidation(() -> query("c = :c", true, ":c", s("c1")),
        "HASH key attributes a, b must have equality conditions specified in the query");
    assertValidation(() -> query("a = :a AND b > :b", true, ":a", s("x"), ":b", n("1")),
        "HASH key attributes b must have equality conditions specified in the query");
    assertValidation(() -> query("a = :a AND b = :b AND d > :d", true, ":a", s("x"), ":b", n("1"), ":d", n("1")),
        "RANGE key attributes c must have equality conditions specified in the query because a condition is "
            + "present on key attribute d");
    assertValidation(() -> query("a = :a AND b = :b AND c > :c AND d > :d", true,
            ":a", s("x"), ":b", n("1"), ":c", s("c1"), ":d", n("1")),
        "RANGE key attributes c must have equality conditions specified in the query because a condition is "
            + "present on key attribute d");
    assertValidation(() -> query("a = :a AND b = :b AND pk = :c", true, ":a", s("x"), ":b", n("1"), ":c", s("1")),
        "Query condition missed key schema element");
    assertValidation(() -> query("a = :b AND b = :b", true, ":b", n("1")),
        "One or more parameter values were invalid: Condition parameter type does not match schema type");
  }

  @Test
  void writesCheckEveryKeyAttributeAndTheAggregateSize() {
    assertValidation(() -> client.putItem(r -> r.tableName("matches").item(item("pk", s("9"), "a", s(""), "b", n("1")))),
        "One or more parameter values are not valid. A value specified for a secondary index key is not supported. "
            + "The AttributeValue for a key attribute cannot contain an empty string value. IndexName: byMatch, "
            + "IndexKey: a");
    assertValidation(() -> client.putItem(r -> r.tableName("matches")
            .item(item("pk", s("9"), "a", s(repeat('x', 2048)), "b", n("1")))),
        "Aggregate size for HASH key attributes a, b of index byMatch has exceeded limit 2048 bytes, with actual "
            + "size 2050 bytes");
    assertValidation(() -> client.putItem(r -> r.tableName("matches")
            .item(item("pk", s("9"), "c", s(repeat('x', 1020)), "d", n("123456789012345678")))),
        "Aggregate size for RANGE key attributes c, d of index byMatch has exceeded limit 1024 bytes, with actual "
            + "size 1030 bytes");
  }

  @Test
  void anIndexAddedLaterIsBackfilledFromCompleteItemsOnly() {
    client.updateTable(r -> r.tableName("matches")
        .attributeDefinitions(attr("a", ScalarAttributeType.S), attr("c", ScalarAttributeType.S))
        .globalSecondaryIndexUpdates(u -> u.create(c -> c.indexName("byAc").keySchema(hash("a"), hash("c"))
            .projection(p -> p.projectionType(ProjectionType.KEYS_ONLY)))));
    dynamo.clock().advance(java.time.Duration.ofMinutes(5));
    QueryResponse response = client.query(r -> r.tableName("matches").indexName("byAc")
        .keyConditionExpression("a = :a AND c = :c").expressionAttributeValues(item(":a", s("x"), ":c", s("c3"))));
    assertThat(pks(response)).containsExactly("6");
    assertThat(response.items().get(0)).containsOnlyKeys("pk", "a", "c");
  }

  @Test
  void createTableChecksTheKeySchema() {
    assertValidation(() -> create("bad1", hash("a"), range("c"), hash("b"), range("d")),
        "One or more parameter values were invalid: All HASH key attributes must precede RANGE key attributes in "
            + "the KeySchema");
    assertValidation(() -> create("bad2", range("c"), hash("a"), hash("b"), range("d")),
        "Invalid KeySchema: The first KeySchemaElement is not a HASH key type");
    client.createTable(r -> r.tableName("wide").billingMode(BillingMode.PAY_PER_REQUEST).keySchema(hash("pk"))
        .attributeDefinitions(attr("pk", ScalarAttributeType.S), attr("h1", ScalarAttributeType.S),
            attr("h2", ScalarAttributeType.S), attr("h3", ScalarAttributeType.S), attr("h4", ScalarAttributeType.S),
            attr("r1", ScalarAttributeType.S), attr("r2", ScalarAttributeType.S), attr("r3", ScalarAttributeType.S),
            attr("r4", ScalarAttributeType.S))
        .globalSecondaryIndexes(gsi("widest", hash("h1"), hash("h2"), hash("h3"), hash("h4"),
            range("r1"), range("r2"), range("r3"), range("r4"))));
    assertValidation(() -> client.createTable(r -> r.tableName("wider").billingMode(BillingMode.PAY_PER_REQUEST)
            .keySchema(hash("pk"))
            .attributeDefinitions(attr("pk", ScalarAttributeType.S), attr("h1", ScalarAttributeType.S),
                attr("h2", ScalarAttributeType.S), attr("h3", ScalarAttributeType.S), attr("h4", ScalarAttributeType.S),
                attr("h5", ScalarAttributeType.S))
            .globalSecondaryIndexes(gsi("tooWide", hash("h1"), hash("h2"), hash("h3"), hash("h4"), hash("h5")))),
        "One or more parameter values were invalid: The KeySchema exceeds the maximum allowed number of HASH key "
            + "attributes");
    assertValidation(() -> client.createTable(r -> r.tableName("lsiWide").billingMode(BillingMode.PAY_PER_REQUEST)
            .keySchema(hash("pk"), range("a"))
            .attributeDefinitions(attr("pk", ScalarAttributeType.S), attr("a", ScalarAttributeType.S))
            .keySchema(hash("pk"), hash("a"))),
        "Invalid KeySchema: The second KeySchemaElement is not a RANGE key type");
  }

  @Test
  void partiqlRefusesAMultiAttributeIndex() {
    assertValidation(() -> client.executeStatement(r -> r.statement("SELECT * FROM \"matches\".\"byMatch\"")),
        "PartiQL statements cannot be executed on tables with composite HASH keys or composite RANGE keys.");
  }

  @Test
  void backupsRestoreTheIndex() {
    String arn = client.createBackup(r -> r.tableName("matches").backupName("matches-backup")).backupDetails().backupArn();
    client.restoreTableFromBackup(r -> r.backupArn(arn).targetTableName("restored"));
    dynamo.clock().advance(java.time.Duration.ofMinutes(5));
    assertThat(client.describeTable(r -> r.tableName("restored")).table().globalSecondaryIndexes().get(0).keySchema())
        .containsExactly(hash("a"), hash("b"), range("c"), range("d"));
    assertThat(pks(client.query(r -> r.tableName("restored").indexName("byMatch")
        .keyConditionExpression("a = :a AND b = :b").expressionAttributeValues(item(":a", s("x"), ":b", n("2"))))))
        .containsExactly("4");
  }
}
