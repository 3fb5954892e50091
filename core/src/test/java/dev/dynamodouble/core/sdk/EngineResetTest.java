package dev.dynamodouble.core.sdk;

import static dev.dynamodouble.core.sdk.SdkTestSupport.item;
import static dev.dynamodouble.core.sdk.SdkTestSupport.s;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dynamodouble.core.DynamoDouble;
import dev.dynamodouble.core.engine.EngineSnapshot;
import dev.dynamodouble.core.fault.FaultRule;
import dev.dynamodouble.core.time.DynamoClock;
import dev.dynamodouble.core.time.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ContinuousBackupsStatus;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;

/**
 * A snapshot's restore includes time: the manual clock goes back to the snapshot's instant with the
 * tasks then pending, and fault rules, read lags, TTL and PITR settings and backups are as they were.
 */
class EngineResetTest {
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  @Test
  void restorePutsBackTheClockAndEveryServicesState() {
    ManualClock clock = DynamoClock.manual(T0);
    try (DynamoDouble dynamo = DynamoDouble.builder().clock(clock).start();
         DynamoDbClient client = SdkTestSupport.client(dynamo)) {
      SdkTestSupport.createTable(client, "orders", "pk", null);
      SdkTestSupport.createTable(client, "sessions", "pk", null);
      client.updateTimeToLive(r -> r.tableName("sessions").timeToLiveSpecification(t -> t.enabled(true)
          .attributeName("expiresAt")));
      client.putItem(r -> r.tableName("sessions").item(item("pk", "s1", "expiresAt",
          SdkTestSupport.n(Long.toString(T0.getEpochSecond() + 3600)))));
      client.createBackup(r -> r.tableName("orders").backupName("fixture"));
      dynamo.faults().add(FaultRule.on("DeleteItem").name("fixture-rule").error("ThrottlingException"));
      clock.runDue();
      int pendingTasks = clock.pendingTasks();
      EngineSnapshot snapshot = dynamo.engine().snapshot();

      clock.advance(Duration.ofMinutes(30));
      client.putItem(r -> r.tableName("orders").item(item("pk", "o1")));
      client.createBackup(r -> r.tableName("orders").backupName("during-test"));
      client.updateContinuousBackups(r -> r.tableName("orders")
          .pointInTimeRecoverySpecification(p -> p.pointInTimeRecoveryEnabled(true)));
      dynamo.faults().add(FaultRule.on("GetItem").name("test-rule").error("ThrottlingException"));
      dynamo.consistency().readLag(Duration.ofSeconds(5));
      clock.advance(Duration.ofHours(2)); // the session expires and goes
      client.updateTimeToLive(r -> r.tableName("sessions").timeToLiveSpecification(t -> t.enabled(false)
          .attributeName("expiresAt")));

      dynamo.engine().restore(snapshot);

      assertThat(clock.now()).isEqualTo(T0);
      assertThat(clock.pendingTasks()).isEqualTo(pendingTasks);
      assertThat(dynamo.faults().rules()).extracting(h -> h.name()).containsExactly("fixture-rule");
      assertThat(dynamo.consistency().readLag()).isZero();
      assertThat(client.listBackups(r -> r.tableName("orders")).backupSummaries())
          .extracting(b -> b.backupName()).containsExactly("fixture");
      assertThat(client.describeContinuousBackups(r -> r.tableName("orders")).continuousBackupsDescription()
          .pointInTimeRecoveryDescription().pointInTimeRecoveryStatusAsString())
          .isEqualTo(ContinuousBackupsStatus.DISABLED.toString());
      assertThat(client.describeTimeToLive(r -> r.tableName("sessions")).timeToLiveDescription().timeToLiveStatus())
          .isEqualTo(TimeToLiveStatus.ENABLED);
      assertThat(client.scan(r -> r.tableName("orders")).count()).isZero();

      // Time runs again from the snapshot's instant: the session expires an hour later, as before.
      assertThat(client.getItem(r -> r.tableName("sessions").key(Map.of("pk", s("s1"))).consistentRead(true))
          .hasItem()).isTrue();
      clock.advance(Duration.ofHours(1).plusSeconds(2));
      assertThat(client.getItem(r -> r.tableName("sessions").key(Map.of("pk", s("s1"))).consistentRead(true))
          .hasItem()).isFalse();
      // and new writes are stamped on the clock again: a stale read of 1 s sees the state a second ago
      dynamo.consistency().readLag(Duration.ofSeconds(1));
      client.putItem(r -> r.tableName("orders").item(item("pk", "o2")));
      assertThat(client.getItem(r -> r.tableName("orders").key(Map.of("pk", s("o2")))).hasItem()).isFalse();
      clock.advance(Duration.ofSeconds(1));
      assertThat(client.getItem(r -> r.tableName("orders").key(Map.of("pk", s("o2")))).hasItem()).isTrue();
    }
  }

  @Test
  void aTableMidTransitionIsRewoundWithItsTask() {
    ManualClock clock = DynamoClock.manual(T0);
    try (DynamoDouble dynamo = DynamoDouble.builder().clock(clock).statusDelay(Duration.ofSeconds(10)).start();
         DynamoDbClient client = SdkTestSupport.client(dynamo)) {
      client.createTable(r -> r.tableName("orders").keySchema(SdkTestSupport.hash("pk"))
          .attributeDefinitions(SdkTestSupport.attr("pk", software.amazon.awssdk.services.dynamodb.model
              .ScalarAttributeType.S))
          .billingMode(software.amazon.awssdk.services.dynamodb.model.BillingMode.PROVISIONED)
          .provisionedThroughput(p -> p.readCapacityUnits(5L).writeCapacityUnits(5L)));
      clock.advance(Duration.ofSeconds(10));
      EngineSnapshot snapshot = dynamo.engine().snapshot();

      // The test changes capacity and ends before the table is ACTIVE again.
      client.updateTable(r -> r.tableName("orders").provisionedThroughput(p -> p.readCapacityUnits(50L)
          .writeCapacityUnits(50L)));
      assertThat(status(client)).isEqualTo("UPDATING");
      dynamo.engine().restore(snapshot);
      assertThat(status(client)).isEqualTo("ACTIVE");
      clock.advance(Duration.ofMinutes(1));
      var table = client.describeTable(r -> r.tableName("orders")).table();
      assertThat(table.provisionedThroughput().readCapacityUnits()).isEqualTo(5L); // the change is gone

      // A snapshot taken mid-transition: the transition finishes again after each reset.
      client.updateTable(r -> r.tableName("orders").provisionedThroughput(p -> p.readCapacityUnits(7L)
          .writeCapacityUnits(7L)));
      EngineSnapshot midway = dynamo.engine().snapshot();
      clock.advance(Duration.ofSeconds(10));
      assertThat(status(client)).isEqualTo("ACTIVE");
      dynamo.engine().restore(midway);
      assertThat(status(client)).isEqualTo("UPDATING");
      clock.advance(Duration.ofSeconds(10));
      assertThat(status(client)).isEqualTo("ACTIVE");
      assertThat(client.describeTable(r -> r.tableName("orders")).table().provisionedThroughput()
          .readCapacityUnits()).isEqualTo(7L);
    }
  }

  @Test
  void aTestThatDisablesPointInTimeRecoveryDoesNotLoseTheFixturesHistory() {
    ManualClock clock = DynamoClock.manual(T0);
    try (DynamoDouble dynamo = DynamoDouble.builder().clock(clock).start();
         DynamoDbClient client = SdkTestSupport.client(dynamo)) {
      SdkTestSupport.createTable(client, "orders", "pk", null);
      client.updateContinuousBackups(r -> r.tableName("orders")
          .pointInTimeRecoverySpecification(p -> p.pointInTimeRecoveryEnabled(true)));
      client.putItem(r -> r.tableName("orders").item(item("pk", "o1", "v", "old")));
      clock.advance(Duration.ofMinutes(1));
      Instant beforeChange = clock.now();
      client.putItem(r -> r.tableName("orders").item(item("pk", "o1", "v", "new")));
      clock.advance(Duration.ofMinutes(10));
      EngineSnapshot snapshot = dynamo.engine().snapshot();

      client.updateContinuousBackups(r -> r.tableName("orders")
          .pointInTimeRecoverySpecification(p -> p.pointInTimeRecoveryEnabled(false)));
      dynamo.engine().restore(snapshot);

      client.restoreTableToPointInTime(r -> r.sourceTableName("orders").targetTableName("orders-then")
          .restoreDateTime(beforeChange.minusSeconds(1)));
      clock.advance(Duration.ZERO);
      assertThat(client.getItem(r -> r.tableName("orders-then").key(Map.of("pk", s("o1")))).item().get("v").s())
          .isEqualTo("old");
    }
  }

  private static String status(DynamoDbClient client) {
    return client.describeTable(r -> r.tableName("orders")).table().tableStatusAsString();
  }
}
