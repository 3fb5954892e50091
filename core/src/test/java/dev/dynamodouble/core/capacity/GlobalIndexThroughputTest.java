package dev.dynamodouble.core.capacity;

import static dev.dynamodouble.core.sdk.SdkTestSupport.assertError;
import static dev.dynamodouble.core.sdk.SdkTestSupport.attr;
import static dev.dynamodouble.core.sdk.SdkTestSupport.hash;
import static dev.dynamodouble.core.sdk.SdkTestSupport.item;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dynamodouble.core.DynamoDouble;
import java.time.Duration;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexUpdate;
import software.amazon.awssdk.services.dynamodb.model.IndexStatus;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;

/**
 * A global secondary index's throughput change goes through UPDATING → ACTIVE like the table's: the
 * old throughput holds until the index is ACTIVE again, and the decreases of a UTC day are limited.
 */
class GlobalIndexThroughputTest extends ManualEndpointTest {
  @Override
  protected UnaryOperator<DynamoDouble.Builder> settings() {
    return builder -> builder.statusDelay(Duration.ofSeconds(10));
  }

  @BeforeEach
  void createTable() {
    client.createTable(r -> r.tableName("tbl").keySchema(hash("pk"))
        .attributeDefinitions(attr("pk", ScalarAttributeType.S), attr("gk", ScalarAttributeType.S))
        .provisionedThroughput(p -> p.readCapacityUnits(50L).writeCapacityUnits(50L))
        .globalSecondaryIndexes(GlobalSecondaryIndex.builder().indexName("byG").keySchema(hash("gk"))
            .projection(p -> p.projectionType(ProjectionType.ALL))
            .provisionedThroughput(p -> p.readCapacityUnits(50L).writeCapacityUnits(1L)).build()));
    clock.advance(Duration.ofSeconds(10));
    dynamo.capacity().reset();
  }

  private void updateIndex(long read, long write) {
    client.updateTable(r -> r.tableName("tbl").globalSecondaryIndexUpdates(GlobalSecondaryIndexUpdate.builder()
        .update(u -> u.indexName("byG").provisionedThroughput(p -> p.readCapacityUnits(read).writeCapacityUnits(write)))
        .build()));
  }

  private GlobalSecondaryIndexDescription index() {
    return client.describeTable(r -> r.tableName("tbl")).table().globalSecondaryIndexes().get(0);
  }

  /** Puts of items that each enter the index (one index write unit each). */
  private int indexedPuts(String prefix, int n) {
    int admitted = 0;
    for (int i = 0; i < n; i++) {
      String key = prefix + i;
      try {
        client.putItem(r -> r.tableName("tbl").item(item("pk", key, "gk", "g" + key)));
        admitted++;
      } catch (ProvisionedThroughputExceededException throttled) {
        assertThat(throttled.throttlingReasons().get(0).reason()).isEqualTo("IndexWriteProvisionedThroughputExceeded");
      }
    }
    return admitted;
  }

  @Test
  void anIndexThroughputChangeAppliesWhenTheIndexIsActiveAgain() {
    updateIndex(50, 5);
    GlobalSecondaryIndexDescription updating = index();
    assertThat(updating.indexStatus()).isEqualTo(IndexStatus.UPDATING);
    assertThat(updating.provisionedThroughput().writeCapacityUnits()).isEqualTo(1L); // the old value until ACTIVE
    assertThat(client.describeTable(r -> r.tableName("tbl")).table().tableStatus()).isEqualTo(TableStatus.UPDATING);
    assertThat(indexedPuts("a", 10)).isEqualTo(1); // one second at the old 1 WCU
    clock.advance(Duration.ofSeconds(5));
    assertThat(indexedPuts("b", 10)).isEqualTo(5); // still the old rate while UPDATING
    clock.advance(Duration.ofSeconds(5)); // ACTIVE at 10 s: 5 more units at the old rate until then
    GlobalSecondaryIndexDescription active = index();
    assertThat(active.indexStatus()).isEqualTo(IndexStatus.ACTIVE);
    assertThat(active.provisionedThroughput().writeCapacityUnits()).isEqualTo(5L);
    assertThat(active.provisionedThroughput().lastIncreaseDateTime()).isEqualTo(ManualEndpoint.START.plusSeconds(20));
    clock.advance(Duration.ofSeconds(1));
    assertThat(indexedPuts("c", 20)).isEqualTo(10); // 5 at 1 WCU, then 5 at 5 WCU
  }

  @Test
  void anUnchangedIndexThroughputIsRefused() {
    assertError(() -> updateIndex(50, 1), "ValidationException", "The provisioned throughput for the index byG will "
        + "not change. The requested value equals the current value. Current ReadCapacityUnits provisioned for index "
        + "byG: 50. Requested ReadCapacityUnits: 50. Current WriteCapacityUnits provisioned for index byG: 1. Requested "
        + "WriteCapacityUnits: 1. Refer to the Amazon DynamoDB Developer Guide for current limits and how to request "
        + "higher limits.");
    assertThat(index().indexStatus()).isEqualTo(IndexStatus.ACTIVE);
  }

  @Test
  void indexDecreasesAreLimitedPerUtcDayAndTheCountResetsAtMidnight() {
    for (int i = 1; i <= 4; i++) {
      updateIndex(50 - i, 1);
      clock.advance(Duration.ofSeconds(10));
    }
    assertThat(index().provisionedThroughput().numberOfDecreasesToday()).isEqualTo(4L);
    assertError(() -> updateIndex(40, 1), "LimitExceededException", "Subscriber limit exceeded: Provisioned "
        + "throughput decreases are limited within a given UTC day. After the first 4 decreases, each subsequent "
        + "decrease in the same UTC day can be performed at most once every 3600 seconds. Number of decreases today: 4. "
        + "Last decrease at Sunday, March 1, 2026 10:00:50 AM UTC. Next decrease can be made at Sunday, March 1, 2026 "
        + "11:00:50 AM UTC");
    assertThat(index().provisionedThroughput().readCapacityUnits()).isEqualTo(46L);
    updateIndex(100, 2); // increases are not limited
    clock.advance(Duration.ofHours(1));
    updateIndex(40, 2); // an hour after the last decrease, one more
    clock.advance(Duration.ofSeconds(10));
    assertThat(index().provisionedThroughput().numberOfDecreasesToday()).isEqualTo(5L);
    clock.advance(Duration.ofHours(14)); // past midnight UTC
    assertThat(index().provisionedThroughput().numberOfDecreasesToday()).isZero();
    assertThat(client.describeTable(r -> r.tableName("tbl")).table().provisionedThroughput().numberOfDecreasesToday())
        .isZero();
  }
}
