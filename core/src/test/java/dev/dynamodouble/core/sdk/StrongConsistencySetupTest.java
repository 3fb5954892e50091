package dev.dynamodouble.core.sdk;

import static dev.dynamodouble.core.sdk.SdkTestSupport.assertValidation;
import static dev.dynamodouble.core.sdk.SdkTestSupport.item;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dev.dynamodouble.core.time.ManualClock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.assertj.core.api.ThrowableAssert;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.GlobalTableWitnessDescription;
import software.amazon.awssdk.services.dynamodb.model.GlobalTableWitnessGroupUpdate;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ReplicaDescription;
import software.amazon.awssdk.services.dynamodb.model.ReplicaStatus;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;
import software.amazon.awssdk.services.dynamodb.model.UpdateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.WitnessStatus;

/**
 * Making and dissolving an MRSC global table through UpdateTable, with DynamoDB's preconditions
 * and messages; a refused request creates nothing.
 */
class StrongConsistencySetupTest {
  private static final String STRONG = "with MultiRegionConsistency set to STRONG";
  private ThreeRegions regions;
  private ManualClock clock;
  private DynamoDbClient east;
  private DynamoDbClient ohio;
  private DynamoDbClient oregon;

  @BeforeEach
  void start() {
    regions = new ThreeRegions(Duration.ofSeconds(10));
    clock = regions.clock;
    east = regions.east;
    ohio = regions.ohio;
    oregon = regions.oregon;
  }

  @AfterEach
  void stop() {
    regions.close();
  }

  private static UpdateTableRequest.Builder strong(String replica, String witness) {
    UpdateTableRequest.Builder request = UpdateTableRequest.builder().tableName("orders").multiRegionConsistency("STRONG")
        .replicaUpdates(u -> u.create(c -> c.regionName(replica)));
    return witness == null ? request : request.globalTableWitnessUpdates(w -> w.create(c -> c.regionName(witness)));
  }

  private void assertRefused(ThrowableAssert.ThrowingCallable call, String message) {
    assertValidation(call, message);
    assertThat(ohio.listTables().tableNames()).isEmpty();
    assertThat(east.describeTable(r -> r.tableName("orders")).table().hasReplicas()).isFalse();
  }

  @Test
  void aReplicaAndAWitnessAreCreatedAndDescribed() {
    TableDescription updated = east.updateTable(strong("us-east-2", "us-west-2").build()).tableDescription();
    assertThat(updated.tableStatus()).isEqualTo(TableStatus.UPDATING);
    assertThat(updated.multiRegionConsistencyAsString()).isEqualTo("STRONG");
    assertThat(updated.globalTableWitnesses()).extracting(GlobalTableWitnessDescription::regionName,
        GlobalTableWitnessDescription::witnessStatus).containsExactly(tuple("us-west-2", WitnessStatus.CREATING));
    clock.advance(Duration.ofSeconds(10));
    for (DynamoDbClient client : List.of(east, ohio)) {
      TableDescription table = client.describeTable(r -> r.tableName("orders")).table();
      assertThat(table.tableStatus()).isEqualTo(TableStatus.ACTIVE);
      assertThat(table.multiRegionConsistencyAsString()).isEqualTo("STRONG");
      assertThat(table.replicas()).extracting(ReplicaDescription::replicaStatus).containsExactly(ReplicaStatus.ACTIVE);
      assertThat(table.globalTableWitnesses()).extracting(GlobalTableWitnessDescription::witnessStatus)
          .containsExactly(WitnessStatus.ACTIVE);
    }
    assertThat(oregon.listTables().tableNames()).as("a witness is not a table").isEmpty();
  }

  @Test
  void theRequestShapeRules() {
    assertRefused(() -> east.updateTable(r -> r.tableName("orders").multiRegionConsistency("STRONG")),
        "At least one of ProvisionedThroughput, BillingMode, UpdateStreamEnabled, GlobalSecondaryIndexUpdates, "
            + "SSESpecification, ReplicaUpdates, MultiAccountReplicaReady, ReplicaTransitRoleArn, "
            + "DeletionProtectionEnabled, OnDemandThroughput, WarmThroughput or TableClass is required");
    assertRefused(() -> east.updateTable(strong("us-east-2", null).build()),
        "Unsupported replica count for global tables " + STRONG + ".");
    assertRefused(() -> east.updateTable(strong("us-east-2", "us-west-2").multiRegionConsistency((String) null)
        .build()), "MultiRegionConsistency must be set as STRONG when GlobalTableWitnessUpdates parameter is present.");
    assertRefused(() -> east.updateTable(strong("us-east-2", "us-west-2").multiRegionConsistency("EVENTUAL")
        .build()), "MultiRegionConsistency must be set as STRONG when GlobalTableWitnessUpdates parameter is present.");
    assertRefused(() -> east.updateTable(strong("us-east-2", "us-east-2").build()),
        "Cannot target multiple regions with the same action");
    assertRefused(() -> east.updateTable(strong("us-east-2", "us-east-1").build()),
        "Cannot add a witness in the same region as an existing replica when creating a global table " + STRONG + ".");
    assertRefused(() -> east.updateTable(strong("us-west-1", "us-east-2").build()),
        "Unsupported Region(s) specified for global tables " + STRONG + ": [us-west-1].");
    assertRefused(() -> east.updateTable(strong("eu-west-1", "ap-northeast-1").build()),
        "One or more parameter values were invalid: The regions of a global table " + STRONG + " must all be in one "
            + "region set (US: us-east-1, us-east-2, us-west-2; EU: eu-west-1, eu-west-2, eu-west-3, eu-central-1; "
            + "AP: ap-northeast-1, ap-northeast-2, ap-northeast-3): [us-east-1, eu-west-1, ap-northeast-1].");
    assertRefused(() -> east.updateTable(strong("us-east-2", "us-west-2").deletionProtectionEnabled(true).build()),
        "One or more parameter values were invalid: Requests that modify replicas or witnesses must not also modify "
            + "other fields");
    assertRefused(() -> east.updateTable(strong("us-east-2", null).globalTableWitnessUpdates(
        GlobalTableWitnessGroupUpdate.builder().create(c -> c.regionName("us-west-2")).build(),
        GlobalTableWitnessGroupUpdate.builder().create(c -> c.regionName("eu-west-1")).build()).build()),
        "1 validation error detected: Value '[GlobalTableWitnessGroupUpdate(Create=CreateGlobalTableWitnessGroupMember"
            + "Action(RegionName=us-west-2)), GlobalTableWitnessGroupUpdate(Create=CreateGlobalTableWitnessGroupMember"
            + "Action(RegionName=eu-west-1))]' at 'globalTableWitnessUpdates' failed to satisfy constraint: Member must "
            + "have length less than or equal to 1");
    assertRefused(() -> east.updateTable(r -> r.tableName("orders").multiRegionConsistency("STRONG")
        .replicaUpdates(u -> u.create(c -> c.regionName("us-east-2")), u -> u.delete(d -> d.regionName("us-west-2")))),
        "Only Replica Create actions are supported when MultiRegionConsistency parameter is provided.");
  }

  @Test
  void theTableMustBeEmptyWithoutTimeToLiveOrLocalIndexes() {
    east.putItem(r -> r.tableName("orders").item(item("pk", "a")));
    assertRefused(() -> east.updateTable(strong("us-east-2", "us-west-2").build()),
        "One or more parameter values were invalid: The table must be empty to create a global table " + STRONG);
    east.deleteItem(r -> r.tableName("orders").key(item("pk", "a")));
    east.updateTimeToLive(r -> r.tableName("orders").timeToLiveSpecification(t -> t.enabled(true).attributeName("exp")));
    assertRefused(() -> east.updateTable(strong("us-east-2", "us-west-2").build()),
        "One or more parameter values were invalid: Time to Live is not supported for global tables " + STRONG);

    east.createTable(r -> r.tableName("indexed").billingMode("PAY_PER_REQUEST")
        .keySchema(SdkTestSupport.hash("pk"), SdkTestSupport.range("sk"))
        .attributeDefinitions(SdkTestSupport.attr("pk", ScalarAttributeType.S),
            SdkTestSupport.attr("sk", ScalarAttributeType.S), SdkTestSupport.attr("at", ScalarAttributeType.S))
        .localSecondaryIndexes(i -> i.indexName("byAt").keySchema(SdkTestSupport.hash("pk"), SdkTestSupport.range("at"))
            .projection(Projection.builder().projectionType(ProjectionType.KEYS_ONLY).build())));
    clock.advance(Duration.ofSeconds(10));
    assertValidation(() -> east.updateTable(strong("us-east-2", "us-west-2").tableName("indexed").build()),
        "One or more parameter values were invalid: Local secondary indexes are not supported for global tables "
            + STRONG);
  }

  @Test
  void anEventualGlobalTableCannotBecomeStrong() {
    east.updateTable(r -> r.tableName("orders").replicaUpdates(u -> u.create(c -> c.regionName("us-east-2"))));
    clock.advance(Duration.ofSeconds(10));
    assertThat(east.describeTable(r -> r.tableName("orders")).table().multiRegionConsistency())
        .as("EVENTUAL is not echoed").isNull();
    assertValidation(() -> east.updateTable(r -> r.tableName("orders").multiRegionConsistency("STRONG")
        .replicaUpdates(u -> u.create(c -> c.regionName("us-west-2")), u -> u.create(c -> c.regionName("eu-west-1")))),
        "MultiRegionConsistency parameter is unsupported on existing global table");
    assertThat(oregon.listTables().tableNames()).isEmpty();
  }

  @Test
  void anMrscTableIsFrozenUntilDissolvedAsAWhole() {
    east.updateTable(strong("us-east-2", "us-west-2").build());
    clock.advance(Duration.ofSeconds(10));
    assertValidation(() -> east.updateTable(r -> r.tableName("orders")
        .replicaUpdates(u -> u.create(c -> c.regionName("eu-west-1")))),
        "Cannot add replicas to a global table with strong MultiRegionConsistency");
    assertValidation(() -> east.updateTable(r -> r.tableName("orders").multiRegionConsistency("EVENTUAL")
        .replicaUpdates(u -> u.create(c -> c.regionName("eu-west-1")))),
        "MultiRegionConsistency parameter is unsupported on existing global table");
    assertValidation(() -> ohio.updateTable(r -> r.tableName("orders")
        .replicaUpdates(u -> u.delete(c -> c.regionName("us-east-1")))),
        "Update table delete operation does not include all witnesses.");
    assertValidation(() -> east.updateTable(r -> r.tableName("orders")
        .replicaUpdates(u -> u.delete(c -> c.regionName("us-east-2")))
        .globalTableWitnessUpdates(w -> w.delete(d -> d.regionName("eu-west-1")))),
        "Update global table operation failed because one or more witnesses were not part of the global table. "
            + "Please retry the request without these witnesses: [eu-west-1].");
    for (DynamoDbClient client : List.of(east, ohio)) {
      assertValidation(() -> client.deleteTable(r -> r.tableName("orders")),
          "Deletion of only one table replica is not supported for global tables " + STRONG + ".");
    }

    TableDescription dissolving = east.updateTable(r -> r.tableName("orders")
        .replicaUpdates(u -> u.delete(c -> c.regionName("us-east-2")))
        .globalTableWitnessUpdates(w -> w.delete(d -> d.regionName("us-west-2")))).tableDescription();
    assertThat(dissolving.globalTableWitnesses()).extracting(GlobalTableWitnessDescription::witnessStatus)
        .containsExactly(WitnessStatus.DELETING);
    clock.advance(Duration.ofSeconds(10));
    TableDescription plain = east.describeTable(r -> r.tableName("orders")).table();
    assertThat(plain.multiRegionConsistency()).isNull();
    assertThat(plain.hasGlobalTableWitnesses()).isFalse();
    assertThat(plain.hasReplicas()).isFalse();
    assertThat(ohio.listTables().tableNames()).isEmpty();
    east.deleteTable(r -> r.tableName("orders")); // a plain table again
  }

  @Test
  void threeReplicasAreDissolvedByDeletingBothOthers() {
    east.updateTable(r -> r.tableName("orders").multiRegionConsistency("STRONG")
        .replicaUpdates(u -> u.create(c -> c.regionName("us-east-2")), u -> u.create(c -> c.regionName("us-west-2"))));
    clock.advance(Duration.ofSeconds(10));
    assertValidation(() -> east.updateTable(r -> r.tableName("orders")
        .replicaUpdates(u -> u.delete(c -> c.regionName("us-east-2")))),
        "Deletion of only one table replica is not supported for global tables " + STRONG + ".");
    east.updateTable(r -> r.tableName("orders")
        .replicaUpdates(u -> u.delete(c -> c.regionName("us-east-2")), u -> u.delete(c -> c.regionName("us-west-2"))));
    clock.advance(Duration.ofSeconds(10));
    assertThat(east.describeTable(r -> r.tableName("orders")).table().multiRegionConsistency()).isNull();
    assertThat(ohio.listTables().tableNames()).isEmpty();
    assertThat(oregon.listTables().tableNames()).isEmpty();

    // A dissolved MRSC table may become an ordinary (EVENTUAL) global table.
    east.updateTable(r -> r.tableName("orders").replicaUpdates(u -> u.create(c -> c.regionName("us-east-2"))));
    clock.advance(Duration.ofSeconds(10));
    east.putItem(r -> r.tableName("orders").item(item("pk", "later")));
    assertThat(ohio.getItem(r -> r.tableName("orders").key(item("pk", "later"))).item()).isEmpty();
    clock.advance(Duration.ofSeconds(1));
    assertThat(ohio.getItem(r -> r.tableName("orders").key(item("pk", "later"))).item()).isNotEmpty();
  }
}
