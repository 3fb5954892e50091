package dev.dynamodouble.core.sdk;

import static dev.dynamodouble.core.sdk.SdkTestSupport.assertNotFound;
import static dev.dynamodouble.core.sdk.SdkTestSupport.assertValidation;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dynamodouble.core.DynamoDouble;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AutoScalingSettingsUpdate;
import software.amazon.awssdk.services.dynamodb.model.ReplicaAutoScalingDescription;
import software.amazon.awssdk.services.dynamodb.model.TableAutoScalingDescription;

/** Describe/UpdateTableReplicaAutoScaling through the AWS SDK: settings accepted and described. */
class ReplicaAutoScalingTest {
  static DynamoDouble dynamo;
  static DynamoDbClient client;

  @BeforeAll
  static void start() {
    dynamo = DynamoDouble.builder().start();
    client = SdkTestSupport.client(dynamo);
    SdkTestSupport.createTable(client, "scaled", "pk", null);
  }

  @AfterAll
  static void stop() {
    client.close();
    dynamo.close();
  }

  static AutoScalingSettingsUpdate settings(long min, long max, double target) {
    return AutoScalingSettingsUpdate.builder().minimumUnits(min).maximumUnits(max)
        .scalingPolicyUpdate(p -> p.policyName("p1").targetTrackingScalingPolicyConfiguration(t -> t.targetValue(target)))
        .build();
  }

  @Test
  void settingsAreRecordedAndDescribed() {
    TableAutoScalingDescription before = client.describeTableReplicaAutoScaling(r -> r.tableName("scaled"))
        .tableAutoScalingDescription();
    assertThat(before.replicas()).hasSize(1);
    assertThat(before.replicas().get(0).replicaProvisionedWriteCapacityAutoScalingSettings()).isNull();

    client.updateTableReplicaAutoScaling(r -> r.tableName("scaled")
        .provisionedWriteCapacityAutoScalingUpdate(settings(5, 50, 70))
        .replicaUpdates(u -> u.regionName("us-east-1")
            .replicaProvisionedReadCapacityAutoScalingUpdate(settings(1, 10, 60))));
    ReplicaAutoScalingDescription replica = client.describeTableReplicaAutoScaling(r -> r.tableName("scaled"))
        .tableAutoScalingDescription().replicas().get(0);
    assertThat(replica.regionName()).isEqualTo("us-east-1");
    assertThat(replica.replicaProvisionedWriteCapacityAutoScalingSettings().maximumUnits()).isEqualTo(50L);
    assertThat(replica.replicaProvisionedWriteCapacityAutoScalingSettings().scalingPolicies().get(0)
        .targetTrackingScalingPolicyConfiguration().targetValue()).isEqualTo(70.0);
    assertThat(replica.replicaProvisionedReadCapacityAutoScalingSettings().minimumUnits()).isEqualTo(1L);
  }

  @Test
  void aGlobalTableDescribesAndTakesSettingsForEveryReplica() {
    SdkTestSupport.createTable(client, "global", "pk", null);
    client.updateTable(r -> r.tableName("global").streamSpecification(s -> s.streamEnabled(true)
        .streamViewType("NEW_AND_OLD_IMAGES")));
    client.updateTable(r -> r.tableName("global").replicaUpdates(u -> u.create(c -> c.regionName("eu-west-1"))));
    dynamo.replication().flush();

    client.updateTableReplicaAutoScaling(r -> r.tableName("global")
        .replicaUpdates(u -> u.regionName("eu-west-1")
            .replicaProvisionedReadCapacityAutoScalingUpdate(settings(2, 20, 50))));
    try (DynamoDbClient west = SdkTestSupport.client(dynamo, "eu-west-1")) {
      // Asked in either region, the description lists both replicas with the same settings.
      for (DynamoDbClient asked : java.util.List.of(client, west)) {
        TableAutoScalingDescription description = asked.describeTableReplicaAutoScaling(r -> r.tableName("global"))
            .tableAutoScalingDescription();
        assertThat(description.replicas()).extracting(ReplicaAutoScalingDescription::regionName)
            .containsExactly("eu-west-1", "us-east-1");
        assertThat(description.replicas().get(0).replicaProvisionedReadCapacityAutoScalingSettings().maximumUnits())
            .isEqualTo(20L);
        assertThat(description.replicas().get(1).replicaProvisionedReadCapacityAutoScalingSettings()).isNull();
      }
    }
    assertValidation(() -> client.updateTableReplicaAutoScaling(r -> r.tableName("global")
        .replicaUpdates(u -> u.regionName("ap-south-1")
            .replicaProvisionedReadCapacityAutoScalingUpdate(settings(2, 20, 50)))),
        "Table global has no replica in region ap-south-1");
  }

  @Test
  void badUpdatesAreRefused() {
    assertValidation(() -> client.updateTableReplicaAutoScaling(r -> r.tableName("scaled")
            .provisionedWriteCapacityAutoScalingUpdate(settings(9, 3, 70))),
        "MinimumUnits (9) must not exceed MaximumUnits (3)");
    assertNotFound(() -> client.describeTableReplicaAutoScaling(r -> r.tableName("nope")),
        "Requested resource not found: Table: nope not found");
  }
}
