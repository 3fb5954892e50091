package dev.dynamodouble.core.capacity;

import static dev.dynamodouble.core.sdk.SdkTestSupport.assertError;
import static dev.dynamodouble.core.sdk.SdkTestSupport.attr;
import static dev.dynamodouble.core.sdk.SdkTestSupport.hash;
import static dev.dynamodouble.core.sdk.SdkTestSupport.item;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.dynamodouble.core.sdk.SdkTestSupport;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.ThrottlingException;

/** On-demand tables: no provisioned limit, but OnDemandThroughput is enforced when set; WarmThroughput. */
class OnDemandCapacityTest extends ManualEndpointTest {

  private void createOnDemand(String name, Long maxRead, Long maxWrite) {
    client.createTable(r -> r.tableName(name).keySchema(hash("pk")).attributeDefinitions(attr("pk", ScalarAttributeType.S))
        .billingMode(BillingMode.PAY_PER_REQUEST)
        .onDemandThroughput(o -> o.maxReadRequestUnits(maxRead).maxWriteRequestUnits(maxWrite)));
  }

  private int puts(String table, int n) {
    int admitted = endpoint.puts(table, "k", n);
    if (admitted < n) {
      assertThat(((ThrottlingException) endpoint.lastThrottle).throttlingReasons()).singleElement().satisfies(reason ->
          assertThat(reason.reason()).isEqualTo("TableWriteMaxOnDemandThroughputExceeded"));
    }
    return admitted;
  }

  @Test
  void theMaximumWriteRequestUnitsAreEnforcedPerSecondWithoutBurst() {
    createOnDemand("capped", null, 3L);
    assertThat(puts("capped", 5)).isEqualTo(3);
    clock.advance(Duration.ofMinutes(10)); // an on-demand maximum keeps no burst
    assertThat(puts("capped", 5)).isEqualTo(3);
    assertThat(dynamo.capacity().usage("capped").remainingRead()).isEqualTo(40_000.0); // the per-table quota
  }

  @Test
  void withoutAMaximumOnlyPartitionsLimitAnOnDemandTable() {
    createOnDemand("open", null, null);
    assertThat(puts("open", 50)).isEqualTo(50);
    TableDescription table = client.describeTable(r -> r.tableName("open")).table();
    assertThat(table.onDemandThroughput()).isNull();
  }

  @Test
  void theMaximumIsDescribedAndUpdated() {
    createOnDemand("capped", 100L, 3L);
    TableDescription table = client.describeTable(r -> r.tableName("capped")).table();
    assertThat(table.onDemandThroughput().maxReadRequestUnits()).isEqualTo(100L);
    assertThat(table.onDemandThroughput().maxWriteRequestUnits()).isEqualTo(3L);
    client.updateTable(r -> r.tableName("capped").onDemandThroughput(o -> o.maxWriteRequestUnits(-1L)));
    clock.advance(Duration.ofSeconds(1));
    assertThat(client.describeTable(r -> r.tableName("capped")).table().onDemandThroughput().maxWriteRequestUnits())
        .isEqualTo(-1L);
    assertThat(puts("capped", 20)).isEqualTo(20);
  }

  @Test
  void badOnDemandThroughputIsRefusedAndNothingIsApplied() {
    assertError(() -> client.createTable(r -> r.tableName("prov").keySchema(hash("pk"))
            .attributeDefinitions(attr("pk", ScalarAttributeType.S))
            .provisionedThroughput(p -> p.readCapacityUnits(1L).writeCapacityUnits(1L))
            .onDemandThroughput(o -> o.maxReadRequestUnits(5L))), "ValidationException",
        "One or more parameter values were invalid: MaxReadRequestUnits for OnDemandThroughput cannot be specified "
            + "when table BillingMode is PROVISIONED.");
    assertThat(client.listTables().tableNames()).isEmpty();
    assertError(() -> createOnDemand("zero", 0L, 5L), "ValidationException",
        "One or more parameter values were invalid: Requested MaxReadRequestUnits for OnDemandThroughput for table "
            + "is outside of valid range");
    createOnDemand("capped", 10L, 10L);
    assertError(() -> client.updateTable(r -> r.tableName("capped").deletionProtectionEnabled(true)
            .onDemandThroughput(o -> o.maxWriteRequestUnits(-5L))), "ValidationException",
        "One or more parameter values were invalid: Requested MaxWriteRequestUnits for OnDemandThroughput for table "
            + "is outside of valid range");
    assertThat(client.describeTable(r -> r.tableName("capped")).table().deletionProtectionEnabled()).isFalse();
  }

  @Test
  void perIndexOnDemandThroughputIsRefusedRatherThanIgnored() {
    assertError(() -> client.createTable(r -> r.tableName("idx").keySchema(hash("pk"))
            .attributeDefinitions(attr("pk", ScalarAttributeType.S), attr("g", ScalarAttributeType.S))
            .billingMode(BillingMode.PAY_PER_REQUEST)
            .globalSecondaryIndexes(GlobalSecondaryIndex.builder().indexName("byG").keySchema(hash("g"))
                .projection(p -> p.projectionType(ProjectionType.ALL))
                .onDemandThroughput(o -> o.maxReadRequestUnits(5L)).build())),
        "ValidationException", "OnDemandThroughput on a global secondary index is not supported by Dynamo Double");
    assertThat(client.listTables().tableNames()).isEmpty();
  }

  @Test
  void warmThroughputIsAcceptedDescribedAndOnlyRaised() {
    client.createTable(r -> r.tableName("warm").keySchema(hash("pk")).attributeDefinitions(attr("pk", ScalarAttributeType.S))
        .billingMode(BillingMode.PAY_PER_REQUEST).warmThroughput(w -> w.readUnitsPerSecond(15_000L).writeUnitsPerSecond(5_000L)));
    clock.advance(Duration.ofSeconds(1));
    var warm = client.describeTable(r -> r.tableName("warm")).table().warmThroughput();
    assertThat(warm.readUnitsPerSecond()).isEqualTo(15_000L);
    assertThat(warm.writeUnitsPerSecond()).isEqualTo(5_000L);
    client.updateTable(r -> r.tableName("warm").warmThroughput(w -> w.writeUnitsPerSecond(8_000L)));
    clock.advance(Duration.ofSeconds(1));
    warm = client.describeTable(r -> r.tableName("warm")).table().warmThroughput();
    assertThat(warm.readUnitsPerSecond()).isEqualTo(15_000L);
    assertThat(warm.writeUnitsPerSecond()).isEqualTo(8_000L);
  }

  @Test
  void aHotKeyOnAnOnDemandTableGetsTheOnDemandMessage() {
    createOnDemand("open", null, null);
    clock.advance(Duration.ofSeconds(5));
    int admitted = 0;
    ThrottlingException last = null; // on an on-demand table a hot key is a ThrottlingException
    for (int i = 0; i < 3005; i++) {
      try {
        client.getItem(r -> r.tableName("open").key(item("pk", "hot")).consistentRead(true));
        admitted++;
      } catch (ThrottlingException e) {
        last = e;
      }
    }
    assertThat(admitted).isEqualTo(3000);
    assertThat(last.awsErrorDetails().errorMessage()).startsWith("Throughput exceeds the current capacity of your table");
    assertThat(last.throttlingReasons().get(0).reason()).isEqualTo("TableReadKeyRangeThroughputExceeded");
    assertThat(catchThrowableOfType(RuntimeException.class,
        () -> client.getItem(r -> r.tableName("open").key(item("pk", "cold"))))).isNull();
  }
}
