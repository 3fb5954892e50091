package dev.dynamodouble.core.sdk;

import static dev.dynamodouble.core.sdk.SdkTestSupport.assertNotFound;
import static dev.dynamodouble.core.sdk.SdkTestSupport.assertValidation;
import static dev.dynamodouble.core.sdk.SdkTestSupport.attr;
import static dev.dynamodouble.core.sdk.SdkTestSupport.hash;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynamodouble.core.DynamoDouble;
import dev.dynamodouble.core.time.DynamoClock;
import dev.dynamodouble.core.time.ManualClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughput;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputDescription;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TableClass;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;

/** UpdateTable: billing mode and provisioned throughput, with the default status delay of zero. */
class UpdateTableTest {
  private static final Instant T0 = Instant.parse("2024-05-01T10:00:00Z");
  private ManualClock clock;
  private DynamoDouble dynamo;
  private DynamoDbClient client;

  @BeforeEach
  void start() {
    clock = DynamoClock.manual(T0);
    dynamo = DynamoDouble.builder().clock(clock).start();
    client = SdkTestSupport.client(dynamo);
    client.createTable(r -> r.tableName("provisioned").keySchema(hash("pk"))
        .attributeDefinitions(attr("pk", ScalarAttributeType.S)).billingMode(BillingMode.PROVISIONED)
        .provisionedThroughput(throughput(5, 5)));
    SdkTestSupport.createTable(client, "onDemand", "pk", null);
    clock.advance(Duration.ofHours(1));
  }

  @AfterEach
  void stop() {
    client.close();
    dynamo.close();
  }

  private static ProvisionedThroughput throughput(long read, long write) {
    return ProvisionedThroughput.builder().readCapacityUnits(read).writeCapacityUnits(write).build();
  }

  private TableDescription describe(String name) {
    return client.describeTable(r -> r.tableName(name)).table();
  }

  @Test
  void aRefusedIndexUpdateLeavesTheThroughputChangeOfTheSameRequestUnapplied() {
    assertThatThrownBy(() -> client.updateTable(r -> r.tableName("provisioned").provisionedThroughput(throughput(10, 7))
        .globalSecondaryIndexUpdates(u -> u.update(i -> i.indexName("noSuchIndex").provisionedThroughput(throughput(1, 1))))))
        .isInstanceOf(software.amazon.awssdk.services.dynamodb.model.DynamoDbException.class);
    TableDescription after = describe("provisioned");
    assertThat(after.tableStatus()).isEqualTo(TableStatus.ACTIVE);
    assertThat(after.provisionedThroughput().readCapacityUnits()).isEqualTo(5);
    assertThat(after.provisionedThroughput().writeCapacityUnits()).isEqualTo(5);
    // nothing left pending either: the next change that takes the table through UPDATING applies no throughput
    client.updateTable(r -> r.tableName("provisioned").tableClass(
        software.amazon.awssdk.services.dynamodb.model.TableClass.STANDARD_INFREQUENT_ACCESS));
    clock.advance(Duration.ofHours(1));
    assertThat(describe("provisioned").provisionedThroughput().readCapacityUnits()).isEqualTo(5);
    assertThat(describe("provisioned").provisionedThroughput().writeCapacityUnits()).isEqualTo(5);
  }

  @Test
  void raisingThroughputAppliesWhenTheTableIsActiveAgain() {
    Instant at = clock.now();
    TableDescription answer = client.updateTable(r -> r.tableName("provisioned").provisionedThroughput(throughput(10, 5)))
        .tableDescription();
    assertThat(answer.tableStatus()).isEqualTo(TableStatus.UPDATING);
    // "While the table is in the UPDATING state, the table still has the provisioned throughput from before."
    assertThat(answer.provisionedThroughput().readCapacityUnits()).isEqualTo(5);

    ProvisionedThroughputDescription t = describe("provisioned").provisionedThroughput();
    assertThat(describe("provisioned").tableStatus()).isEqualTo(TableStatus.ACTIVE);
    assertThat(t.readCapacityUnits()).isEqualTo(10);
    assertThat(t.writeCapacityUnits()).isEqualTo(5);
    assertThat(t.lastIncreaseDateTime()).isEqualTo(at);
    assertThat(t.lastDecreaseDateTime()).isNull();
    assertThat(t.numberOfDecreasesToday()).isZero();
    assertThat(describe("provisioned").warmThroughput().readUnitsPerSecond()).isEqualTo(10);
  }

  @Test
  void loweringThroughputCountsADecrease() {
    Instant at = clock.now();
    client.updateTable(r -> r.tableName("provisioned").provisionedThroughput(throughput(1, 2)));
    ProvisionedThroughputDescription t = describe("provisioned").provisionedThroughput();
    assertThat(t.readCapacityUnits()).isEqualTo(1);
    assertThat(t.writeCapacityUnits()).isEqualTo(2);
    assertThat(t.lastDecreaseDateTime()).isEqualTo(at);
    assertThat(t.lastIncreaseDateTime()).isNull();
    assertThat(t.numberOfDecreasesToday()).isEqualTo(1);
    // Warm throughput never drops.
    assertThat(describe("provisioned").warmThroughput().readUnitsPerSecond()).isEqualTo(5);
    assertThat(describe("provisioned").warmThroughput().writeUnitsPerSecond()).isEqualTo(5);
  }

  @Test
  void switchingToOnDemand() {
    Instant at = clock.now();
    TableDescription answer = client.updateTable(r -> r.tableName("provisioned")
        .billingMode(BillingMode.PAY_PER_REQUEST)).tableDescription();
    assertThat(answer.tableStatus()).isEqualTo(TableStatus.UPDATING);
    // The answer still shows the old mode: an always-provisioned table has no BillingModeSummary.
    assertThat(answer.billingModeSummary()).isNull();
    assertThat(answer.provisionedThroughput().readCapacityUnits()).isEqualTo(5);

    TableDescription t = describe("provisioned");
    assertThat(t.tableStatus()).isEqualTo(TableStatus.ACTIVE);
    assertThat(t.billingModeSummary().billingMode()).isEqualTo(BillingMode.PAY_PER_REQUEST);
    assertThat(t.billingModeSummary().lastUpdateToPayPerRequestDateTime()).isEqualTo(at);
    assertThat(t.provisionedThroughput().readCapacityUnits()).isZero();
    assertThat(t.provisionedThroughput().writeCapacityUnits()).isZero();
    assertThat(t.warmThroughput().readUnitsPerSecond()).isEqualTo(12_000);
  }

  @Test
  void switchingToProvisioned() {
    TableDescription answer = client.updateTable(r -> r.tableName("onDemand").billingMode(BillingMode.PROVISIONED)
        .provisionedThroughput(throughput(2, 3))).tableDescription();
    assertThat(answer.billingModeSummary().billingMode()).isEqualTo(BillingMode.PAY_PER_REQUEST);
    assertThat(answer.provisionedThroughput().readCapacityUnits()).isZero();
    TableDescription t = describe("onDemand");
    assertThat(t.tableStatus()).isEqualTo(TableStatus.ACTIVE);
    assertThat(t.billingModeSummary().billingMode()).isEqualTo(BillingMode.PROVISIONED);
    assertThat(t.billingModeSummary().lastUpdateToPayPerRequestDateTime()).isEqualTo(T0);
    assertThat(t.provisionedThroughput().readCapacityUnits()).isEqualTo(2);
    assertThat(t.provisionedThroughput().writeCapacityUnits()).isEqualTo(3);
    assertThat(t.warmThroughput().readUnitsPerSecond()).isEqualTo(12_000); // kept after switching back
  }

  @Test
  void resendingOnDemandAnswersUpdatingAndChangesNothing() {
    TableDescription answer = client.updateTable(r -> r.tableName("onDemand").billingMode(BillingMode.PAY_PER_REQUEST))
        .tableDescription();
    assertThat(answer.tableStatus()).isEqualTo(TableStatus.UPDATING);
    TableDescription t = describe("onDemand");
    assertThat(t.billingModeSummary().billingMode()).isEqualTo(BillingMode.PAY_PER_REQUEST);
    assertThat(t.billingModeSummary().lastUpdateToPayPerRequestDateTime()).isEqualTo(T0);
  }

  @Test
  void provisionedNeedsThroughput() {
    for (String table : new String[] {"onDemand", "provisioned"}) {
      assertValidation(() -> client.updateTable(r -> r.tableName(table).billingMode(BillingMode.PROVISIONED)),
          "One or more parameter values were invalid: ProvisionedThroughput must be specified when BillingMode is "
              + "PROVISIONED");
    }
  }

  @Test
  void onDemandTakesNoThroughput() {
    assertValidation(() -> client.updateTable(r -> r.tableName("provisioned").billingMode(BillingMode.PAY_PER_REQUEST)
            .provisionedThroughput(throughput(1, 1))),
        "One or more parameter values were invalid: Neither ReadCapacityUnits nor WriteCapacityUnits can be "
            + "specified when BillingMode is PAY_PER_REQUEST");
    assertThat(describe("provisioned").billingModeSummary()).isNull();
    assertThat(describe("provisioned").provisionedThroughput().readCapacityUnits()).isEqualTo(5);
  }

  @Test
  void theSameThroughputIsNotAChange() {
    assertValidation(() -> client.updateTable(r -> r.tableName("provisioned").provisionedThroughput(throughput(5, 5))),
        "The provisioned throughput for the table will not change. The requested value equals the current value. "
            + "Current ReadCapacityUnits provisioned for the table: 5. Requested ReadCapacityUnits: 5. Current "
            + "WriteCapacityUnits provisioned for the table: 5. Requested WriteCapacityUnits: 5. Refer to the Amazon "
            + "DynamoDB Developer Guide for current limits and how to request higher limits.");
    assertThat(describe("provisioned").tableStatus()).isEqualTo(TableStatus.ACTIVE);
  }

  @Test
  void somethingMustChange() {
    assertValidation(() -> client.updateTable(r -> r.tableName("provisioned")),
        "At least one of ProvisionedThroughput, BillingMode, UpdateStreamEnabled, GlobalSecondaryIndexUpdates, "
            + "SSESpecification, ReplicaUpdates, MultiAccountReplicaReady, ReplicaTransitRoleArn, "
            + "MultiRegionConsistency, DeletionProtectionEnabled, OnDemandThroughput, WarmThroughput or TableClass "
            + "is required");
  }

  @Test
  void throughputShapeAndBounds() {
    assertValidation(() -> client.updateTable(r -> r.tableName("provisioned").provisionedThroughput(throughput(0, 0))),
        "2 validation errors detected: Value '0' at 'provisionedThroughput.writeCapacityUnits' failed to satisfy "
            + "constraint: Member must have value greater than or equal to 1; Value '0' at "
            + "'provisionedThroughput.readCapacityUnits' failed to satisfy constraint: Member must have value greater "
            + "than or equal to 1");
    assertValidation(() -> client.updateTable(r -> r.tableName("provisioned")
            .provisionedThroughput(throughput(1_000_000_000_001L, 1))),
        "Given value 1000000000001 for ReadCapacityUnits is out of bounds");
    assertValidation(() -> client.updateTable(r -> r.tableName("provisioned").billingMode("FREE")),
        "1 validation error detected: Value 'FREE' at 'billingMode' failed to satisfy constraint: Member must "
            + "satisfy enum value set: [PROVISIONED, PAY_PER_REQUEST]");
  }

  @Test
  void tableClassAndDeletionProtection() {
    client.updateTable(r -> r.tableName("onDemand").tableClass(TableClass.STANDARD_INFREQUENT_ACCESS));
    assertThat(describe("onDemand").tableClassSummary().tableClass()).isEqualTo(TableClass.STANDARD_INFREQUENT_ACCESS);
    client.updateTable(r -> r.tableName("onDemand").deletionProtectionEnabled(true));
    assertThat(describe("onDemand").deletionProtectionEnabled()).isTrue();
    assertValidation(() -> client.updateTable(r -> r.tableName("onDemand").tableClass("GLACIER")),
        "Invalid table-class parameter provided. Please try again with a valid table-class value: [STANDARD, "
            + "STANDARD_INFREQUENT_ACCESS].");
  }

  @Test
  void anUnknownTableIsNotFound() {
    assertNotFound(() -> client.updateTable(r -> r.tableName("nope").billingMode(BillingMode.PAY_PER_REQUEST)),
        "Requested resource not found: Table: nope not found");
  }

  @Test
  void theTableNameIsValidated() {
    assertValidation(() -> client.updateTable(r -> r.billingMode(BillingMode.PAY_PER_REQUEST)),
        "1 validation error detected: Value null at 'tableName' failed to satisfy constraint: Member must not be null");
  }
}
