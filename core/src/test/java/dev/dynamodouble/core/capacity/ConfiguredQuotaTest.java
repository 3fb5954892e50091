package dev.dynamodouble.core.capacity;

import static dev.dynamodouble.core.sdk.SdkTestSupport.assertError;
import static dev.dynamodouble.core.sdk.SdkTestSupport.item;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dynamodouble.core.engine.Quotas;
import dev.dynamodouble.core.sdk.SdkTestSupport;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.DescribeLimitsResponse;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.ThrottlingException;

/**
 * The throughput quotas come from the engine's {@link Quotas} (as an account asks AWS for more),
 * and every way a table comes into being checks them: CreateTable, the restores and a new replica.
 */
class ConfiguredQuotaTest {
  private static ManualEndpoint endpoint(Quotas quotas) {
    return new ManualEndpoint(builder -> builder.quotas(quotas));
  }

  @Test
  void raisedThroughputQuotasAreReportedAndAllowed() {
    try (ManualEndpoint e = endpoint(Quotas.defaults().withTableMaxCapacityUnits(100_000, 90_000)
        .withAccountMaxCapacityUnits(300_000, 200_000))) {
      DescribeLimitsResponse limits = e.client.describeLimits(r -> { });
      assertThat(limits.tableMaxReadCapacityUnits()).isEqualTo(100_000L);
      assertThat(limits.tableMaxWriteCapacityUnits()).isEqualTo(90_000L);
      assertThat(limits.accountMaxReadCapacityUnits()).isEqualTo(300_000L);
      assertThat(limits.accountMaxWriteCapacityUnits()).isEqualTo(200_000L);
      e.createProvisioned("big", 100_000, 90_000);
      assertError(() -> e.createProvisioned("bigger", 1, 90_001), "LimitExceededException",
          "The requested WriteCapacityUnits, 90001, is above the per table maximum for the account in us-east-1. "
              + "Per table maximum: 90000.");
    }
  }

  @Test
  void anOnDemandTableWithoutAMaximumIsHeldToTheConfiguredPerTableQuota() {
    try (ManualEndpoint e = endpoint(Quotas.defaults().withTableMaxCapacityUnits(10, 5))) {
      e.client.createTable(r -> r.tableName("ondemand").billingMode(BillingMode.PAY_PER_REQUEST)
          .keySchema(SdkTestSupport.hash("pk")).attributeDefinitions(SdkTestSupport.attr("pk", ScalarAttributeType.S)));
      assertThat(e.puts("ondemand", "k", 8)).isEqualTo(5); // one second of 5 write units
      assertThat(((ThrottlingException) e.lastThrottle).throttlingReasons().get(0).reason())
          .isEqualTo("TableWriteAccountLimitExceeded");
      e.clock.advance(Duration.ofSeconds(1));
      assertThat(e.puts("ondemand", "l", 8)).isEqualTo(5);
    }
  }

  @Test
  void restoresCheckTheTableQuotaTheMaximumsAndTheRegionsRoom() {
    try (ManualEndpoint e = endpoint(Quotas.defaults().withTablesPerRegion(3).withAccountMaxCapacityUnits(100, 100))) {
      DynamoDbClient client = e.client;
      e.createProvisioned("orders", 60, 10);
      client.putItem(r -> r.tableName("orders").item(item("pk", "a")));
      String backup = client.createBackup(r -> r.tableName("orders").backupName("snapshot")).backupDetails().backupArn();
      assertError(() -> client.restoreTableFromBackup(r -> r.backupArn(backup).targetTableName("copy")),
          "LimitExceededException", "This request would have caused the ReadCapacityUnits limit to be exceeded for the "
              + "account in us-east-1. Current ReadCapacityUnits reserved by the account: 60. Limit: 100. Requested: 60");
      assertError(() -> client.restoreTableFromBackup(r -> r.backupArn(backup).targetTableName("copy")
              .provisionedThroughputOverride(p -> p.readCapacityUnits(40_001L).writeCapacityUnits(1L))),
          "LimitExceededException", "The requested ReadCapacityUnits, 40001, is above the per table maximum for the "
              + "account in us-east-1. Per table maximum: 40000.");
      client.updateContinuousBackups(r -> r.tableName("orders")
          .pointInTimeRecoverySpecification(p -> p.pointInTimeRecoveryEnabled(true)));
      e.clock.advance(Duration.ofMinutes(10));
      assertError(() -> client.restoreTableToPointInTime(r -> r.sourceTableName("orders").targetTableName("copy")
              .useLatestRestorableTime(true)), "LimitExceededException",
          "This request would have caused the ReadCapacityUnits limit to be exceeded for the account in us-east-1. "
              + "Current ReadCapacityUnits reserved by the account: 60. Limit: 100. Requested: 60");
      assertThat(client.listTables().tableNames()).containsExactly("orders");

      // Within the room, a restore goes through; then the region's table quota refuses the next one.
      client.restoreTableFromBackup(r -> r.backupArn(backup).targetTableName("copy")
          .billingModeOverride(BillingMode.PAY_PER_REQUEST));
      client.restoreTableToPointInTime(r -> r.sourceTableName("orders").targetTableName("copy2")
          .useLatestRestorableTime(true).billingModeOverride(BillingMode.PAY_PER_REQUEST));
      assertError(() -> client.restoreTableFromBackup(r -> r.backupArn(backup).targetTableName("copy3")
              .billingModeOverride(BillingMode.PAY_PER_REQUEST)), "LimitExceededException",
          "Subscriber limit exceeded: There is a limit of 3 tables per subscriber");
    }
  }

  @Test
  void aNewReplicaChecksTheQuotasOfItsRegion() {
    try (ManualEndpoint e = endpoint(Quotas.defaults().withTablesPerRegion(2).withAccountMaxCapacityUnits(100, 100))) {
      e.createProvisioned("orders", 60, 10);
      DynamoDbClient west = SdkTestSupport.client(e.dynamo, "us-west-2");
      west.createTable(r -> r.tableName("local").keySchema(SdkTestSupport.hash("pk"))
          .attributeDefinitions(SdkTestSupport.attr("pk", ScalarAttributeType.S))
          .provisionedThroughput(p -> p.readCapacityUnits(50L).writeCapacityUnits(1L)));
      e.clock.advance(Duration.ofSeconds(1));
      assertError(() -> e.client.updateTable(r -> r.tableName("orders")
              .replicaUpdates(u -> u.create(c -> c.regionName("us-west-2")))), "LimitExceededException",
          "This request would have caused the ReadCapacityUnits limit to be exceeded for the account in us-west-2. "
              + "Current ReadCapacityUnits reserved by the account: 50. Limit: 100. Requested: 60");
      west.createTable(r -> r.tableName("other").billingMode(BillingMode.PAY_PER_REQUEST)
          .keySchema(SdkTestSupport.hash("pk")).attributeDefinitions(SdkTestSupport.attr("pk", ScalarAttributeType.S)));
      assertError(() -> e.client.updateTable(r -> r.tableName("orders")
              .replicaUpdates(u -> u.create(c -> c.regionName("us-west-2")))), "LimitExceededException",
          "Subscriber limit exceeded: There is a limit of 2 tables per subscriber");
      assertThat(west.listTables().tableNames()).containsExactly("local", "other");
      assertThat(e.client.describeTable(r -> r.tableName("orders")).table().replicas()).isEmpty();
      west.close();
    }
  }
}
