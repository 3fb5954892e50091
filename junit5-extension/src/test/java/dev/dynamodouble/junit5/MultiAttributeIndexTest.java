package dev.dynamodouble.junit5;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/** Global indexes with multi-attribute keys, declared on the annotation and on an enhanced-client bean. */
@DynamoTable(name = "orders", partitionKey = "id",
    gsi = @Index(name = "byTenantRegion", partitionKeys = {"tenant", "region"}, sortKeys = {"day", "seq"},
        sortKeyTypes = {KeyType.S, KeyType.N}))
@DynamoTable(name = "visits", bean = Visit.class)
class MultiAttributeIndexTest {

  @Test
  void anAnnotatedIndexWithTwoPartitionAndTwoSortAttributes(DynamoDbClient dynamo) {
    assertThat(keySchema(dynamo, "orders")).containsExactly("tenant:HASH", "region:HASH", "day:RANGE", "seq:RANGE");
    put(dynamo, "orders", "o-1", "acme", "eu", "2026-12-01", 1);
    put(dynamo, "orders", "o-2", "acme", "eu", "2026-12-01", 2);
    put(dynamo, "orders", "o-3", "acme", "us", "2026-12-01", 3);
    dynamo.putItem(r -> r.tableName("orders").item(Map.of("id", s("o-4"), "tenant", s("acme")))); // not indexed

    assertThat(ids(queryTenantRegion(dynamo, "orders"))).containsExactly("o-2");
  }

  @Test
  void aBeanWithOrderedSecondaryKeys(DynamoDbClient dynamo,
      @DynamoInject(table = "visits") DynamoDbTable<Visit> visits) {
    assertThat(keySchema(dynamo, "visits")).containsExactly("tenant:HASH", "region:HASH", "day:RANGE", "seq:RANGE");
    visits.putItem(new Visit("o-1", "acme", "eu", "2026-12-01", 1));
    visits.putItem(new Visit("o-2", "acme", "eu", "2026-12-01", 2));
    visits.putItem(new Visit("o-3", "acme", "us", "2026-12-01", 3));

    assertThat(ids(queryTenantRegion(dynamo, "visits"))).containsExactly("o-2");
  }

  @Test
  void aKeyGivenTwiceOrTypesThatDoNotMatchTheAttributesAreRefusedBeforeAnyTest() {
    assertThat(TestKit.firstFailure(TestKit.execute(BothForms.class)).getMessage())
        .endsWith("index byBoth gives both partitionKey and partitionKeys; use one");
    assertThat(TestKit.firstFailure(TestKit.execute(TypesMismatch.class)).getMessage())
        .endsWith("index byTypes has 2 sortKeys but 1 sortKeyTypes; give one type per attribute or none");
  }

  @TestKitOnly
  @DynamoTable(name = "both", partitionKey = "id",
      gsi = @Index(name = "byBoth", partitionKey = "a", partitionKeys = {"a", "b"}))
  static class BothForms {
    @Test
    void never() {}
  }

  @TestKitOnly
  @DynamoTable(name = "types", partitionKey = "id",
      gsi = @Index(name = "byTypes", partitionKey = "a", sortKeys = {"b", "c"}, sortKeyTypes = KeyType.N))
  static class TypesMismatch {
    @Test
    void never() {}
  }

  private static QueryResponse queryTenantRegion(DynamoDbClient dynamo, String table) {
    return dynamo.query(r -> r.tableName(table).indexName("byTenantRegion")
        .keyConditionExpression("tenant = :t AND #region = :r AND #day = :d AND seq > :s")
        .expressionAttributeNames(Map.of("#region", "region", "#day", "day"))
        .expressionAttributeValues(Map.of(":t", s("acme"), ":r", s("eu"), ":d", s("2026-12-01"),
            ":s", AttributeValue.fromN("1"))));
  }

  private static void put(DynamoDbClient dynamo, String table, String id, String tenant, String region, String day,
      int seq) {
    dynamo.putItem(r -> r.tableName(table).item(Map.of("id", s(id), "tenant", s(tenant), "region", s(region),
        "day", s(day), "seq", AttributeValue.fromN(Integer.toString(seq)))));
  }

  private static List<String> keySchema(DynamoDbClient dynamo, String table) {
    GlobalSecondaryIndexDescription index = dynamo.describeTable(r -> r.tableName(table)).table()
        .globalSecondaryIndexes().get(0);
    return index.keySchema().stream().map(k -> k.attributeName() + ":" + k.keyTypeAsString()).toList();
  }

  private static List<String> ids(QueryResponse response) {
    return response.items().stream().map(item -> item.get("id").s()).toList();
  }

  private static AttributeValue s(String value) {
    return AttributeValue.fromS(value);
  }
}
