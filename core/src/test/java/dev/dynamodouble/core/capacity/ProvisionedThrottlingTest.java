package dev.dynamodouble.core.capacity;

import static dev.dynamodouble.core.sdk.SdkTestSupport.attr;
import static dev.dynamodouble.core.sdk.SdkTestSupport.hash;
import static dev.dynamodouble.core.sdk.SdkTestSupport.item;
import static dev.dynamodouble.core.sdk.SdkTestSupport.repeat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.dynamodouble.core.sdk.SdkTestSupport;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughput;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.ThrottlingReason;

/**
 * Provisioned tables through the SDK on a manual clock: a bucket starts with one second of
 * capacity, refills at the provisioned rate, keeps up to 300 seconds of unused capacity, and
 * refuses requests while empty with DynamoDB's error and ThrottlingReasons.
 */
class ProvisionedThrottlingTest extends ManualEndpointTest {
  static final String TABLE_MESSAGE = "The level of configured provisioned throughput for the table was exceeded. "
      + "Consider increasing your provisioning level with the UpdateTable API.";

  @BeforeEach
  void createTable() {
    endpoint.createProvisioned("tbl", 2, 1);
  }

  private int puts(int n, String prefix) {
    return endpoint.puts("tbl", prefix, n);
  }

  /** Table "gsi" (10 RCU / 10 WCU) with GSI "byG" on "gk" with the given throughput. */
  private void createWithIndex(long indexRead, long indexWrite) {
    client.createTable(r -> r.tableName("gsi").keySchema(hash("pk"))
        .attributeDefinitions(attr("pk", ScalarAttributeType.S), attr("gk", ScalarAttributeType.S))
        .provisionedThroughput(p -> p.readCapacityUnits(10L).writeCapacityUnits(10L))
        .globalSecondaryIndexes(GlobalSecondaryIndex.builder().indexName("byG").keySchema(hash("gk"))
            .projection(Projection.builder().projectionType(ProjectionType.ALL).build())
            .provisionedThroughput(ProvisionedThroughput.builder().readCapacityUnits(indexRead)
                .writeCapacityUnits(indexWrite).build())
            .build()));
  }

  @Test
  void aNewTableServesOneSecondOfCapacityThenThrottles() {
    assertThat(puts(1, "a")).isEqualTo(1);
    ProvisionedThroughputExceededException e = catchThrowableOfType(ProvisionedThroughputExceededException.class,
        () -> client.putItem(r -> r.tableName("tbl").item(item("pk", "b"))));
    assertThat(e.statusCode()).isEqualTo(400);
    assertThat(e.awsErrorDetails().errorMessage()).isEqualTo(TABLE_MESSAGE);
    assertThat(e.throttlingReasons()).extracting(ThrottlingReason::reason, ThrottlingReason::resource)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("TableWriteProvisionedThroughputExceeded",
            "arn:aws:dynamodb:us-east-1:000000000000:table/tbl"));
    assertThat(dynamo.capacity().usage("tbl").throttledWrites()).isEqualTo(1);
    assertThat(dynamo.capacity().usage("tbl").admittedWrites()).isEqualTo(1);
  }

  @Test
  void theClockRefillsAtTheProvisionedRate() {
    assertThat(puts(5, "a")).isEqualTo(1);
    clock.advance(Duration.ofSeconds(3));
    assertThat(puts(5, "b")).isEqualTo(3);
    clock.advance(Duration.ofMillis(500));
    assertThat(puts(5, "c")).isEqualTo(1); // half a unit is positive: admitted, the bucket goes into debt
    clock.advance(Duration.ofMillis(400));
    assertThat(puts(1, "d")).isZero(); // -0.5 + 0.4 is still in debt
  }

  @Test
  void unusedCapacityBurstsUpTo300Seconds() {
    clock.advance(Duration.ofMinutes(20));
    assertThat(puts(310, "a")).isEqualTo(300);
    assertThat(dynamo.capacity().usage("tbl").remainingWrite()).isEqualTo(0.0);
  }

  @Test
  void writesAreChargedByKilobyteAndMayGoIntoDebt() {
    client.putItem(r -> r.tableName("tbl").item(item("pk", "big", "v", repeat('x', 3000)))); // 3 units from 1
    assertThat(dynamo.capacity().usage("tbl").remainingWrite()).isEqualTo(-2.0);
    clock.advance(Duration.ofSeconds(2));
    assertThat(puts(1, "a")).isZero();
    clock.advance(Duration.ofSeconds(1));
    assertThat(puts(2, "b")).isEqualTo(1);
  }

  @Test
  void readsUseTheReadBucketWithEventuallyConsistentReadsAtHalf() {
    // 2 RCU: starts with 2 units = 4 eventually consistent reads of a small item, or 2 consistent ones
    int admitted = 0;
    for (int i = 0; i < 6; i++) {
      try {
        client.getItem(r -> r.tableName("tbl").key(item("pk", "x")));
        admitted++;
      } catch (ProvisionedThroughputExceededException e) {
        assertThat(e.throttlingReasons().get(0).reason()).isEqualTo("TableReadProvisionedThroughputExceeded");
      }
    }
    assertThat(admitted).isEqualTo(4);
    clock.advance(Duration.ofSeconds(1));
    client.getItem(r -> r.tableName("tbl").key(item("pk", "x")).consistentRead(true));
    client.getItem(r -> r.tableName("tbl").key(item("pk", "x")).consistentRead(true));
    assertThat(catchThrowableOfType(ProvisionedThroughputExceededException.class,
        () -> client.getItem(r -> r.tableName("tbl").key(item("pk", "x"))))).isNotNull();
    assertThat(dynamo.capacity().usage("tbl").throttledReads()).isEqualTo(3);
  }

  @Test
  void aGlobalIndexOutOfWriteCapacityThrottlesTheBaseTable() {
    createWithIndex(1, 2);
    int admitted = 0;
    ProvisionedThroughputExceededException last = null;
    for (int i = 0; i < 5; i++) {
      String key = "k" + i;
      try {
        client.putItem(r -> r.tableName("gsi").item(item("pk", key, "gk", "same")));
        admitted++;
      } catch (ProvisionedThroughputExceededException e) {
        last = e;
      }
    }
    assertThat(admitted).isEqualTo(2);
    assertThat(last.awsErrorDetails().errorMessage()).startsWith(
        "The level of configured provisioned throughput for one or more global secondary indexes of the table was exceeded.");
    assertThat(last.throttlingReasons()).extracting(ThrottlingReason::reason, ThrottlingReason::resource)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("IndexWriteProvisionedThroughputExceeded",
            "arn:aws:dynamodb:us-east-1:000000000000:table/gsi/index/byG"));
    assertThat(dynamo.capacity().usage("gsi", "byG").throttledWrites()).isEqualTo(3);
    assertThat(dynamo.capacity().usage("gsi").remainingWrite()).isEqualTo(8.0);
  }

  @Test
  void aQueryOnAGlobalIndexDrawsOnTheIndexReadCapacity() {
    createWithIndex(1, 5);
    int admitted = 0;
    for (int i = 0; i < 4; i++) {
      try {
        client.query(r -> r.tableName("gsi").indexName("byG").keyConditionExpression("gk = :g")
            .expressionAttributeValues(java.util.Map.of(":g", SdkTestSupport.s("x"))));
        admitted++;
      } catch (ProvisionedThroughputExceededException e) {
        assertThat(e.throttlingReasons().get(0).reason()).isEqualTo("IndexReadProvisionedThroughputExceeded");
      }
    }
    assertThat(admitted).isEqualTo(2); // 0.5 units per eventually consistent empty page
    assertThat(dynamo.capacity().usage("gsi").remainingRead()).isEqualTo(10.0);
  }
}
