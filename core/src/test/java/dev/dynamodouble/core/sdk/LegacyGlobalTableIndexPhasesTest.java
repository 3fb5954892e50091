package dev.dynamodouble.core.sdk;

import static dev.dynamodouble.core.sdk.SdkTestSupport.assertError;
import static dev.dynamodouble.core.sdk.SdkTestSupport.attr;
import static dev.dynamodouble.core.sdk.SdkTestSupport.hash;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dynamodouble.core.DynamoDouble;
import dev.dynamodouble.core.time.DynamoClock;
import dev.dynamodouble.core.time.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexUpdate;
import software.amazon.awssdk.services.dynamodb.model.IndexStatus;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;

/**
 * UpdateGlobalTableSettings (version 2017.11.29) gives a replica's global index new units as
 * UpdateTable would, and refuses them as UpdateTable does while the index, added to the replica
 * online, allocates its resources: ResourceInUseException "Index is being created but is not
 * backfilling yet", the index's reason before its table's UPDATING. Once it backfills the units
 * are taken, and in effect when it is ACTIVE.
 */
class LegacyGlobalTableIndexPhasesTest {
  private static final Duration STATUS_DELAY = Duration.ofSeconds(30);
  private static final String NOT_BACKFILLING = "Attempt to change a resource which is still in use: Index is being "
      + "created but is not backfilling yet.  Table: music Index: byG";

  private final ManualClock clock = DynamoClock.manual(Instant.parse("2026-01-01T00:00:00Z"));
  private final DynamoDouble dynamo = DynamoDouble.builder().clock(clock).statusDelay(STATUS_DELAY).start();
  private final DynamoDbClient east = SdkTestSupport.client(dynamo, "us-east-1");
  private final DynamoDbClient west = SdkTestSupport.client(dynamo, "eu-west-1");

  LegacyGlobalTableIndexPhasesTest() {
    for (DynamoDbClient client : List.of(east, west)) {
      client.createTable(r -> r.tableName("music").billingMode(BillingMode.PROVISIONED)
          .provisionedThroughput(t -> t.readCapacityUnits(5L).writeCapacityUnits(5L))
          .keySchema(hash("pk")).attributeDefinitions(attr("pk", ScalarAttributeType.S))
          .streamSpecification(s -> s.streamEnabled(true).streamViewType(StreamViewType.NEW_AND_OLD_IMAGES)));
    }
    clock.advance(STATUS_DELAY);
    east.createGlobalTable(r -> r.globalTableName("music")
        .replicationGroup(g -> g.regionName("us-east-1"), g -> g.regionName("eu-west-1")));
    clock.advance(STATUS_DELAY);
    for (DynamoDbClient client : List.of(east, west)) { // each replica gets the index itself: nothing is synchronized
      client.updateTable(r -> r.tableName("music").attributeDefinitions(attr("g", ScalarAttributeType.S))
          .globalSecondaryIndexUpdates(GlobalSecondaryIndexUpdate.builder().create(c -> c.indexName("byG")
              .keySchema(hash("g")).projection(p -> p.projectionType(ProjectionType.ALL))
              .provisionedThroughput(t -> t.readCapacityUnits(5L).writeCapacityUnits(5L))).build()));
    }
  }

  @AfterEach
  void stop() {
    east.close();
    west.close();
    dynamo.close();
  }

  private GlobalSecondaryIndexDescription index(DynamoDbClient region) {
    return region.describeTable(r -> r.tableName("music")).table().globalSecondaryIndexes().get(0);
  }

  private void giveIndexUnits() {
    east.updateGlobalTableSettings(r -> r.globalTableName("music")
        .globalTableGlobalSecondaryIndexSettingsUpdate(g -> g.indexName("byG").provisionedWriteCapacityUnits(8L))
        .replicaSettingsUpdate(u -> u.regionName("eu-west-1")
            .replicaGlobalSecondaryIndexSettingsUpdate(g -> g.indexName("byG").provisionedReadCapacityUnits(3L))));
  }

  @Test
  void newIndexUnitsAreRefusedWhileTheIndexAllocatesAndTakenOnceItBackfills() {
    assertThat(index(east).backfilling()).isFalse();
    assertError(this::giveIndexUnits, "ResourceInUseException", NOT_BACKFILLING);
    assertError(() -> west.updateGlobalTableSettings(r -> r.globalTableName("music")
            .replicaSettingsUpdate(u -> u.regionName("eu-west-1")
                .replicaGlobalSecondaryIndexSettingsUpdate(g -> g.indexName("byG").provisionedReadCapacityUnits(3L)))),
        "ResourceInUseException", NOT_BACKFILLING); // a replica's read units alone too
    assertThat(index(west).provisionedThroughput().writeCapacityUnits()).isEqualTo(5L);

    clock.advance(STATUS_DELAY.dividedBy(2)); // backfilling, the tables ACTIVE again
    assertThat(index(east).backfilling()).isTrue();
    giveIndexUnits();
    assertThat(index(east).indexStatus()).isEqualTo(IndexStatus.UPDATING); // as UpdateTable's change describes it

    clock.advance(STATUS_DELAY.dividedBy(2)); // ACTIVE, the new units in effect
    assertThat(index(east).indexStatus()).isEqualTo(IndexStatus.ACTIVE);
    assertThat(index(east).provisionedThroughput().writeCapacityUnits()).isEqualTo(8L);
    assertThat(index(east).provisionedThroughput().readCapacityUnits()).isEqualTo(5L);
    assertThat(index(west).provisionedThroughput().writeCapacityUnits()).isEqualTo(8L);
    assertThat(index(west).provisionedThroughput().readCapacityUnits()).isEqualTo(3L);
  }
}
