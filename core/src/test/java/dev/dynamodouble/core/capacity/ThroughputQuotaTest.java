package dev.dynamodouble.core.capacity;

import static dev.dynamodouble.core.sdk.SdkTestSupport.assertError;
import static dev.dynamodouble.core.sdk.SdkTestSupport.attr;
import static dev.dynamodouble.core.sdk.SdkTestSupport.hash;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dynamodouble.core.engine.Quotas;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.DescribeLimitsResponse;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.ThrottlingException;

/**
 * DynamoDB's default throughput quotas, the ones DescribeLimits reports: 40,000 units per table and
 * per index, 80,000 provisioned units per region, and the 40,000-unit per-table quota that bounds
 * an on-demand table without a maximum.
 */
class ThroughputQuotaTest extends ManualEndpointTest {

  @Test
  void describeLimitsReportsTheQuotasThatAreEnforced() {
    DescribeLimitsResponse limits = client.describeLimits(r -> { });
    assertThat(limits.accountMaxReadCapacityUnits()).isEqualTo(Quotas.DEFAULT_ACCOUNT_MAX_CAPACITY_UNITS).isEqualTo(80_000L);
    assertThat(limits.accountMaxWriteCapacityUnits()).isEqualTo(80_000L);
    assertThat(limits.tableMaxReadCapacityUnits()).isEqualTo(Quotas.DEFAULT_TABLE_MAX_CAPACITY_UNITS).isEqualTo(40_000L);
    assertThat(limits.tableMaxWriteCapacityUnits()).isEqualTo(40_000L);
  }

  @Test
  void aTableOrIndexAboveThePerTableMaximumIsRefused() {
    assertError(() -> endpoint.createProvisioned("big", 40_001, 1), "LimitExceededException",
        "The requested ReadCapacityUnits, 40001, is above the per table maximum for the account in us-east-1. "
            + "Per table maximum: 40000.");
    assertError(() -> client.createTable(r -> r.tableName("idx").keySchema(hash("pk"))
            .attributeDefinitions(attr("pk", ScalarAttributeType.S), attr("g", ScalarAttributeType.S))
            .provisionedThroughput(p -> p.readCapacityUnits(1L).writeCapacityUnits(1L))
            .globalSecondaryIndexes(GlobalSecondaryIndex.builder().indexName("byG").keySchema(hash("g"))
                .projection(p -> p.projectionType(ProjectionType.ALL))
                .provisionedThroughput(p -> p.readCapacityUnits(1L).writeCapacityUnits(40_001L)).build())),
        "LimitExceededException", "The requested WriteCapacityUnits for index byG, 40001, is above the per index "
            + "maximum for the account in us-east-1. Per index maximum: 40000.");
    assertThat(client.listTables().tableNames()).isEmpty();
    endpoint.createProvisioned("tbl", 1, 1);
    assertError(() -> client.updateTable(r -> r.tableName("tbl")
            .provisionedThroughput(p -> p.readCapacityUnits(1L).writeCapacityUnits(50_000L))), "LimitExceededException",
        "The requested WriteCapacityUnits, 50000, is above the per table maximum for the account in us-east-1. "
            + "Per table maximum: 40000.");
    assertThat(client.describeTable(r -> r.tableName("tbl")).table().provisionedThroughput().writeCapacityUnits())
        .isEqualTo(1L);
  }

  @Test
  void theRegionsProvisionedTotalStaysWithinTheAccountMaximum() {
    endpoint.createProvisioned("one", 40_000, 1);
    endpoint.createProvisioned("two", 39_999, 1);
    assertError(() -> endpoint.createProvisioned("three", 2, 1), "LimitExceededException", "This request would have "
        + "caused the ReadCapacityUnits limit to be exceeded for the account in us-east-1. Current ReadCapacityUnits "
        + "reserved by the account: 79999. Limit: 80000. Requested: 2");
    endpoint.createProvisioned("three", 1, 1);
    assertError(() -> client.updateTable(r -> r.tableName("three")
            .provisionedThroughput(p -> p.readCapacityUnits(2L).writeCapacityUnits(1L))), "LimitExceededException",
        "This request would have caused the ReadCapacityUnits limit to be exceeded for the account in us-east-1. "
            + "Current ReadCapacityUnits reserved by the account: 79999. Limit: 80000. Requested: 2");
    client.createTable(r -> r.tableName("ondemand").keySchema(hash("pk"))
        .attributeDefinitions(attr("pk", ScalarAttributeType.S)).billingMode(BillingMode.PAY_PER_REQUEST));
  }

  @Test
  void onDemandAndWarmSettingsAboveTheQuotaOrBelowTheirFloorAreRefused() {
    assertError(() -> client.createTable(r -> r.tableName("odt").keySchema(hash("pk"))
            .attributeDefinitions(attr("pk", ScalarAttributeType.S)).billingMode(BillingMode.PAY_PER_REQUEST)
            .onDemandThroughput(o -> o.maxReadRequestUnits(40_001L))), "LimitExceededException",
        "Subscriber limit exceeded: Requested MaxReadRequestUnits for OnDemandThroughput for table exceeds "
            + "TableMaxReadCapacityUnits of the account in region us-east-1");
    assertError(() -> client.createTable(r -> r.tableName("odt").keySchema(hash("pk"))
            .attributeDefinitions(attr("pk", ScalarAttributeType.S)).billingMode(BillingMode.PAY_PER_REQUEST)
            .warmThroughput(w -> w.readUnitsPerSecond(1L).writeUnitsPerSecond(1L))), "ValidationException",
        "One or more parameter values were invalid: Requested ReadUnitsPerSecond for WarmThroughput for table is lower "
            + "than initial throughput for OnDemand. See: https://docs.aws.amazon.com/amazondynamodb/latest/"
            + "developerguide/on-demand-capacity-mode.html#on-demand-capacity-mode-initial");
    assertError(() -> client.createTable(r -> r.tableName("prov").keySchema(hash("pk"))
            .attributeDefinitions(attr("pk", ScalarAttributeType.S))
            .provisionedThroughput(p -> p.readCapacityUnits(10L).writeCapacityUnits(10L))
            .warmThroughput(w -> w.readUnitsPerSecond(5L).writeUnitsPerSecond(5L))), "ValidationException",
        "One or more parameter values were invalid: Requested ReadUnitsPerSecond for WarmThroughput for table is lower "
            + "than ReadCapacityUnits of ProvisionedThroughput");
    assertThat(client.listTables().tableNames()).isEmpty();
    client.createTable(r -> r.tableName("warm").keySchema(hash("pk"))
        .attributeDefinitions(attr("pk", ScalarAttributeType.S)).billingMode(BillingMode.PAY_PER_REQUEST)
        .warmThroughput(w -> w.readUnitsPerSecond(15_000L)));
    assertError(() -> client.updateTable(r -> r.tableName("warm").warmThroughput(w -> w.readUnitsPerSecond(13_000L))),
        "ValidationException", "One or more parameter values were invalid: Requested ReadUnitsPerSecond for "
            + "WarmThroughput for table is lower than current WarmThroughput, decreasing WarmThroughput is not supported");
  }

  @Test
  void anOnDemandTableWithoutAMaximumIsHeldToThePerTableQuota() {
    client.createTable(r -> r.tableName("odt").keySchema(hash("pk"))
        .attributeDefinitions(attr("pk", ScalarAttributeType.S)).billingMode(BillingMode.PAY_PER_REQUEST));
    String value = "x".repeat(399_000); // 390 write units an item, each in a partition of its own
    int admitted = 0;
    ThrottlingException throttled = null;
    for (int i = 0; i < 110 && throttled == null; i++) {
      String key = "k" + i;
      try {
        client.putItem(r -> r.tableName("odt").item(Map.of("pk", AttributeValue.fromS(key), "v",
            AttributeValue.fromS(value))));
        admitted++;
      } catch (ThrottlingException e) {
        throttled = e;
      }
    }
    assertThat(admitted).isEqualTo(103); // 102 × 390 = 39,780 leaves the bucket positive: the 103rd starts
    assertThat(throttled.throttlingReasons()).singleElement().satisfies(reason -> {
      assertThat(reason.reason()).isEqualTo("TableWriteAccountLimitExceeded");
      assertThat(reason.resource()).isEqualTo("arn:aws:dynamodb:us-east-1:000000000000:table/odt");
    });
  }
}
