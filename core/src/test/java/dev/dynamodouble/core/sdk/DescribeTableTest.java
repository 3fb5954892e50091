package dev.dynamodouble.core.sdk;

import static dev.dynamodouble.core.sdk.SdkTestSupport.assertNotFound;
import static dev.dynamodouble.core.sdk.SdkTestSupport.assertValidation;
import static dev.dynamodouble.core.sdk.SdkTestSupport.attr;
import static dev.dynamodouble.core.sdk.SdkTestSupport.hash;
import static dev.dynamodouble.core.sdk.SdkTestSupport.item;
import static dev.dynamodouble.core.sdk.SdkTestSupport.n;
import static dev.dynamodouble.core.sdk.SdkTestSupport.range;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dynamodouble.core.DynamoDouble;
import dev.dynamodouble.core.time.DynamoClock;
import dev.dynamodouble.core.time.ManualClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.IndexStatus;
import software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;

/** DescribeTable: every field the table has, kept current, by name or ARN. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DescribeTableTest {
  private static final Instant T0 = Instant.parse("2024-05-01T10:00:00Z");
  private ManualClock clock;
  private DynamoDouble dynamo;
  private DynamoDbClient client;

  @BeforeAll
  void start() {
    clock = DynamoClock.manual(T0);
    dynamo = DynamoDouble.builder().clock(clock).start();
    client = SdkTestSupport.client(dynamo);
    client.createTable(r -> r.tableName("described").billingMode(BillingMode.PAY_PER_REQUEST)
        .keySchema(hash("pk"), range("sk"))
        .attributeDefinitions(attr("sk", ScalarAttributeType.S), attr("pk", ScalarAttributeType.S),
            attr("alt", ScalarAttributeType.N), attr("g", ScalarAttributeType.S))
        .localSecondaryIndexes(LocalSecondaryIndex.builder().indexName("byAlt").keySchema(hash("pk"), range("alt"))
            .projection(Projection.builder().projectionType(ProjectionType.KEYS_ONLY).build()).build())
        .globalSecondaryIndexes(GlobalSecondaryIndex.builder().indexName("byG").keySchema(hash("g"))
            .projection(Projection.builder().projectionType(ProjectionType.ALL).build()).build()));
    clock.advance(Duration.ofMinutes(5));
  }

  @AfterAll
  void stop() {
    client.close();
    dynamo.close();
  }

  private TableDescription describe(String name) {
    return client.describeTable(r -> r.tableName(name)).table();
  }

  @Test
  void describesEveryField() {
    TableDescription t = describe("described");
    assertThat(t.tableName()).isEqualTo("described");
    assertThat(t.tableStatus()).isEqualTo(TableStatus.ACTIVE);
    assertThat(t.creationDateTime()).isEqualTo(T0);
    assertThat(t.tableArn()).isEqualTo("arn:aws:dynamodb:us-east-1:000000000000:table/described");
    assertThat(t.tableId()).isNotBlank();
    assertThat(t.keySchema()).containsExactly(hash("pk"), range("sk"));
    // The service lists attribute definitions by name, whatever order they were sent in.
    assertThat(t.attributeDefinitions()).containsExactly(attr("alt", ScalarAttributeType.N),
        attr("g", ScalarAttributeType.S), attr("pk", ScalarAttributeType.S), attr("sk", ScalarAttributeType.S));
    assertThat(t.billingModeSummary().billingMode()).isEqualTo(BillingMode.PAY_PER_REQUEST);
    assertThat(t.billingModeSummary().lastUpdateToPayPerRequestDateTime()).isEqualTo(T0);
    assertThat(t.provisionedThroughput().readCapacityUnits()).isZero();
    assertThat(t.provisionedThroughput().writeCapacityUnits()).isZero();
    assertThat(t.provisionedThroughput().numberOfDecreasesToday()).isZero();
    assertThat(t.deletionProtectionEnabled()).isFalse();
    assertThat(t.warmThroughput().readUnitsPerSecond()).isEqualTo(12_000);
    assertThat(t.warmThroughput().writeUnitsPerSecond()).isEqualTo(4_000);
    assertThat(t.warmThroughput().statusAsString()).isEqualTo("ACTIVE");
    assertThat(t.localSecondaryIndexes()).singleElement().satisfies(l -> {
      assertThat(l.indexName()).isEqualTo("byAlt");
      assertThat(l.keySchema()).containsExactly(hash("pk"), range("alt"));
      assertThat(l.projection().projectionType()).isEqualTo(ProjectionType.KEYS_ONLY);
      assertThat(l.indexArn()).isEqualTo(t.tableArn() + "/index/byAlt");
    });
    assertThat(t.globalSecondaryIndexes()).singleElement().satisfies(g -> {
      assertThat(g.indexName()).isEqualTo("byG");
      assertThat(g.indexStatus()).isEqualTo(IndexStatus.ACTIVE);
      assertThat(g.indexArn()).isEqualTo(t.tableArn() + "/index/byG");
      assertThat(g.provisionedThroughput().readCapacityUnits()).isZero();
      assertThat(g.warmThroughput().readUnitsPerSecond()).isEqualTo(12_000);
      assertThat(g.warmThroughput().writeUnitsPerSecond()).isEqualTo(4_000);
      assertThat(g.backfilling()).isNull();
    });
  }

  @Test
  void theSameTableIdAndArnEveryTime() {
    TableDescription first = describe("described");
    TableDescription second = describe("described");
    assertThat(second.tableId()).isEqualTo(first.tableId());
    assertThat(second.tableArn()).isEqualTo(first.tableArn());
    assertThat(second.creationDateTime()).isEqualTo(first.creationDateTime());
  }

  @Test
  void itemCountAndSizesFollowTheItems() {
    client.createTable(r -> r.tableName("counted").billingMode(BillingMode.PAY_PER_REQUEST)
        .keySchema(hash("pk")).attributeDefinitions(attr("pk", ScalarAttributeType.S)));
    assertThat(describe("counted").itemCount()).isZero();

    client.putItem(r -> r.tableName("counted").item(item("pk", "a", "v", "12345"))); // 2+1 + 1+5 = 9 bytes
    client.putItem(r -> r.tableName("counted").item(item("pk", "bb", "n", n("100")))); // 2+2 + 1+2 = 7 bytes
    TableDescription t = describe("counted");
    assertThat(t.itemCount()).isEqualTo(2);
    assertThat(t.tableSizeBytes()).isEqualTo(16);

    client.putItem(r -> r.tableName("counted").item(item("pk", "a"))); // replaced: 3 bytes
    client.deleteItem(r -> r.tableName("counted").key(item("pk", "bb")));
    t = describe("counted");
    assertThat(t.itemCount()).isEqualTo(1);
    assertThat(t.tableSizeBytes()).isEqualTo(3);
  }

  @Test
  void indexItemCountsCountItemsThatCarryTheIndexKeys() {
    client.putItem(r -> r.tableName("described").item(item("pk", "1", "sk", "a", "alt", n("1"), "g", "x")));
    client.putItem(r -> r.tableName("described").item(item("pk", "1", "sk", "b", "alt", n("2"))));
    client.putItem(r -> r.tableName("described").item(item("pk", "1", "sk", "c")));
    TableDescription t = describe("described");
    assertThat(t.itemCount()).isEqualTo(3);
    assertThat(t.localSecondaryIndexes().get(0).itemCount()).isEqualTo(2);
    assertThat(t.globalSecondaryIndexes().get(0).itemCount()).isEqualTo(1);
  }

  @Test
  void aTableArnWorksAsTheName() {
    String arn = describe("described").tableArn();
    assertThat(describe(arn).tableName()).isEqualTo("described");
  }

  @Test
  void anUnknownTableIsNotFound() {
    assertNotFound(() -> describe("nope"), "Requested resource not found: Table: nope not found");
    assertNotFound(() -> describe("arn:aws:dynamodb:us-east-1:000000000000:table/nope"),
        "Requested resource not found: Table: nope not found");
  }

  @Test
  void theTableNameIsValidated() {
    assertValidation(() -> client.describeTable(r -> r.tableName(null)), "1 validation error detected: Value null at "
        + "'tableName' failed to satisfy constraint: Member must not be null");
    assertValidation(() -> describe("ab"), "1 validation error detected: Value 'ab' at 'tableName' failed to satisfy "
        + "constraint: Member must have length greater than or equal to 3");
    assertValidation(() -> describe("no way"), "1 validation error detected: Value 'no way' at 'tableName' failed to "
        + "satisfy constraint: Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+");
  }
}
