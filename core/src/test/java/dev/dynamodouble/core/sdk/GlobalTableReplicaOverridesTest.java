package dev.dynamodouble.core.sdk;

import static dev.dynamodouble.core.sdk.SdkTestSupport.attr;
import static dev.dynamodouble.core.sdk.SdkTestSupport.hash;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynamodouble.core.DynamoDouble;
import dev.dynamodouble.core.time.ManualClock;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.ContributorInsightsAction;
import software.amazon.awssdk.services.dynamodb.model.ContributorInsightsStatus;
import software.amazon.awssdk.services.dynamodb.model.IndexStatus;
import software.amazon.awssdk.services.dynamodb.model.PointInTimeRecoveryStatus;
import software.amazon.awssdk.services.dynamodb.model.PolicyNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ReplicaDescription;
import software.amazon.awssdk.services.dynamodb.model.SSEStatus;
import software.amazon.awssdk.services.dynamodb.model.SSEType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TableClass;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;

/**
 * The README's "Global tables" promises about a replica's own settings, through the SDK: overrides
 * given at Create are reported and the read and table-class ones apply; what stays per replica;
 * what reaches the others at once; and that a paused or cut link holds no setting back.
 */
class GlobalTableReplicaOverridesTest {
  private final TwoRegions regions = new TwoRegions();
  private final ManualClock clock = regions.clock;
  private final DynamoDouble dynamo = regions.dynamo;
  private final DynamoDbClient east = regions.east;
  private final DynamoDbClient west = regions.west;
  private DynamoDbClient tokyo;

  @BeforeEach
  void start() {
    tokyo = SdkTestSupport.client(dynamo, "ap-northeast-1");
  }

  @AfterEach
  void stop() {
    tokyo.close();
    regions.close();
  }

  /** An on-demand table with a global index, in us-east-1. */
  private void createIndexed() {
    east.createTable(r -> r.tableName("orders").keySchema(hash("pk"))
        .attributeDefinitions(attr("pk", ScalarAttributeType.S), attr("customer", ScalarAttributeType.S))
        .billingMode(BillingMode.PAY_PER_REQUEST)
        .globalSecondaryIndexes(g -> g.indexName("byCustomer").keySchema(hash("customer"))
            .projection(p -> p.projectionType(ProjectionType.ALL))));
    clock.advance(Duration.ZERO);
  }

  /** A provisioned table (5 read and 5 write units) in us-east-1 with a replica in eu-west-1. */
  private void createProvisionedWithReplica() {
    east.createTable(r -> r.tableName("orders").keySchema(hash("pk"))
        .attributeDefinitions(attr("pk", ScalarAttributeType.S)).billingMode(BillingMode.PROVISIONED)
        .provisionedThroughput(p -> p.readCapacityUnits(5L).writeCapacityUnits(5L)));
    clock.advance(Duration.ZERO);
    addPlainReplica("eu-west-1");
  }

  private void addPlainReplica(String region) {
    east.updateTable(r -> r.tableName("orders").replicaUpdates(u -> u.create(c -> c.regionName(region))));
    clock.advance(Duration.ZERO);
  }

  private static TableDescription table(DynamoDbClient client) {
    return client.describeTable(r -> r.tableName("orders")).table();
  }

  @Test
  void overridesGivenAtCreateAreReportedAndTheReadAndTableClassOnesApply() {
    createIndexed();
    east.updateTable(r -> r.tableName("orders").replicaUpdates(u -> u.create(c -> c.regionName("eu-west-1")
        .kmsMasterKeyId("alias/orders-eu").onDemandThroughputOverride(o -> o.maxReadRequestUnits(50L))
        .globalSecondaryIndexes(i -> i.indexName("byCustomer").onDemandThroughputOverride(o -> o.maxReadRequestUnits(7L)))
        .tableClassOverride(TableClass.STANDARD_INFREQUENT_ACCESS))));
    clock.advance(Duration.ZERO);

    ReplicaDescription described = table(east).replicas().get(0);
    assertThat(described.kmsMasterKeyId()).isEqualTo("alias/orders-eu");
    assertThat(described.onDemandThroughputOverride().maxReadRequestUnits()).isEqualTo(50L);
    assertThat(described.globalSecondaryIndexes()).singleElement().satisfies(i -> {
      assertThat(i.indexName()).isEqualTo("byCustomer");
      assertThat(i.onDemandThroughputOverride().maxReadRequestUnits()).isEqualTo(7L);
    });
    assertThat(described.replicaTableClassSummary().tableClass()).isEqualTo(TableClass.STANDARD_INFREQUENT_ACCESS);

    TableDescription replica = table(west);
    assertThat(replica.onDemandThroughput().maxReadRequestUnits()).isEqualTo(50L);
    assertThat(replica.tableClassSummary().tableClass()).isEqualTo(TableClass.STANDARD_INFREQUENT_ACCESS);
    // the replica's own key, in its region, as a table created with that SSESpecification describes it
    String account = replica.tableArn().split(":")[4];
    assertThat(replica.sseDescription().status()).isEqualTo(SSEStatus.ENABLED);
    assertThat(replica.sseDescription().sseType()).isEqualTo(SSEType.KMS);
    assertThat(replica.sseDescription().kmsMasterKeyArn())
        .isEqualTo("arn:aws:kms:eu-west-1:" + account + ":alias/orders-eu");
    assertThat(table(east).sseDescription()).as("the source keeps its own encryption").isNull();
  }

  @Test
  void anUpdateOfAReplicasKeyReachesItsSseDescription() {
    createIndexed();
    addPlainReplica("eu-west-1");
    assertThat(table(west).sseDescription()).isNull();
    String key = "arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab";
    east.updateTable(r -> r.tableName("orders").replicaUpdates(u -> u.update(c -> c.regionName("eu-west-1")
        .kmsMasterKeyId(key))));
    clock.advance(Duration.ZERO);
    assertThat(table(east).replicas().get(0).kmsMasterKeyId()).isEqualTo(key);
    assertThat(table(west).sseDescription().kmsMasterKeyArn()).isEqualTo(key);
    assertThat(table(west).sseDescription().status()).isEqualTo(SSEStatus.ENABLED);
  }

  @Test
  void theTableClassAndTheOnDemandMaximumReachTheOtherReplicasAtOnceButNotAnOverride() {
    createIndexed();
    east.updateTable(r -> r.tableName("orders").replicaUpdates(u -> u.create(c -> c.regionName("eu-west-1")
        .tableClassOverride(TableClass.STANDARD))));
    clock.advance(Duration.ZERO);
    addPlainReplica("ap-northeast-1");

    east.updateTable(r -> r.tableName("orders").tableClass(TableClass.STANDARD_INFREQUENT_ACCESS)
        .onDemandThroughput(o -> o.maxWriteRequestUnits(100L)));
    // Before any replication lag has passed:
    TableDescription follower = table(tokyo);
    assertThat(follower.tableStatus()).isEqualTo(TableStatus.UPDATING);
    assertThat(follower.tableClassSummary().tableClass()).isEqualTo(TableClass.STANDARD_INFREQUENT_ACCESS);
    assertThat(follower.onDemandThroughput().maxWriteRequestUnits()).isEqualTo(100L);
    TableDescription overridden = table(west);
    assertThat(overridden.tableClassSummary().tableClass()).isEqualTo(TableClass.STANDARD);
    assertThat(overridden.onDemandThroughput().maxWriteRequestUnits()).isEqualTo(100L);
    clock.advance(Duration.ofSeconds(1));
    assertThat(table(tokyo).tableStatus()).isEqualTo(TableStatus.ACTIVE);
    assertThat(table(west).tableClassSummary().tableClass()).isEqualTo(TableClass.STANDARD);
  }

  @Test
  void anUpdateChangesAReplicasOverrides() {
    createIndexed();
    addPlainReplica("eu-west-1");
    east.updateTable(r -> r.tableName("orders").replicaUpdates(u -> u.update(c -> c.regionName("eu-west-1")
        .onDemandThroughputOverride(o -> o.maxReadRequestUnits(40L)).tableClassOverride(TableClass.STANDARD_INFREQUENT_ACCESS))));
    clock.advance(Duration.ZERO);
    assertThat(table(east).replicas().get(0).onDemandThroughputOverride().maxReadRequestUnits()).isEqualTo(40L);
    TableDescription replica = table(west);
    assertThat(replica.onDemandThroughput().maxReadRequestUnits()).isEqualTo(40L);
    assertThat(replica.tableClassSummary().tableClass()).isEqualTo(TableClass.STANDARD_INFREQUENT_ACCESS);
  }

  @Test
  void anUpdateChangesAProvisionedReplicasReadUnits() {
    createProvisionedWithReplica();
    east.updateTable(r -> r.tableName("orders").replicaUpdates(u -> u.update(c -> c.regionName("eu-west-1")
        .provisionedThroughputOverride(p -> p.readCapacityUnits(20L)))));
    clock.advance(Duration.ZERO);
    assertThat(table(west).provisionedThroughput().readCapacityUnits()).isEqualTo(20L);
    assertThat(table(west).provisionedThroughput().writeCapacityUnits()).isEqualTo(5L);
  }

  @Test
  void aNewIndexIsCreatingInEveryReplicaAtOnce() {
    try (DynamoDouble slow = DynamoDouble.builder().clock(clock).statusDelay(Duration.ofSeconds(30)).start();
         DynamoDbClient virginia = SdkTestSupport.client(slow, "us-east-1");
         DynamoDbClient ireland = SdkTestSupport.client(slow, "eu-west-1")) {
      SdkTestSupport.createTable(virginia, "orders", "pk", null);
      clock.advance(Duration.ofSeconds(30));
      virginia.updateTable(r -> r.tableName("orders").replicaUpdates(u -> u.create(c -> c.regionName("eu-west-1"))));
      clock.advance(Duration.ofSeconds(30));
      virginia.updateTable(r -> r.tableName("orders").attributeDefinitions(attr("day", ScalarAttributeType.S))
          .globalSecondaryIndexUpdates(u -> u.create(c -> c.indexName("byDay").keySchema(hash("day"))
              .projection(p -> p.projectionType(ProjectionType.KEYS_ONLY)))));
      assertThat(table(ireland).globalSecondaryIndexes()).singleElement()
          .satisfies(i -> assertThat(i.indexStatus()).isEqualTo(IndexStatus.CREATING));
      clock.advance(Duration.ofMinutes(2));
      assertThat(table(ireland).globalSecondaryIndexes()).singleElement()
          .satisfies(i -> assertThat(i.indexStatus()).isEqualTo(IndexStatus.ACTIVE));
    }
  }

  @Test
  void pointInTimeRecoveryContributorInsightsAndResourcePoliciesStayPerReplica() {
    createIndexed();
    addPlainReplica("eu-west-1");
    String eastArn = table(east).tableArn();
    east.updateContinuousBackups(r -> r.tableName("orders")
        .pointInTimeRecoverySpecification(p -> p.pointInTimeRecoveryEnabled(true)));
    east.updateContributorInsights(r -> r.tableName("orders").contributorInsightsAction(ContributorInsightsAction.ENABLE));
    east.putResourcePolicy(r -> r.resourceArn(eastArn).policy("""
        {"Version": "2012-10-17", "Statement": [{"Effect": "Allow",
          "Principal": {"AWS": "arn:aws:iam::000000000000:root"}, "Action": "dynamodb:GetItem", "Resource": "%s"}]}"""
        .formatted(eastArn)));
    clock.advance(Duration.ofSeconds(5)); // well past the replication lag

    assertThat(west.describeContinuousBackups(r -> r.tableName("orders")).continuousBackupsDescription()
        .pointInTimeRecoveryDescription().pointInTimeRecoveryStatus()).isEqualTo(PointInTimeRecoveryStatus.DISABLED);
    assertThat(west.describeContributorInsights(r -> r.tableName("orders")).contributorInsightsStatus())
        .isEqualTo(ContributorInsightsStatus.DISABLED);
    String westArn = table(west).tableArn();
    assertThatThrownBy(() -> west.getResourcePolicy(r -> r.resourceArn(westArn)))
        .isInstanceOf(PolicyNotFoundException.class);
  }

  @Test
  void aPausedOrCutLinkHoldsNoSettingBack() {
    createProvisionedWithReplica();
    dynamo.replication().pause("us-east-1", "eu-west-1");
    east.updateTable(r -> r.tableName("orders").provisionedThroughput(p -> p.readCapacityUnits(8L).writeCapacityUnits(8L)));
    clock.advance(Duration.ofSeconds(1));
    assertThat(table(west).provisionedThroughput().writeCapacityUnits()).isEqualTo(8L);

    dynamo.replication().partition("eu-west-1");
    east.updateTimeToLive(r -> r.tableName("orders").timeToLiveSpecification(t -> t.enabled(true).attributeName("exp")));
    clock.advance(Duration.ofSeconds(1));
    assertThat(west.describeTimeToLive(r -> r.tableName("orders")).timeToLiveDescription().timeToLiveStatus())
        .isEqualTo(TimeToLiveStatus.ENABLED);
  }
}
