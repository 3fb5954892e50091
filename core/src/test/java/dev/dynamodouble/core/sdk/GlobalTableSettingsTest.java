package dev.dynamodouble.core.sdk;

import static dev.dynamodouble.core.sdk.SdkTestSupport.assertError;
import static dev.dynamodouble.core.sdk.SdkTestSupport.attr;
import static dev.dynamodouble.core.sdk.SdkTestSupport.hash;
import static dev.dynamodouble.core.sdk.SdkTestSupport.item;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dynamodouble.core.DynamoDouble;
import dev.dynamodouble.core.time.ManualClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/** What a global table keeps alike across its replicas (and what it does not), through the SDK. */
class GlobalTableSettingsTest {
  private final TwoRegions regions = new TwoRegions();
  private final ManualClock clock = regions.clock;
  private final DynamoDouble dynamo = regions.dynamo;
  private final DynamoDbClient east = regions.east;
  private final DynamoDbClient west = regions.west;

  @AfterEach
  void stop() {
    regions.close();
  }

  private void createProvisioned() {
    east.createTable(r -> r.tableName("orders").keySchema(hash("pk"))
        .attributeDefinitions(attr("pk", ScalarAttributeType.S)).billingMode(BillingMode.PROVISIONED)
        .provisionedThroughput(p -> p.readCapacityUnits(5L).writeCapacityUnits(5L)));
    clock.advance(Duration.ZERO);
  }

  private void createOnDemand() {
    SdkTestSupport.createTable(east, "orders", "pk", null);
    clock.advance(Duration.ZERO);
  }

  private void addReplica() {
    east.updateTable(r -> r.tableName("orders").replicaUpdates(u -> u.create(c -> c.regionName("eu-west-1"))));
    clock.advance(Duration.ZERO);
  }

  private TableDescription westTable() {
    return west.describeTable(r -> r.tableName("orders")).table();
  }

  @Test
  void aReplicatedRecordKeepsTheSourceCommitTime() {
    createOnDemand();
    addReplica();
    dynamo.replication().lag("us-east-1", "eu-west-1", Duration.ofSeconds(30));
    Instant written = clock.now();
    east.putItem(r -> r.tableName("orders").item(item("pk", "a")));
    clock.advance(Duration.ofSeconds(30));
    try (DynamoDbStreamsClient streams = SdkTestSupport.streamsClient(dynamo, "eu-west-1")) {
      String arn = westTable().latestStreamArn();
      String shard = streams.describeStream(r -> r.streamArn(arn)).streamDescription().shards().get(0).shardId();
      String iterator = streams.getShardIterator(r -> r.streamArn(arn).shardId(shard)
          .shardIteratorType("TRIM_HORIZON")).shardIterator();
      Record record = streams.getRecords(r -> r.shardIterator(iterator)).records().get(0);
      assertThat(record.dynamodb().approximateCreationDateTime()).isEqualTo(written);
    }
  }

  @Test
  void timeToLiveIsSynchronizedBothWaysAndGivenToNewReplicas() {
    createOnDemand();
    east.updateTimeToLive(r -> r.tableName("orders").timeToLiveSpecification(t -> t.enabled(true).attributeName("exp")));
    addReplica(); // created after TTL was enabled: gets it too
    clock.advance(Duration.ZERO);
    assertThat(west.describeTimeToLive(r -> r.tableName("orders")).timeToLiveDescription().timeToLiveStatus())
        .isEqualTo(TimeToLiveStatus.ENABLED);

    clock.advance(Duration.ofHours(2)); // past the cooldown
    west.updateTimeToLive(r -> r.tableName("orders").timeToLiveSpecification(t -> t.enabled(false).attributeName("exp")));
    clock.advance(Duration.ofMillis(999)); // a setting reaches the other replicas after the replication lag
    assertThat(east.describeTimeToLive(r -> r.tableName("orders")).timeToLiveDescription().timeToLiveStatus())
        .isEqualTo(TimeToLiveStatus.ENABLED);
    clock.advance(Duration.ofMillis(1));
    assertThat(east.describeTimeToLive(r -> r.tableName("orders")).timeToLiveDescription().timeToLiveStatus())
        .isEqualTo(TimeToLiveStatus.DISABLED);
  }

  @Test
  void writeCapacityIsSynchronizedAndAReadOverrideKept() {
    createProvisioned();
    east.updateTable(r -> r.tableName("orders").replicaUpdates(u -> u.create(c -> c.regionName("eu-west-1")
        .provisionedThroughputOverride(p -> p.readCapacityUnits(20L)))));
    clock.advance(Duration.ZERO);
    assertThat(westTable().provisionedThroughput().readCapacityUnits()).isEqualTo(20L);
    assertThat(westTable().provisionedThroughput().writeCapacityUnits()).isEqualTo(5L);

    dynamo.replication().lag("us-east-1", "eu-west-1", Duration.ofSeconds(3));
    east.updateTable(r -> r.tableName("orders").provisionedThroughput(p -> p.readCapacityUnits(7L)
        .writeCapacityUnits(9L)));
    clock.advance(Duration.ZERO);
    assertThat(east.describeTable(r -> r.tableName("orders")).table().tableStatus()).isEqualTo(TableStatus.ACTIVE);
    assertThat(westTable().tableStatus()).isEqualTo(TableStatus.UPDATING); // until the setting has arrived
    assertThat(westTable().provisionedThroughput().writeCapacityUnits()).isEqualTo(5L);
    clock.advance(Duration.ofSeconds(3));
    TableDescription replica = westTable();
    assertThat(replica.tableStatus()).isEqualTo(TableStatus.ACTIVE);
    assertThat(replica.provisionedThroughput().writeCapacityUnits()).isEqualTo(9L);
    assertThat(replica.provisionedThroughput().readCapacityUnits()).isEqualTo(20L);
  }

  @Test
  void theBillingModeIsSynchronized() {
    createProvisioned();
    addReplica();
    east.updateTable(r -> r.tableName("orders").billingMode(BillingMode.PAY_PER_REQUEST));
    clock.advance(Duration.ofSeconds(1));
    assertThat(westTable().billingModeSummary().billingMode()).isEqualTo(BillingMode.PAY_PER_REQUEST);
    east.updateTable(r -> r.tableName("orders").onDemandThroughput(o -> o.maxWriteRequestUnits(100L)));
    clock.advance(Duration.ofSeconds(1));
    assertThat(westTable().onDemandThroughput().maxWriteRequestUnits()).isEqualTo(100L);
  }

  @Test
  void globalSecondaryIndexesAreSynchronized() {
    createOnDemand();
    addReplica();
    east.putItem(r -> r.tableName("orders").item(item("pk", "o1", "customer", "c1")));
    clock.advance(Duration.ofSeconds(1));
    east.updateTable(r -> r.tableName("orders").attributeDefinitions(attr("customer", ScalarAttributeType.S))
        .globalSecondaryIndexUpdates(u -> u.create(c -> c.indexName("byCustomer").keySchema(hash("customer"))
            .projection(p -> p.projectionType(ProjectionType.ALL)))));
    clock.advance(Duration.ofSeconds(1));
    assertThat(westTable().globalSecondaryIndexes()).extracting(i -> i.indexName()).containsExactly("byCustomer");
    assertThat(west.query(r -> r.tableName("orders").indexName("byCustomer").keyConditionExpression("customer = :c")
        .expressionAttributeValues(java.util.Map.of(":c", AttributeValue.fromS("c1")))).count()).isEqualTo(1);
  }

  @Test
  void tagsAndDeletionProtectionStayPerReplica() {
    createOnDemand();
    addReplica();
    String eastArn = east.describeTable(r -> r.tableName("orders")).table().tableArn();
    east.tagResource(r -> r.resourceArn(eastArn).tags(t -> t.key("team").value("orders")));
    east.updateTable(r -> r.tableName("orders").deletionProtectionEnabled(true));
    assertThat(west.listTagsOfResource(r -> r.resourceArn(westTable().tableArn())).tags()).isEmpty();
    assertThat(westTable().deletionProtectionEnabled()).isFalse();
  }

  @Test
  void throughputOverridesMustFitTheBillingMode() {
    createOnDemand();
    assertError(() -> east.updateTable(r -> r.tableName("orders").replicaUpdates(u -> u.create(c -> c
        .regionName("eu-west-1").provisionedThroughputOverride(p -> p.readCapacityUnits(5L))))),
        "ValidationException", "One or more parameter values were invalid: ProvisionedThroughputOverride "
            + "cannot be specified when BillingMode is PAY_PER_REQUEST");
    assertThat(west.listTables().tableNames()).isEmpty();
  }

  @Test
  void onDemandOverridesNeedAnOnDemandTable() {
    createProvisioned();
    assertError(() -> east.updateTable(r -> r.tableName("orders").replicaUpdates(u -> u.create(c -> c
        .regionName("eu-west-1").onDemandThroughputOverride(o -> o.maxReadRequestUnits(5L))))),
        "ValidationException", "One or more parameter values were invalid: OnDemandThroughputOverride "
            + "cannot be specified when BillingMode is PROVISIONED");
  }
}
