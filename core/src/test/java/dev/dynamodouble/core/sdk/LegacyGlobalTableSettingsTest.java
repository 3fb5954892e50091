package dev.dynamodouble.core.sdk;

import static dev.dynamodouble.core.sdk.SdkTestSupport.assertError;
import static dev.dynamodouble.core.sdk.SdkTestSupport.assertValidation;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ReplicaSettingsDescription;
import software.amazon.awssdk.services.dynamodb.model.ReplicaStatus;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.model.TableClass;

/** DescribeGlobalTableSettings and UpdateGlobalTableSettings (version 2017.11.29) through the SDK. */
class LegacyGlobalTableSettingsTest {
  private TwoRegions regions;

  @BeforeEach
  void start() {
    regions = new TwoRegions();
    for (DynamoDbClient client : new DynamoDbClient[] {regions.east, regions.west}) {
      client.createTable(r -> r.tableName("music").billingMode(BillingMode.PROVISIONED)
          .provisionedThroughput(t -> t.readCapacityUnits(5L).writeCapacityUnits(5L))
          .keySchema(SdkTestSupport.hash("pk")).attributeDefinitions(SdkTestSupport.attr("pk", ScalarAttributeType.S),
              SdkTestSupport.attr("g", ScalarAttributeType.S))
          .globalSecondaryIndexes(g -> g.indexName("byG").keySchema(SdkTestSupport.hash("g"))
              .projection(Projection.builder().projectionType(ProjectionType.ALL).build())
              .provisionedThroughput(t -> t.readCapacityUnits(5L).writeCapacityUnits(5L)))
          .streamSpecification(s -> s.streamEnabled(true).streamViewType(StreamViewType.NEW_AND_OLD_IMAGES)));
    }
    regions.clock.advance(Duration.ZERO);
    regions.east.createGlobalTable(r -> r.globalTableName("music")
        .replicationGroup(g -> g.regionName("us-east-1"), g -> g.regionName("eu-west-1")));
    regions.clock.advance(Duration.ZERO);
  }

  @AfterEach
  void stop() {
    regions.close();
  }

  private List<ReplicaSettingsDescription> settings() {
    return regions.west.describeGlobalTableSettings(r -> r.globalTableName("music")).replicaSettings();
  }

  @Test
  void writeCapacityReachesEveryReplicaAndReadCapacityItsOwn() {
    assertThat(settings()).extracting(ReplicaSettingsDescription::regionName, ReplicaSettingsDescription::replicaStatus,
            ReplicaSettingsDescription::replicaProvisionedWriteCapacityUnits)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("eu-west-1", ReplicaStatus.ACTIVE, 5L),
            org.assertj.core.groups.Tuple.tuple("us-east-1", ReplicaStatus.ACTIVE, 5L));
    List<ReplicaSettingsDescription> answered = regions.east.updateGlobalTableSettings(r -> r.globalTableName("music")
        .globalTableProvisionedWriteCapacityUnits(20L)
        .globalTableProvisionedWriteCapacityAutoScalingSettingsUpdate(a -> a.minimumUnits(10L).maximumUnits(100L))
        .globalTableGlobalSecondaryIndexSettingsUpdate(g -> g.indexName("byG").provisionedWriteCapacityUnits(8L))
        .replicaSettingsUpdate(u -> u.regionName("eu-west-1").replicaProvisionedReadCapacityUnits(7L)
            .replicaTableClass(TableClass.STANDARD_INFREQUENT_ACCESS)
            .replicaGlobalSecondaryIndexSettingsUpdate(g -> g.indexName("byG").provisionedReadCapacityUnits(3L))))
        .replicaSettings();
    assertThat(answered).extracting(ReplicaSettingsDescription::replicaStatus)
        .containsOnly(ReplicaStatus.UPDATING);
    regions.clock.advance(Duration.ZERO);

    List<ReplicaSettingsDescription> after = settings();
    ReplicaSettingsDescription west = after.get(0);
    ReplicaSettingsDescription east = after.get(1);
    assertThat(west.replicaProvisionedWriteCapacityUnits()).isEqualTo(20L);
    assertThat(east.replicaProvisionedWriteCapacityUnits()).isEqualTo(20L);
    assertThat(west.replicaProvisionedReadCapacityUnits()).isEqualTo(7L);
    assertThat(east.replicaProvisionedReadCapacityUnits()).isEqualTo(5L);
    assertThat(east.replicaProvisionedWriteCapacityAutoScalingSettings().maximumUnits()).isEqualTo(100L);
    assertThat(west.replicaProvisionedWriteCapacityAutoScalingSettings().minimumUnits()).isEqualTo(10L);
    assertThat(west.replicaTableClassSummary().tableClass()).isEqualTo(TableClass.STANDARD_INFREQUENT_ACCESS);
    assertThat(west.replicaGlobalSecondaryIndexSettings().get(0).provisionedReadCapacityUnits()).isEqualTo(3L);
    assertThat(west.replicaGlobalSecondaryIndexSettings().get(0).provisionedWriteCapacityUnits()).isEqualTo(8L);
    assertThat(east.replicaGlobalSecondaryIndexSettings().get(0).provisionedWriteCapacityUnits()).isEqualTo(8L);
    assertThat(regions.west.describeTable(r -> r.tableName("music")).table().provisionedThroughput()
        .writeCapacityUnits()).isEqualTo(20L);
  }

  @Test
  void theBillingModeSwitchesEveryReplica() {
    regions.east.updateGlobalTableSettings(r -> r.globalTableName("music")
        .globalTableBillingMode(BillingMode.PAY_PER_REQUEST));
    regions.clock.advance(Duration.ZERO);
    assertThat(settings()).extracting(s -> s.replicaBillingModeSummary().billingMode())
        .containsOnly(BillingMode.PAY_PER_REQUEST);
    assertValidation(() -> regions.east.updateGlobalTableSettings(r -> r.globalTableName("music")
        .globalTableProvisionedWriteCapacityUnits(3L)), "One or more parameter values were invalid: Provisioned "
        + "capacity units cannot be specified when the billing mode is PAY_PER_REQUEST");
  }

  @Test
  void unknownReplicasIndexesAndTablesAreRefusedWithNothingChanged() {
    assertError(() -> regions.east.updateGlobalTableSettings(r -> r.globalTableName("music")
            .globalTableProvisionedWriteCapacityUnits(9L)
            .replicaSettingsUpdate(u -> u.regionName("sa-east-1").replicaProvisionedReadCapacityUnits(2L))),
        "ReplicaNotFoundException", "Replica not found: Replica in region: 'sa-east-1' is not part of global table: "
            + "'music'.");
    assertError(() -> regions.east.updateGlobalTableSettings(r -> r.globalTableName("music")
            .globalTableProvisionedWriteCapacityUnits(9L)
            .globalTableGlobalSecondaryIndexSettingsUpdate(g -> g.indexName("nope").provisionedWriteCapacityUnits(2L))),
        "IndexNotFoundException", "Index not found: Index: 'nope' does not exist in table: 'music' in region: "
            + "'eu-west-1'.");
    assertError(() -> regions.east.updateGlobalTableSettings(r -> r.globalTableName("other")
        .globalTableProvisionedWriteCapacityUnits(9L)), "GlobalTableNotFoundException",
        "Global table with name: 'other' does not exist.");
    assertThat(settings()).extracting(ReplicaSettingsDescription::replicaStatus, 
            ReplicaSettingsDescription::replicaProvisionedWriteCapacityUnits)
        .containsOnly(org.assertj.core.groups.Tuple.tuple(ReplicaStatus.ACTIVE, 5L));
  }

  @Test
  void aLegacyGlobalTableSynchronizesNoSettingByItself() {
    regions.east.updateTable(r -> r.tableName("music").provisionedThroughput(t -> t.readCapacityUnits(5L)
        .writeCapacityUnits(50L)));
    regions.east.updateTimeToLive(r -> r.tableName("music").timeToLiveSpecification(t -> t.enabled(true)
        .attributeName("exp")));
    regions.clock.advance(Duration.ZERO);
    assertThat(regions.west.describeTable(r -> r.tableName("music")).table().provisionedThroughput()
        .writeCapacityUnits()).isEqualTo(5L);
    assertThat(regions.west.describeTimeToLive(r -> r.tableName("music")).timeToLiveDescription()
        .timeToLiveStatusAsString()).isEqualTo("DISABLED");
  }
}
