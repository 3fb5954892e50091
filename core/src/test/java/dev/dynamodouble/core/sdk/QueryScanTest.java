package dev.dynamodouble.core.sdk;

import static dev.dynamodouble.core.sdk.SdkTestSupport.assertError;
import static dev.dynamodouble.core.sdk.SdkTestSupport.n;
import static dev.dynamodouble.core.sdk.SdkTestSupport.s;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dynamodouble.core.DynamoDouble;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.dynamodb.model.Select;

/** Query and Scan on tables, a GSI and an LSI: key conditions, paging, filters, Select, parallel scan. */
class QueryScanTest {
  static DynamoDouble dynamo;
  static DynamoDbClient client;

  @BeforeAll
  static void start() {
    dynamo = DynamoDouble.builder().start();
    client = SdkTestSupport.client(dynamo);
    client.createTable(r -> r.tableName("orders").billingMode(BillingMode.PAY_PER_REQUEST)
        .keySchema(key("customer", KeyType.HASH), key("orderId", KeyType.RANGE))
        .attributeDefinitions(def("customer", ScalarAttributeType.S), def("orderId", ScalarAttributeType.N),
            def("status", ScalarAttributeType.S), def("total", ScalarAttributeType.N))
        .globalSecondaryIndexes(GlobalSecondaryIndex.builder().indexName("byStatus")
            .keySchema(key("status", KeyType.HASH), key("orderId", KeyType.RANGE))
            .projection(Projection.builder().projectionType(ProjectionType.KEYS_ONLY).build()).build())
        .localSecondaryIndexes(LocalSecondaryIndex.builder().indexName("byTotal")
            .keySchema(key("customer", KeyType.HASH), key("total", KeyType.RANGE))
            .projection(Projection.builder().projectionType(ProjectionType.INCLUDE).nonKeyAttributes("note").build())
            .build()));
    for (int c = 0; c < 5; c++) {
      for (int o = 1; o <= 10; o++) {
        Map<String, AttributeValue> item = new java.util.HashMap<>(Map.of("customer", s("c" + c), "orderId", n("" + o),
            "total", n("" + (o * 10)), "note", s("n" + o), "secret", s("x")));
        if (o % 2 == 0) {
          item.put("status", s("OPEN"));
        }
        client.putItem(r -> r.tableName("orders").item(item));
      }
    }
  }

  @AfterAll
  static void stop() {
    client.close();
    dynamo.close();
  }

  static KeySchemaElement key(String name, KeyType type) {
    return KeySchemaElement.builder().attributeName(name).keyType(type).build();
  }

  static AttributeDefinition def(String name, ScalarAttributeType type) {
    return AttributeDefinition.builder().attributeName(name).attributeType(type).build();
  }

  @Test
  void queryWalksSortKeysInOrderBothWays() {
    QueryResponse forward = client.query(r -> r.tableName("orders").keyConditionExpression("customer = :c AND orderId BETWEEN :a AND :b")
        .expressionAttributeValues(Map.of(":c", s("c1"), ":a", n("3"), ":b", n("7"))));
    assertThat(forward.items()).extracting(i -> i.get("orderId").n()).containsExactly("3", "4", "5", "6", "7");
    QueryResponse backward = client.query(r -> r.tableName("orders").keyConditionExpression("customer = :c AND orderId < :b")
        .expressionAttributeValues(Map.of(":c", s("c1"), ":b", n("4"))).scanIndexForward(false));
    assertThat(backward.items()).extracting(i -> i.get("orderId").n()).containsExactly("3", "2", "1");
    QueryResponse gt = client.query(r -> r.tableName("orders").keyConditionExpression("customer = :c AND orderId > :b")
        .expressionAttributeValues(Map.of(":c", s("c1"), ":b", n("8"))).scanIndexForward(false));
    assertThat(gt.items()).extracting(i -> i.get("orderId").n()).containsExactly("10", "9");
  }

  @Test
  void queryPagesWithLimitAndFiltersAfterReading() {
    List<String> seen = new ArrayList<>();
    Map<String, AttributeValue> start = null;
    int pages = 0;
    do {
      Map<String, AttributeValue> from = start;
      QueryResponse page = client.query(r -> r.tableName("orders").keyConditionExpression("customer = :c")
          .filterExpression("attribute_exists(#s)").expressionAttributeNames(Map.of("#s", "status"))
          .expressionAttributeValues(Map.of(":c", s("c2"))).limit(3).exclusiveStartKey(from));
      assertThat(page.scannedCount()).isLessThanOrEqualTo(3);
      page.items().forEach(i -> seen.add(i.get("orderId").n()));
      start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
      pages++;
    } while (start != null);
    assertThat(seen).containsExactly("2", "4", "6", "8", "10");
    assertThat(pages).isEqualTo(4); // 3+3+3+1 items read; the last page carries no key
  }

  @Test
  void queryOnIndexesReturnsProjectedAttributes() {
    QueryResponse gsi = client.query(r -> r.tableName("orders").indexName("byStatus").keyConditionExpression("#s = :s")
        .expressionAttributeNames(Map.of("#s", "status")).expressionAttributeValues(Map.of(":s", s("OPEN"))));
    assertThat(gsi.count()).isEqualTo(25);
    assertThat(gsi.items().get(0).keySet()).containsExactlyInAnyOrder("customer", "orderId", "status");
    QueryResponse lsi = client.query(r -> r.tableName("orders").indexName("byTotal")
        .keyConditionExpression("customer = :c AND #t >= :t").expressionAttributeNames(Map.of("#t", "total"))
        .expressionAttributeValues(Map.of(":c", s("c3"), ":t", n("90"))));
    assertThat(lsi.items()).extracting(i -> i.get("total").n()).containsExactly("90", "100");
    assertThat(lsi.items().get(0)).containsKey("note").doesNotContainKey("secret");
    QueryResponse lsiAll = client.query(r -> r.tableName("orders").indexName("byTotal").select(Select.ALL_ATTRIBUTES)
        .keyConditionExpression("customer = :c AND #t >= :t").expressionAttributeNames(Map.of("#t", "total"))
        .expressionAttributeValues(Map.of(":c", s("c3"), ":t", n("100"))));
    assertThat(lsiAll.items().get(0)).containsEntry("secret", s("x"));
  }

  @Test
  void parallelScanCoversEveryItemExactlyOnce() {
    Set<String> seen = new HashSet<>();
    int total = 0;
    for (int segment = 0; segment < 4; segment++) {
      int seg = segment;
      Map<String, AttributeValue> start = null;
      do {
        Map<String, AttributeValue> from = start;
        ScanResponse page = client.scan(r -> r.tableName("orders").segment(seg).totalSegments(4).limit(7).exclusiveStartKey(from));
        for (Map<String, AttributeValue> item : page.items()) {
          assertThat(seen.add(item.get("customer").s() + "/" + item.get("orderId").n())).isTrue();
          total++;
        }
        start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
      } while (start != null);
    }
    assertThat(total).isEqualTo(50);
    assertThat(client.scan(r -> r.tableName("orders").select(Select.COUNT)).count()).isEqualTo(50);
  }

  @Test
  void validationErrors() {
    assertError(() -> client.query(r -> r.tableName("orders").indexName("byStatus").consistentRead(true)
            .keyConditionExpression("#s = :s").expressionAttributeNames(Map.of("#s", "status"))
            .expressionAttributeValues(Map.of(":s", s("OPEN")))),
        "ValidationException", "Consistent reads are not supported on global secondary indexes");
    assertError(() -> client.query(r -> r.tableName("orders").indexName("nope").keyConditionExpression("customer = :c")
            .expressionAttributeValues(Map.of(":c", s("c1")))),
        "ValidationException", "The table does not have the specified index: nope");
    assertError(() -> client.query(r -> r.tableName("orders")),
        "ValidationException", "Either the KeyConditions or KeyConditionExpression parameter must be specified in the request.");
    assertError(() -> client.scan(r -> r.tableName("orders").segment(4).totalSegments(4)),
        "ValidationException", "The Segment parameter is zero-based and must be less than parameter TotalSegments: "
            + "Segment: 4 is not less than TotalSegments: 4");
    assertError(() -> client.query(r -> r.tableName("orders").keyConditionExpression("customer = :c")
            .filterExpression("orderId > :o").expressionAttributeValues(Map.of(":c", s("c1"), ":o", n("1")))),
        "ValidationException", "Filter Expression can only contain non-primary key attributes: Primary key attribute: orderId");
  }

  @Test
  void keyAttributesCannotBeReachedIntoNorQueriedWithEmptyValues() {
    assertError(() -> client.scan(r -> r.tableName("orders").filterExpression("contains(customer[2], :v)")
            .expressionAttributeValues(Map.of(":v", s("x")))),
        "ValidationException", "Key attributes must be scalars; list random access '[]' and map lookup '.' are not "
            + "allowed: Key: customer");
    assertError(() -> client.getItem(r -> r.tableName("orders").key(Map.of("customer", s("c1"), "orderId", n("1")))
            .projectionExpression("#s.x").expressionAttributeNames(Map.of("#s", "status"))),
        "ValidationException", "Key attributes must be scalars; list random access '[]' and map lookup '.' are not "
            + "allowed: IndexKey: status");
    assertError(() -> client.query(r -> r.tableName("orders").keyConditionExpression("customer = :c")
            .expressionAttributeValues(Map.of(":c", s("")))),
        "ValidationException", "One or more parameter values are not valid. The AttributeValue for a key attribute "
            + "cannot contain an empty string value. Key: customer");
    assertError(() -> client.query(r -> r.tableName("orders").indexName("byStatus").keyConditionExpression("#s = :s")
            .expressionAttributeNames(Map.of("#s", "status")).expressionAttributeValues(Map.of(":s", s("")))),
        "ValidationException", "One or more parameter values are not valid. A value specified for a secondary index "
            + "key is not supported. The AttributeValue for a key attribute cannot contain an empty string value. "
            + "IndexName: byStatus, IndexKey: status");
  }
}
