package dev.dynamodouble.core.persist;

import static dev.dynamodouble.core.sdk.SdkTestSupport.item;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.dynamodouble.core.DynamoDouble;
import dev.dynamodouble.core.sdk.SdkTestSupport;
import dev.dynamodouble.core.time.DynamoClock;
import dev.dynamodouble.core.time.ManualClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.AutoScalingSettingsUpdate;
import software.amazon.awssdk.services.dynamodb.model.GlobalTableDescription;
import software.amazon.awssdk.services.dynamodb.model.GlobalTableStatus;
import software.amazon.awssdk.services.dynamodb.model.GlobalTableWitnessDescription;
import software.amazon.awssdk.services.dynamodb.model.Replica;
import software.amazon.awssdk.services.dynamodb.model.ReplicaDescription;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.model.TableClass;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.WitnessStatus;

/**
 * Global tables across a close and a reopen of a data directory, through the real SDK, one client
 * per region: replicas and their settings (version 2019.11.21), version 2017.11.29 global tables,
 * and multi-Region strong consistency with its witness; after each restart a write in one region
 * still reaches the others. The first reopen replays the log, the second reads a checkpoint.
 */
class DurableGlobalStateTest {
  private static final Instant START = Instant.parse("2026-04-01T00:00:00Z");

  @TempDir
  Path dir;

  /** What a test does with one server life: clients for us-east-1, eu-west-1 and us-east-2 ... */
  private interface Work {
    void run(ManualClock clock, DynamoDbClient east, DynamoDbClient west, DynamoDbClient ohio, DynamoDbClient oregon);
  }

  private void withServer(Work work) {
    ManualClock clock = DynamoClock.manual(START);
    DynamoDouble built = DynamoDouble.builder().clock(clock).build();
    DataDirectory data = DataDirectory.open(dir, built.engine());
    try (DynamoDouble dynamo = built.start(); DynamoDbClient east = SdkTestSupport.client(dynamo, "us-east-1");
         DynamoDbClient west = SdkTestSupport.client(dynamo, "eu-west-1");
         DynamoDbClient ohio = SdkTestSupport.client(dynamo, "us-east-2");
         DynamoDbClient oregon = SdkTestSupport.client(dynamo, "us-west-2")) {
      work.run(clock, east, west, ohio, oregon);
    } finally {
      data.close();
    }
  }

  @Test
  void replicasAndTheirSettingsSurviveRestartsAndStillReplicate() {
    withServer((clock, east, west, ohio, oregon) -> {
      SdkTestSupport.createTable(east, "orders", "pk", null);
      east.updateTable(r -> r.tableName("orders").replicaUpdates(u -> u.create(c -> c.regionName("eu-west-1")
          .tableClassOverride(TableClass.STANDARD_INFREQUENT_ACCESS).kmsMasterKeyId("replica-key"))));
      clock.advance(Duration.ofSeconds(1));
      east.updateTableReplicaAutoScaling(r -> r.tableName("orders").replicaUpdates(u -> u.regionName("eu-west-1")
          .replicaProvisionedReadCapacityAutoScalingUpdate(scaling(2, 20, 50))));
      east.putItem(r -> r.tableName("orders").item(item("pk", "before", "v", 1)));
      clock.advance(Duration.ofSeconds(2));
      assertThat(get(west, "orders", "before")).isNotNull();
    });
    for (int life = 0; life < 2; life++) {
      String fromWest = "west" + life;
      String fromEast = "east" + life;
      withServer((clock, east, west, ohio, oregon) -> {
        TableDescription table = east.describeTable(r -> r.tableName("orders")).table();
        assertThat(table.globalTableVersion()).isEqualTo("2019.11.21");
        assertThat(table.replicas()).extracting(ReplicaDescription::regionName).containsExactly("eu-west-1");
        ReplicaDescription replica = table.replicas().get(0);
        assertThat(replica.replicaTableClassSummary().tableClass()).isEqualTo(TableClass.STANDARD_INFREQUENT_ACCESS);
        assertThat(replica.kmsMasterKeyId()).isEqualTo("replica-key");
        assertThat(west.describeTable(r -> r.tableName("orders")).table().replicas())
            .extracting(ReplicaDescription::regionName).containsExactly("us-east-1");
        assertThat(east.describeTableReplicaAutoScaling(r -> r.tableName("orders")).tableAutoScalingDescription()
            .replicas()).filteredOn(d -> d.regionName().equals("eu-west-1")).singleElement()
            .satisfies(d -> assertThat(d.replicaProvisionedReadCapacityAutoScalingSettings().maximumUnits())
                .isEqualTo(20L));
        west.putItem(r -> r.tableName("orders").item(item("pk", fromWest)));
        east.putItem(r -> r.tableName("orders").item(item("pk", fromEast)));
        clock.advance(Duration.ofSeconds(2));
        assertThat(get(east, "orders", fromWest)).isNotNull();
        assertThat(get(west, "orders", fromEast)).isNotNull();
        assertThat(get(west, "orders", "before")).isNotNull();
      });
    }
  }

  @Test
  void legacyGlobalTablesSurviveRestartsAndStillReplicate() {
    withServer((clock, east, west, ohio, oregon) -> {
      for (DynamoDbClient client : new DynamoDbClient[] {east, west}) {
        SdkTestSupport.createTable(client, "music", "pk", null);
        client.updateTable(r -> r.tableName("music").streamSpecification(s -> s.streamEnabled(true)
            .streamViewType(StreamViewType.NEW_AND_OLD_IMAGES)));
      }
      east.createGlobalTable(r -> r.globalTableName("music").replicationGroup(
          Replica.builder().regionName("us-east-1").build(), Replica.builder().regionName("eu-west-1").build()));
      clock.advance(Duration.ZERO);
    });
    for (int life = 0; life < 2; life++) {
      String key = "song" + life;
      withServer((clock, east, west, ohio, oregon) -> {
        GlobalTableDescription global = west.describeGlobalTable(r -> r.globalTableName("music"))
            .globalTableDescription();
        assertThat(global.globalTableStatus()).isEqualTo(GlobalTableStatus.ACTIVE);
        assertThat(global.creationDateTime()).isEqualTo(START);
        assertThat(global.replicationGroup()).extracting(ReplicaDescription::regionName)
            .containsExactly("eu-west-1", "us-east-1");
        assertThat(east.listGlobalTables().globalTables()).singleElement()
            .satisfies(g -> assertThat(g.globalTableName()).isEqualTo("music"));
        assertThat(east.describeTable(r -> r.tableName("music")).table().globalTableVersion()).isEqualTo("2017.11.29");
        east.putItem(r -> r.tableName("music").item(item("pk", key)));
        clock.advance(Duration.ofSeconds(2));
        assertThat(get(west, "music", key)).isNotNull();
      });
    }
  }

  @Test
  void strongConsistencyAndItsWitnessSurviveRestarts() {
    withServer((clock, east, west, ohio, oregon) -> {
      SdkTestSupport.createTable(east, "orders", "pk", null);
      east.updateTable(r -> r.tableName("orders").multiRegionConsistency("STRONG")
          .replicaUpdates(u -> u.create(c -> c.regionName("us-east-2")))
          .globalTableWitnessUpdates(w -> w.create(c -> c.regionName("us-west-2"))));
      clock.advance(Duration.ZERO);
    });
    for (int life = 0; life < 2; life++) {
      String key = "k" + life;
      withServer((clock, east, west, ohio, oregon) -> {
        for (DynamoDbClient client : new DynamoDbClient[] {east, ohio}) {
          TableDescription table = client.describeTable(r -> r.tableName("orders")).table();
          assertThat(table.multiRegionConsistencyAsString()).isEqualTo("STRONG");
          assertThat(table.globalTableWitnesses()).extracting(GlobalTableWitnessDescription::regionName,
              GlobalTableWitnessDescription::witnessStatus).containsExactly(tuple("us-west-2", WitnessStatus.ACTIVE));
        }
        ohio.putItem(r -> r.tableName("orders").item(item("pk", key)));
        // synchronous: the other replica has it with no clock advance
        assertThat(east.getItem(r -> r.tableName("orders").key(item("pk", key)).consistentRead(true)).item())
            .isNotEmpty();
      });
    }
  }

  @Test
  void globalTablesOfOneNameSurviveRestartsApart() {
    withServer((clock, east, west, ohio, oregon) -> {
      SdkTestSupport.createTable(east, "orders", "pk", null);
      SdkTestSupport.createTable(west, "orders", "pk", null);
      clock.advance(Duration.ZERO);
      east.updateTable(r -> r.tableName("orders").multiRegionConsistency("STRONG")
          .replicaUpdates(u -> u.create(c -> c.regionName("us-east-2")))
          .globalTableWitnessUpdates(w -> w.create(c -> c.regionName("us-west-2"))));
      west.updateTable(r -> r.tableName("orders").replicaUpdates(u -> u.create(c -> c.regionName("eu-west-2"))));
      clock.advance(Duration.ZERO);
    });
    for (int life = 0; life < 2; life++) {
      String key = "k" + life;
      withServer((clock, east, west, ohio, oregon) -> {
        TableDescription strong = east.describeTable(r -> r.tableName("orders")).table();
        assertThat(strong.multiRegionConsistencyAsString()).isEqualTo("STRONG");
        assertThat(strong.replicas()).extracting(ReplicaDescription::regionName).containsExactly("us-east-2");
        TableDescription eventual = west.describeTable(r -> r.tableName("orders")).table();
        assertThat(eventual.multiRegionConsistency()).isNull();
        assertThat(eventual.replicas()).extracting(ReplicaDescription::regionName).containsExactly("eu-west-2");
        ohio.putItem(r -> r.tableName("orders").item(item("pk", key)));
        west.putItem(r -> r.tableName("orders").item(item("pk", "west" + key)));
        clock.advance(Duration.ofSeconds(2));
        assertThat(get(east, "orders", key)).isNotNull();
        assertThat(get(west, "orders", key)).isNull();
        assertThat(get(east, "orders", "west" + key)).isNull();
      });
    }
  }

  private static Map<String, AttributeValue> get(DynamoDbClient client, String table, String pk) {
    Map<String, AttributeValue> found = client.getItem(r -> r.tableName(table).key(item("pk", pk))).item();
    return found.isEmpty() ? null : found;
  }

  private static AutoScalingSettingsUpdate scaling(long min, long max, double target) {
    return AutoScalingSettingsUpdate.builder().minimumUnits(min).maximumUnits(max)
        .scalingPolicyUpdate(p -> p.policyName("p1").targetTrackingScalingPolicyConfiguration(t -> t.targetValue(target)))
        .build();
  }
}
