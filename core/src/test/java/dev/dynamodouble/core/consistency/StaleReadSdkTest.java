package dev.dynamodouble.core.consistency;

import static dev.dynamodouble.core.sdk.SdkTestSupport.attr;
import static dev.dynamodouble.core.sdk.SdkTestSupport.createTable;
import static dev.dynamodouble.core.sdk.SdkTestSupport.hash;
import static dev.dynamodouble.core.sdk.SdkTestSupport.item;
import static dev.dynamodouble.core.sdk.SdkTestSupport.s;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dynamodouble.core.DynamoDouble;
import dev.dynamodouble.core.fault.FaultHandle;
import dev.dynamodouble.core.fault.FaultRule;
import dev.dynamodouble.core.sdk.SdkTestSupport;
import dev.dynamodouble.core.time.DynamoClock;
import dev.dynamodouble.core.time.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItem;

/** Stale eventually consistent reads and lagging global secondary indexes, on a manual clock. */
class StaleReadSdkTest {
  private static final Map<String, AttributeValue> KEY = Map.of("pk", s("o1"));
  private final ManualClock clock = DynamoClock.manual(Instant.parse("2026-01-01T00:00:00Z"));
  private DynamoDouble dynamo;
  private DynamoDbClient client;

  private void start(DynamoDouble.Builder builder) {
    dynamo = builder.clock(clock).start();
    client = SdkTestSupport.client(dynamo);
    client.createTable(r -> r.tableName("orders").billingMode(BillingMode.PAY_PER_REQUEST)
        .keySchema(hash("pk")).attributeDefinitions(attr("pk", ScalarAttributeType.S),
            attr("customer", ScalarAttributeType.S))
        .globalSecondaryIndexes(GlobalSecondaryIndex.builder().indexName("byCustomer").keySchema(hash("customer"))
            .projection(p -> p.projectionType(ProjectionType.ALL)).build()));
    createTable(client, "other", "pk", null);
  }

  @AfterEach
  void stop() {
    client.close();
    dynamo.close();
  }

  private void put(String table, String status) {
    client.putItem(r -> r.tableName(table).item(item("pk", "o1", "customer", "c1", "status", status)));
  }

  private String get(String table, boolean consistent) {
    Map<String, AttributeValue> found = client.getItem(r -> r.tableName(table).key(KEY).consistentRead(consistent))
        .item();
    return found.isEmpty() ? null : found.get("status").s();
  }

  @Test
  void eventuallyConsistentReadsSeeTheTableAsItWasTheLagAgo() {
    start(DynamoDouble.builder().readLag(Duration.ofSeconds(1)));
    put("orders", "placed");
    clock.advance(Duration.ofSeconds(5));
    put("orders", "shipped");

    assertThat(get("orders", false)).isEqualTo("placed");
    assertThat(get("orders", true)).isEqualTo("shipped");
    assertThat(client.query(r -> r.tableName("orders").keyConditionExpression("pk = :pk")
        .expressionAttributeValues(Map.of(":pk", s("o1")))).items().get(0).get("status").s()).isEqualTo("placed");
    assertThat(client.query(r -> r.tableName("orders").consistentRead(true).keyConditionExpression("pk = :pk")
        .expressionAttributeValues(Map.of(":pk", s("o1")))).items().get(0).get("status").s()).isEqualTo("shipped");
    assertThat(client.scan(r -> r.tableName("orders")).items().get(0).get("status").s()).isEqualTo("placed");
    assertThat(client.batchGetItem(r -> r.requestItems(Map.of("orders",
        KeysAndAttributes.builder().keys(KEY).build()))).responses().get("orders").get(0).get("status").s())
        .isEqualTo("placed");
    assertThat(client.transactGetItems(r -> r.transactItems(TransactGetItem.builder()
        .get(g -> g.tableName("orders").key(KEY)).build())).responses().get(0).item().get("status").s())
        .isEqualTo("shipped");

    clock.advance(Duration.ofSeconds(1));
    assertThat(get("orders", false)).isEqualTo("shipped");
  }

  @Test
  void aFreshItemIsNotThereYetForAnEventuallyConsistentRead() {
    start(DynamoDouble.builder().readLag(Duration.ofMillis(500)));
    put("orders", "placed");
    assertThat(get("orders", false)).isNull();
    assertThat(get("orders", true)).isEqualTo("placed");
    clock.advance(Duration.ofMillis(500));
    assertThat(get("orders", false)).isEqualTo("placed");
  }

  @Test
  void aLagPerTable() {
    start(DynamoDouble.builder());
    dynamo.consistency().readLag("orders", Duration.ofSeconds(2));
    put("orders", "placed");
    put("other", "placed");
    assertThat(get("orders", false)).isNull();
    assertThat(get("other", false)).isEqualTo("placed");
  }

  @Test
  void byDefaultEveryReadSeesTheLatestState() {
    start(DynamoDouble.builder());
    put("orders", "placed");
    assertThat(get("orders", false)).isEqualTo("placed");
    assertThat(queryIndex()).containsExactly("placed");
  }

  @Test
  void aStaleReadRuleMakesChosenReadsStale() {
    start(DynamoDouble.builder());
    FaultHandle rule = dynamo.faults().add(FaultRule.on("GetItem").table("orders").times(1)
        .staleRead(Duration.ofSeconds(10)));
    put("orders", "placed");
    clock.advance(Duration.ofSeconds(3));
    put("orders", "shipped");
    assertThat(get("orders", true)).isEqualTo("shipped"); // strongly consistent: never matched
    assertThat(get("orders", false)).isNull();
    assertThat(get("orders", false)).isEqualTo("shipped");
    assertThat(rule.hits()).isEqualTo(1);
    assertThat(rule.matched()).isEqualTo(2);
  }

  @Test
  void aGlobalSecondaryIndexTrailsItsTable() {
    start(DynamoDouble.builder());
    dynamo.consistency().indexLag("orders", "byCustomer", Duration.ofSeconds(2));
    put("orders", "placed");
    assertThat(queryIndex()).isEmpty();
    assertThat(get("orders", false)).isEqualTo("placed"); // the table itself is not stale
    clock.advance(Duration.ofSeconds(1));
    put("orders", "shipped");
    clock.advance(Duration.ofSeconds(1));
    assertThat(queryIndex()).containsExactly("placed");
    clock.advance(Duration.ofSeconds(1));
    assertThat(queryIndex()).containsExactly("shipped");
  }

  @Test
  void anIndexLagRule() {
    start(DynamoDouble.builder());
    FaultHandle rule = dynamo.faults().add(FaultRule.on("Query").index("byCustomer").nth(1)
        .indexLag(Duration.ofSeconds(5)));
    put("orders", "placed");
    assertThat(queryIndex()).isEmpty();
    assertThat(queryIndex()).containsExactly("placed");
    assertThat(rule.hits()).isEqualTo(1);
    assertThat(rule.matched()).isEqualTo(2);
  }

  private List<String> queryIndex() {
    return client.query(r -> r.tableName("orders").indexName("byCustomer").keyConditionExpression("customer = :c")
        .expressionAttributeValues(Map.of(":c", s("c1")))).items().stream().map(i -> i.get("status").s()).toList();
  }
}
