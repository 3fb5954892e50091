package dev.dynamodouble.core.sdk;

import static dev.dynamodouble.core.sdk.SdkTestSupport.assertError;
import static dev.dynamodouble.core.sdk.SdkTestSupport.item;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dynamodouble.core.DynamoDouble;
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
import software.amazon.awssdk.services.dynamodb.model.ReplicaDescription;
import software.amazon.awssdk.services.dynamodb.model.ReplicaStatus;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/** Global tables version 2019.11.21 through the SDK: one client per region, on a manual clock. */
class GlobalTablesTest {
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
    SdkTestSupport.createTable(east, "orders", "pk", null);
    clock.advance(Duration.ZERO);
  }

  @AfterEach
  void stop() {
    east.close();
    west.close();
    tokyo.close();
    dynamo.close();
  }

  private void addReplicas(String... regions) {
    for (String region : regions) {
      east.updateTable(r -> r.tableName("orders").replicaUpdates(u -> u.create(c -> c.regionName(region))));
      clock.advance(Duration.ZERO);
    }
  }

  private static Map<String, AttributeValue> get(DynamoDbClient client, String pk) {
    Map<String, AttributeValue> item = client.getItem(r -> r.tableName("orders").key(item("pk", pk))).item();
    return item.isEmpty() ? null : item;
  }

  @Test
  void aReplicaIsCreatedBackfilledAndDescribed() {
    east.putItem(r -> r.tableName("orders").item(item("pk", "old", "v", "1")));
    TableDescription updated = east.updateTable(r -> r.tableName("orders")
        .replicaUpdates(u -> u.create(c -> c.regionName("eu-west-1")))).tableDescription();
    assertThat(updated.tableStatus()).isEqualTo(TableStatus.UPDATING);
    assertThat(updated.globalTableVersion()).isEqualTo("2019.11.21");
    assertThat(updated.replicas()).extracting(ReplicaDescription::regionName, ReplicaDescription::replicaStatus)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("eu-west-1", ReplicaStatus.CREATING));
    clock.advance(Duration.ZERO);

    TableDescription eastTable = east.describeTable(r -> r.tableName("orders")).table();
    assertThat(eastTable.replicas()).extracting(ReplicaDescription::replicaStatus).containsExactly(ReplicaStatus.ACTIVE);
    assertThat(eastTable.streamSpecification().streamViewType()).isEqualTo(StreamViewType.NEW_AND_OLD_IMAGES);
    TableDescription westTable = west.describeTable(r -> r.tableName("orders")).table();
    assertThat(westTable.tableArn()).isEqualTo("arn:aws:dynamodb:eu-west-1:000000000000:table/orders");
    assertThat(westTable.replicas()).extracting(ReplicaDescription::regionName).containsExactly("us-east-1");
    assertThat(westTable.itemCount()).isEqualTo(1);
    assertThat(get(west, "old")).containsEntry("v", AttributeValue.fromS("1"));
  }

  @Test
  void aWriteReachesTheOtherRegionAfterTheLag() {
    addReplicas("eu-west-1");
    east.putItem(r -> r.tableName("orders").item(item("pk", "a", "v", "1")));
    assertThat(get(east, "a")).isNotNull();
    assertThat(get(west, "a")).isNull();
    clock.advance(Duration.ofMillis(999));
    assertThat(get(west, "a")).isNull();
    clock.advance(Duration.ofMillis(1));
    assertThat(get(west, "a")).containsEntry("v", AttributeValue.fromS("1"));

    west.deleteItem(r -> r.tableName("orders").key(item("pk", "a")));
    dynamo.replication().lag("eu-west-1", "us-east-1", Duration.ofSeconds(30));
    clock.advance(Duration.ofSeconds(29));
    assertThat(get(east, "a")).isNotNull();
    clock.advance(Duration.ofSeconds(1));
    assertThat(get(east, "a")).isNull();
  }

  @Test
  void concurrentWritesConvergeToTheLaterEverywhere() {
    addReplicas("eu-west-1", "ap-northeast-1");
    west.putItem(r -> r.tableName("orders").item(item("pk", "k", "by", "west")));
    clock.advance(Duration.ofMillis(300));
    east.putItem(r -> r.tableName("orders").item(item("pk", "k", "by", "east")));
    clock.advance(Duration.ofMillis(200));
    tokyo.putItem(r -> r.tableName("orders").item(item("pk", "k", "by", "tokyo")));
    clock.advance(Duration.ofSeconds(2));
    for (DynamoDbClient client : new DynamoDbClient[] {east, west, tokyo}) {
      assertThat(get(client, "k")).containsEntry("by", AttributeValue.fromS("tokyo"));
    }
  }

  @Test
  void writesAtTheSameInstantConvergeByRegionName() {
    addReplicas("eu-west-1");
    east.putItem(r -> r.tableName("orders").item(item("pk", "k", "by", "east")));
    west.putItem(r -> r.tableName("orders").item(item("pk", "k", "by", "west")));
    clock.advance(Duration.ofSeconds(1));
    // Same time: the tie goes to the greater region name, in every region.
    assertThat(get(east, "k")).containsEntry("by", AttributeValue.fromS("east"));
    assertThat(get(west, "k")).containsEntry("by", AttributeValue.fromS("east"));
  }

  @Test
  void aPausedLinkQueuesAndThenDrains() {
    addReplicas("eu-west-1");
    dynamo.replication().pause("us-east-1", "eu-west-1");
    for (int i = 0; i < 5; i++) {
      String pk = "p" + i;
      east.putItem(r -> r.tableName("orders").item(item("pk", pk)));
    }
    clock.advance(Duration.ofMinutes(5));
    assertThat(west.scan(r -> r.tableName("orders")).count()).isZero();
    assertThat(dynamo.replication().pending("us-east-1", "eu-west-1")).isEqualTo(5);

    dynamo.replication().resume("us-east-1", "eu-west-1");
    clock.advance(Duration.ZERO);
    assertThat(west.scan(r -> r.tableName("orders")).count()).isEqualTo(5);
    assertThat(dynamo.replication().pending()).isZero();
  }

  @Test
  void aPartitionedRegionNeitherSendsNorReceives() {
    addReplicas("eu-west-1");
    dynamo.replication().partition("eu-west-1");
    east.putItem(r -> r.tableName("orders").item(item("pk", "e")));
    west.putItem(r -> r.tableName("orders").item(item("pk", "w")));
    clock.advance(Duration.ofSeconds(10));
    assertThat(get(west, "e")).isNull();
    assertThat(get(east, "w")).isNull();
    dynamo.replication().heal("eu-west-1");
    clock.advance(Duration.ZERO);
    assertThat(get(west, "e")).isNotNull();
    assertThat(get(east, "w")).isNotNull();
  }

  @Test
  void anotherRegionSeesPartOfATransactionMidReplication() {
    addReplicas("eu-west-1");
    dynamo.replication().pause("us-east-1", "eu-west-1");
    east.transactWriteItems(r -> r.transactItems(
        TransactWriteItem.builder().put(p -> p.tableName("orders").item(item("pk", "t1"))).build(),
        TransactWriteItem.builder().put(p -> p.tableName("orders").item(item("pk", "t2"))).build()));
    // Items of a transaction replicate one by one: release the first only.
    assertThat(dynamo.replication().release("us-east-1", "eu-west-1", 1)).isEqualTo(1);
    assertThat(west.scan(r -> r.tableName("orders")).count()).isEqualTo(1);
    assertThat(east.scan(r -> r.tableName("orders")).count()).isEqualTo(2);
    dynamo.replication().resume("us-east-1", "eu-west-1");
    clock.advance(Duration.ofSeconds(1));
    assertThat(get(west, "t1")).isNotNull();
    assertThat(get(west, "t2")).isNotNull();
  }

  @Test
  void replicatedChangesAppearInTheReplicaStream() {
    addReplicas("eu-west-1");
    east.putItem(r -> r.tableName("orders").item(item("pk", "s")));
    clock.advance(Duration.ofSeconds(1));
    try (DynamoDbStreamsClient streams = SdkTestSupport.streamsClient(dynamo, "eu-west-1")) {
      String arn = west.describeTable(r -> r.tableName("orders")).table().latestStreamArn();
      String shard = streams.describeStream(r -> r.streamArn(arn)).streamDescription().shards().get(0).shardId();
      String iterator = streams.getShardIterator(r -> r.streamArn(arn).shardId(shard)
          .shardIteratorType("TRIM_HORIZON")).shardIterator();
      var records = streams.getRecords(r -> r.shardIterator(iterator)).records();
      assertThat(records).hasSize(1);
      assertThat(records.get(0).eventNameAsString()).isEqualTo("INSERT");
    }
  }

  @Test
  void deletingAReplicaStopsReplicationAndTheTableGoes() {
    addReplicas("eu-west-1");
    TableDescription updated = east.updateTable(r -> r.tableName("orders")
        .replicaUpdates(u -> u.delete(d -> d.regionName("eu-west-1")))).tableDescription();
    assertThat(updated.replicas()).extracting(ReplicaDescription::replicaStatus).containsExactly(ReplicaStatus.DELETING);
    clock.advance(Duration.ZERO);
    assertThat(west.listTables().tableNames()).isEmpty();
    TableDescription described = east.describeTable(r -> r.tableName("orders")).table();
    assertThat(described.hasReplicas()).isFalse();
    assertThat(described.globalTableVersion()).isNull();
    east.putItem(r -> r.tableName("orders").item(item("pk", "after")));
    clock.advance(Duration.ofSeconds(2));
    assertThat(dynamo.replication().pending()).isZero();
  }

  @Test
  void aReplicasArnOfAnotherRegionNeverActsOnThisRegionsReplica() {
    // The ARN names the replica in its own region: sent to another region's endpoint, it is
    // refused (DynamoDB: "Invalid AWS region in '<arn>'"), never run on that region's replica.
    addReplicas("eu-west-1");
    east.putItem(r -> r.tableName("orders").item(item("pk", "a", "v", "1")));
    clock.advance(Duration.ofSeconds(1));
    String eastArn = east.describeTable(r -> r.tableName("orders")).table().tableArn();
    String westArn = west.describeTable(r -> r.tableName("orders")).table().tableArn();
    String refused = "1 validation error detected: Invalid AWS region in '" + eastArn + "'";
    assertError(() -> west.deleteItem(r -> r.tableName(eastArn).key(item("pk", "a"))), "ValidationException", refused);
    assertError(() -> west.deleteTable(r -> r.tableName(eastArn)), "ValidationException", refused);
    assertError(() -> west.updateContinuousBackups(r -> r.tableName(eastArn)
        .pointInTimeRecoverySpecification(p -> p.pointInTimeRecoveryEnabled(true))), "ValidationException", refused);
    assertThat(get(west, "a")).containsEntry("v", AttributeValue.fromS("1"));
    assertThat(west.describeTable(r -> r.tableName("orders")).table().tableStatus()).isEqualTo(TableStatus.ACTIVE);
    // each region's own ARN names its replica
    west.deleteItem(r -> r.tableName(westArn).key(item("pk", "a")));
    assertThat(get(west, "a")).isNull();
    assertThat(get(east, "a")).isNotNull();
  }

  @Test
  void deleteTableInOneRegionRemovesOnlyThatReplica() {
    addReplicas("eu-west-1", "ap-northeast-1");
    west.deleteTable(r -> r.tableName("orders"));
    clock.advance(Duration.ZERO);
    assertThat(east.describeTable(r -> r.tableName("orders")).table().replicas())
        .extracting(ReplicaDescription::regionName).containsExactly("ap-northeast-1");
    east.putItem(r -> r.tableName("orders").item(item("pk", "x")));
    clock.advance(Duration.ofSeconds(1));
    assertThat(get(tokyo, "x")).isNotNull();
  }

  @Test
  void badReplicaUpdatesAreRefusedAndCreateNothing() {
    String local = "Cannot add, delete, or update the local region through ReplicaUpdates. "
        + "Use CreateTable, DeleteTable, or UpdateTable as required.";
    assertError(() -> east.updateTable(r -> r.tableName("orders")
        .replicaUpdates(u -> u.create(c -> c.regionName("us-east-1")))), "ValidationException", local);
    assertError(() -> east.updateTable(r -> r.tableName("orders")
        .replicaUpdates(u -> u.create(c -> c.regionName("eu-west-1")), u -> u.create(c -> c.regionName("moon-1")))),
        "ValidationException", "Provided region is not supported: moon-1");
    assertError(() -> east.updateTable(r -> r.tableName("orders")
        .replicaUpdates(u -> u.create(c -> c.regionName("eu-west-1")), u -> u.delete(c -> c.regionName("eu-west-1")))),
        "ValidationException", null);
    assertError(() -> east.updateTable(r -> r.tableName("orders")
        .replicaUpdates(u -> u.delete(c -> c.regionName("eu-west-1")))), "ValidationException", null);
    assertError(() -> east.updateTable(r -> r.tableName("orders").multiRegionConsistency("STRONG")),
        "ValidationException", null);
    assertThat(west.listTables().tableNames()).isEmpty();
    assertThat(east.describeTable(r -> r.tableName("orders")).table().tableStatus()).isEqualTo(TableStatus.ACTIVE);

    east.updateTable(r -> r.tableName("orders").streamSpecification(s -> s.streamEnabled(true)
        .streamViewType(StreamViewType.KEYS_ONLY)));
    clock.advance(Duration.ZERO);
    assertError(() -> east.updateTable(r -> r.tableName("orders")
        .replicaUpdates(u -> u.create(c -> c.regionName("eu-west-1")))), "ValidationException", null);
    assertThat(west.listTables().tableNames()).isEmpty();
  }

  @Test
  void aReplicaProtectedAgainstDeletionStays() {
    addReplicas("eu-west-1");
    west.updateTable(r -> r.tableName("orders").deletionProtectionEnabled(true));
    assertError(() -> east.updateTable(r -> r.tableName("orders")
        .replicaUpdates(u -> u.delete(d -> d.regionName("eu-west-1")))), "ValidationException",
        "Resource cannot be deleted as it is currently protected against deletion. Disable deletion protection first.");
  }

  @Test
  void theControlApiSetsLagAndPausesLinks() throws Exception {
    addReplicas("eu-west-1");
    assertThat(control("POST", "replication/lag?from=us-east-1&to=eu-west-1&millis=5000"))
        .isEqualTo("{\"from\":\"us-east-1\",\"to\":\"eu-west-1\",\"lagMillis\":5000,\"paused\":false,\"pending\":0}");
    east.putItem(r -> r.tableName("orders").item(item("pk", "c")));
    clock.advance(Duration.ofSeconds(4));
    assertThat(get(west, "c")).isNull();
    clock.advance(Duration.ofSeconds(1));
    assertThat(get(west, "c")).isNotNull();
    control("POST", "replication/pause?from=us-east-1&to=eu-west-1");
    east.putItem(r -> r.tableName("orders").item(item("pk", "d")));
    assertThat(control("GET", "replication?from=us-east-1&to=eu-west-1")).contains("\"paused\":true,\"pending\":1");
    control("POST", "replication/resume?from=us-east-1&to=eu-west-1");
    clock.advance(Duration.ofSeconds(5));
    assertThat(get(west, "d")).isNotNull();
  }

  @Test
  void theControlApiCutsOffAndReconnectsARegionAndFlushAppliesWhatWaits() throws Exception {
    addReplicas("eu-west-1");
    assertThat(control("POST", "replication/partition?region=eu-west-1"))
        .isEqualTo("{\"region\":\"eu-west-1\",\"partitioned\":true}");
    east.putItem(r -> r.tableName("orders").item(item("pk", "e")));
    west.putItem(r -> r.tableName("orders").item(item("pk", "w")));
    clock.advance(Duration.ofSeconds(10));
    assertThat(get(west, "e")).isNull();
    assertThat(get(east, "w")).isNull();
    assertThat(control("POST", "replication/heal?region=eu-west-1"))
        .isEqualTo("{\"region\":\"eu-west-1\",\"partitioned\":false}");
    clock.advance(Duration.ZERO);
    assertThat(get(west, "e")).isNotNull();
    assertThat(get(east, "w")).isNotNull();

    east.putItem(r -> r.tableName("orders").item(item("pk", "now")));
    dynamo.replication().flush(); // no clock move: applied at once
    assertThat(get(west, "now")).isNotNull();
    assertThat(dynamo.replication().pending()).isZero();
  }

  private String control(String method, String path) throws Exception {
    java.net.HttpURLConnection http =
        (java.net.HttpURLConnection) dynamo.endpoint().resolve("/_dynamodouble/" + path).toURL().openConnection();
    http.setRequestMethod(method);
    assertThat(http.getResponseCode()).isEqualTo(200);
    try (java.io.InputStream body = http.getInputStream()) {
      return new String(body.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    }
  }

  @Test
  void ttlDeletionsReplicate() {
    addReplicas("eu-west-1");
    east.updateTimeToLive(r -> r.tableName("orders").timeToLiveSpecification(t -> t.enabled(true).attributeName("exp")));
    long past = clock.now().getEpochSecond() - 10;
    east.putItem(r -> r.tableName("orders").item(item("pk", "gone", "exp", AttributeValue.fromN(Long.toString(past)))));
    clock.advance(Duration.ofSeconds(1));
    assertThat(get(west, "gone")).isNotNull();
    dynamo.deleteExpiredItems();
    assertThat(get(east, "gone")).isNull();
    clock.advance(Duration.ofSeconds(1));
    assertThat(get(west, "gone")).isNull();
  }
}
