package dev.dynamodouble.core.sdk;

import static dev.dynamodouble.core.sdk.SdkTestSupport.assertError;
import static dev.dynamodouble.core.sdk.SdkTestSupport.assertValidation;
import static dev.dynamodouble.core.sdk.SdkTestSupport.item;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dynamodouble.core.DynamoDouble;
import dev.dynamodouble.core.engine.EngineSnapshot;
import dev.dynamodouble.core.time.DynamoClock;
import dev.dynamodouble.core.time.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GlobalTableDescription;
import software.amazon.awssdk.services.dynamodb.model.GlobalTableStatus;
import software.amazon.awssdk.services.dynamodb.model.ListGlobalTablesResponse;
import software.amazon.awssdk.services.dynamodb.model.Replica;
import software.amazon.awssdk.services.dynamodb.model.ReplicaDescription;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;

/** Global tables version 2017.11.29 through the SDK: one client per region, on a manual clock. */
class LegacyGlobalTablesTest {
  private ManualClock clock;
  private DynamoDouble dynamo;
  private DynamoDbClient east;
  private DynamoDbClient west;
  private DynamoDbClient tokyo;

  @BeforeEach
  void start() {
    clock = DynamoClock.manual(Instant.parse("2026-01-01T00:00:00Z"));
    dynamo = DynamoDouble.builder().clock(clock).start();
    east = SdkTestSupport.client(dynamo, "us-east-1");
    west = SdkTestSupport.client(dynamo, "eu-west-1");
    tokyo = SdkTestSupport.client(dynamo, "ap-northeast-1");
  }

  @AfterEach
  void stop() {
    east.close();
    west.close();
    tokyo.close();
    dynamo.close();
  }

  /** An on-demand table "music" with the stream a legacy global table needs. */
  static void createStreamed(DynamoDbClient client, ManualClock clock) {
    SdkTestSupport.createTable(client, "music", "pk", null);
    client.updateTable(r -> r.tableName("music").streamSpecification(s -> s.streamEnabled(true)
        .streamViewType(StreamViewType.NEW_AND_OLD_IMAGES)));
    clock.advance(Duration.ZERO);
  }

  private GlobalTableDescription createGlobal(String... regions) {
    GlobalTableDescription created = east.createGlobalTable(r -> r.globalTableName("music").replicationGroup(
        java.util.Arrays.stream(regions).map(region -> Replica.builder().regionName(region).build()).toList()))
        .globalTableDescription();
    clock.advance(Duration.ZERO);
    return created;
  }

  private static Map<String, AttributeValue> get(DynamoDbClient client, String pk) {
    Map<String, AttributeValue> item = client.getItem(r -> r.tableName("music").key(item("pk", pk))).item();
    return item.isEmpty() ? null : item;
  }

  @Test
  void createGlobalTableJoinsExistingTablesThatThenReplicate() {
    createStreamed(east, clock);
    createStreamed(west, clock);
    GlobalTableDescription created = createGlobal("us-east-1", "eu-west-1");
    assertThat(created.globalTableName()).isEqualTo("music");
    assertThat(created.globalTableArn()).isEqualTo("arn:aws:dynamodb::000000000000:global-table/music");
    assertThat(created.creationDateTime()).isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
    assertThat(created.globalTableStatus()).isEqualTo(GlobalTableStatus.CREATING);
    assertThat(created.replicationGroup()).extracting(ReplicaDescription::regionName)
        .containsExactly("eu-west-1", "us-east-1");

    GlobalTableDescription described = west.describeGlobalTable(r -> r.globalTableName("music"))
        .globalTableDescription();
    assertThat(described.globalTableStatus()).isEqualTo(GlobalTableStatus.ACTIVE);
    var table = west.describeTable(r -> r.tableName("music")).table();
    assertThat(table.globalTableVersion()).isEqualTo("2017.11.29");
    assertThat(table.hasReplicas()).isFalse();

    east.putItem(r -> r.tableName("music").item(item("pk", "a", "v", "1")));
    assertThat(get(west, "a")).isNull();
    clock.advance(Duration.ofSeconds(1));
    assertThat(get(west, "a")).containsEntry("v", AttributeValue.fromS("1"));

    west.putItem(r -> r.tableName("music").item(item("pk", "k", "by", "west")));
    clock.advance(Duration.ofMillis(10));
    east.putItem(r -> r.tableName("music").item(item("pk", "k", "by", "east")));
    clock.advance(Duration.ofSeconds(2));
    assertThat(get(west, "k")).containsEntry("by", AttributeValue.fromS("east"));
    assertThat(get(east, "k")).containsEntry("by", AttributeValue.fromS("east"));
  }

  @Test
  void theTablesMustExistBeEmptyAliveAndStreamedAndNothingIsCreatedOtherwise() {
    createStreamed(east, clock);
    assertError(() -> createGlobal("us-east-1", "eu-west-1"), "TableNotFoundException",
        "Table not found: Table: 'music' not found in region: 'eu-west-1'.");
    SdkTestSupport.createTable(west, "music", "pk", null);
    clock.advance(Duration.ZERO);
    assertValidation(() -> createGlobal("us-east-1", "eu-west-1"), "One or more parameter values were invalid: "
        + "Table: 'music' in region: 'eu-west-1' must have DynamoDB Streams enabled with StreamViewType "
        + "NEW_AND_OLD_IMAGES");
    west.updateTable(r -> r.tableName("music").streamSpecification(s -> s.streamEnabled(true)
        .streamViewType(StreamViewType.NEW_AND_OLD_IMAGES)));
    clock.advance(Duration.ZERO);
    west.putItem(r -> r.tableName("music").item(item("pk", "x")));
    assertValidation(() -> createGlobal("us-east-1", "eu-west-1"), "One or more parameter values were invalid: "
        + "Table: 'music' in region: 'eu-west-1' is not empty; the replica tables of a global table version "
        + "2017.11.29 must be empty when a replica is added");
    assertError(() -> east.describeGlobalTable(r -> r.globalTableName("music")), "GlobalTableNotFoundException",
        "Global table not found: Global table with name: 'music' does not exist.");
    assertThat(east.describeTable(r -> r.tableName("music")).table().globalTableVersion()).isNull();

    SdkTestSupport.createTable(tokyo, "music", "other", null);
    tokyo.updateTable(r -> r.tableName("music").streamSpecification(s -> s.streamEnabled(true)
        .streamViewType(StreamViewType.NEW_AND_OLD_IMAGES)));
    clock.advance(Duration.ZERO);
    assertValidation(() -> createGlobal("us-east-1", "ap-northeast-1"), "One or more parameter values were "
        + "invalid: Table: 'music' in region: 'ap-northeast-1' must have the same primary key as the other replicas");
    assertValidation(() -> createGlobal("us-east-1", "us-east-1"),
        "One or more parameter values were invalid: Region us-east-1 is listed more than once");

    createGlobal("us-east-1");
    assertError(() -> createGlobal("us-east-1"), "GlobalTableAlreadyExistsException",
        "Global table with name: 'music' already exists.");
  }

  @Test
  void updateGlobalTableAddsAndRemovesReplicas() {
    createStreamed(east, clock);
    createStreamed(west, clock);
    createStreamed(tokyo, clock);
    createGlobal("us-east-1", "eu-west-1");
    GlobalTableDescription updated = east.updateGlobalTable(r -> r.globalTableName("music")
        .replicaUpdates(u -> u.create(c -> c.regionName("ap-northeast-1")))).globalTableDescription();
    assertThat(updated.globalTableStatus()).isEqualTo(GlobalTableStatus.UPDATING);
    assertThat(updated.replicationGroup()).extracting(ReplicaDescription::regionName)
        .containsExactly("ap-northeast-1", "eu-west-1", "us-east-1");
    clock.advance(Duration.ZERO);
    tokyo.putItem(r -> r.tableName("music").item(item("pk", "t")));
    clock.advance(Duration.ofSeconds(1));
    assertThat(get(east, "t")).isNotNull();
    assertThat(get(west, "t")).isNotNull();

    assertError(() -> east.updateGlobalTable(r -> r.globalTableName("music")
        .replicaUpdates(u -> u.create(c -> c.regionName("eu-west-1")))), "ReplicaAlreadyExistsException",
        "Replica already exists: Replica in region: 'eu-west-1' is already part of global table: 'music'.");
    assertError(() -> east.updateGlobalTable(r -> r.globalTableName("music")
        .replicaUpdates(u -> u.delete(d -> d.regionName("sa-east-1")))), "ReplicaNotFoundException",
        "Replica not found: Replica in region: 'sa-east-1' is not part of global table: 'music'.");
    assertValidation(() -> east.updateGlobalTable(r -> r.globalTableName("music").replicaUpdates(
        java.util.List.of())), "One or more parameter values were invalid");
    assertError(() -> east.updateGlobalTable(r -> r.globalTableName("nothing")
        .replicaUpdates(u -> u.delete(d -> d.regionName("eu-west-1")))), "GlobalTableNotFoundException",
        "Global table not found: Global table with name: 'nothing' does not exist.");

    east.updateGlobalTable(r -> r.globalTableName("music").replicaUpdates(u -> u.delete(d -> d.regionName(
        "us-east-1"))));
    clock.advance(Duration.ZERO);
    assertThat(east.describeTable(r -> r.tableName("music")).table().globalTableVersion()).isNull();
    east.putItem(r -> r.tableName("music").item(item("pk", "alone")));
    clock.advance(Duration.ofSeconds(5));
    assertThat(get(west, "alone")).isNull();
    assertThat(west.describeGlobalTable(r -> r.globalTableName("music")).globalTableDescription().replicationGroup())
        .extracting(ReplicaDescription::regionName).containsExactly("ap-northeast-1", "eu-west-1");
  }

  @Test
  void listGlobalTablesPagesAndFiltersByRegion() {
    for (String name : new String[] {"alpha", "beta", "gamma"}) {
      SdkTestSupport.createTable(name.equals("beta") ? west : east, name, "pk", null);
      (name.equals("beta") ? west : east).updateTable(r -> r.tableName(name).streamSpecification(s -> s
          .streamEnabled(true).streamViewType(StreamViewType.NEW_AND_OLD_IMAGES)));
      clock.advance(Duration.ZERO);
      east.createGlobalTable(r -> r.globalTableName(name)
          .replicationGroup(g -> g.regionName(name.equals("beta") ? "eu-west-1" : "us-east-1")));
    }
    ListGlobalTablesResponse first = tokyo.listGlobalTables(r -> r.limit(2));
    assertThat(first.globalTables()).extracting(g -> g.globalTableName()).containsExactly("alpha", "beta");
    assertThat(first.lastEvaluatedGlobalTableName()).isEqualTo("beta");
    ListGlobalTablesResponse second = tokyo.listGlobalTables(r -> r.limit(2).exclusiveStartGlobalTableName("beta"));
    assertThat(second.globalTables()).extracting(g -> g.globalTableName()).containsExactly("gamma");
    assertThat(second.lastEvaluatedGlobalTableName()).isNull();
    assertThat(east.listGlobalTables(r -> r.regionName("eu-west-1")).globalTables())
        .singleElement().satisfies(g -> assertThat(g.replicationGroup()).extracting(Replica::regionName)
            .containsExactly("eu-west-1"));
  }

  @Test
  void versionsDoNotMix() {
    createStreamed(east, clock);
    createStreamed(west, clock);
    SdkTestSupport.createTable(east, "current", "pk", null);
    clock.advance(Duration.ZERO);
    east.updateTable(r -> r.tableName("current").replicaUpdates(u -> u.create(c -> c.regionName("eu-west-1"))));
    clock.advance(Duration.ZERO);
    assertValidation(() -> east.createGlobalTable(r -> r.globalTableName("current")
        .replicationGroup(g -> g.regionName("us-east-1"))), "One or more parameter values were invalid: Table: "
        + "'current' in region: 'us-east-1' is a replica of a global table version 2019.11.21 and cannot join a "
        + "global table version 2017.11.29");
    assertError(() -> east.describeGlobalTable(r -> r.globalTableName("current")), "GlobalTableNotFoundException",
        "Global table not found: Global table with name: 'current' does not exist.");
    assertError(() -> east.describeGlobalTableSettings(r -> r.globalTableName("current")),
        "GlobalTableNotFoundException", "Global table with name: 'current' does not exist.");

    createGlobal("us-east-1", "eu-west-1");
    assertValidation(() -> east.updateTable(r -> r.tableName("music")
        .replicaUpdates(u -> u.create(c -> c.regionName("ap-northeast-1")))), "One or more parameter values were "
        + "invalid: Table music is a replica of a global table version 2017.11.29 (legacy); ReplicaUpdates apply to "
        + "version 2019.11.21 global tables. Use UpdateGlobalTable");
    assertThat(east.listGlobalTables().globalTables()).extracting(g -> g.globalTableName()).containsExactly("music");
  }

  @Test
  void anEngineSnapshotPutsTheGlobalTableBack() {
    createStreamed(east, clock);
    createStreamed(west, clock);
    EngineSnapshot before = dynamo.engine().snapshot();
    createGlobal("us-east-1", "eu-west-1");
    dynamo.engine().restore(before);
    assertThat(east.listGlobalTables().globalTables()).isEmpty();
    east.putItem(r -> r.tableName("music").item(item("pk", "a")));
    clock.advance(Duration.ofSeconds(2));
    assertThat(get(west, "a")).isNull();
    east.deleteItem(r -> r.tableName("music").key(item("pk", "a")));
    createGlobal("us-east-1", "eu-west-1");
    assertThat(east.describeGlobalTable(r -> r.globalTableName("music")).globalTableDescription().replicationGroup())
        .hasSize(2);
  }
}
