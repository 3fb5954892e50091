package dev.dynamodouble.core.sdk;

import static dev.dynamodouble.core.sdk.SdkTestSupport.assertError;
import static dev.dynamodouble.core.sdk.SdkTestSupport.item;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dynamodouble.core.DynamoDouble;
import dev.dynamodouble.core.table.Table;
import dev.dynamodouble.core.time.DynamoClock;
import dev.dynamodouble.core.time.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BackupSummary;
import software.amazon.awssdk.services.dynamodb.model.BackupType;
import software.amazon.awssdk.services.dynamodb.model.BackupTypeFilter;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.ContinuousBackupsDescription;
import software.amazon.awssdk.services.dynamodb.model.ContinuousBackupsStatus;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.PointInTimeRecoveryDescription;
import software.amazon.awssdk.services.dynamodb.model.PointInTimeRecoveryStatus;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;

/** Point-in-time recovery through the SDK, on a manual clock. */
class PointInTimeRecoveryTest {
  private static final Instant START = Instant.parse("2024-06-01T08:00:00Z");

  private static void enablePitr(DynamoDbClient client, String table) {
    client.updateContinuousBackups(r -> r.tableName(table).pointInTimeRecoverySpecification(s -> s.pointInTimeRecoveryEnabled(true)));
  }

  private static PointInTimeRecoveryDescription pitr(DynamoDbClient client, String table) {
    return client.describeContinuousBackups(r -> r.tableName(table)).continuousBackupsDescription()
        .pointInTimeRecoveryDescription();
  }

  private static Map<String, AttributeValue> get(DynamoDbClient client, String table, String pk) {
    return client.getItem(r -> r.tableName(table).key(item("pk", pk))).item();
  }

  private static void createTableWithIndex(DynamoDbClient client, String name) {
    client.createTable(r -> r.tableName(name).billingMode(BillingMode.PAY_PER_REQUEST)
        .keySchema(KeySchemaElement.builder().attributeName("pk").keyType(KeyType.HASH).build())
        .attributeDefinitions(
            AttributeDefinition.builder().attributeName("pk").attributeType(ScalarAttributeType.S).build(),
            AttributeDefinition.builder().attributeName("status").attributeType(ScalarAttributeType.S).build())
        .globalSecondaryIndexes(GlobalSecondaryIndex.builder().indexName("byStatus")
            .keySchema(KeySchemaElement.builder().attributeName("status").keyType(KeyType.HASH).build())
            .projection(Projection.builder().projectionType(ProjectionType.ALL).build()).build()));
  }

  @Test
  void describeAndUpdateContinuousBackups() {
    ManualClock clock = DynamoClock.manual(START);
    try (DynamoDouble dynamo = DynamoDouble.builder().clock(clock).start(); DynamoDbClient client = SdkTestSupport.client(dynamo)) {
      SdkTestSupport.createTable(client, "orders", "pk", null);
      ContinuousBackupsDescription fresh = client.describeContinuousBackups(r -> r.tableName("orders"))
          .continuousBackupsDescription();
      assertThat(fresh.continuousBackupsStatus()).isEqualTo(ContinuousBackupsStatus.ENABLED);
      assertThat(fresh.pointInTimeRecoveryDescription().pointInTimeRecoveryStatus()).isEqualTo(PointInTimeRecoveryStatus.DISABLED);
      assertThat(fresh.pointInTimeRecoveryDescription().earliestRestorableDateTime()).isNull();
      assertThat(fresh.pointInTimeRecoveryDescription().recoveryPeriodInDays()).isNull();

      clock.advance(Duration.ofMillis(250));
      PointInTimeRecoveryDescription enabled = client.updateContinuousBackups(r -> r.tableName("orders")
              .pointInTimeRecoverySpecification(s -> s.pointInTimeRecoveryEnabled(true)))
          .continuousBackupsDescription().pointInTimeRecoveryDescription();
      assertThat(enabled.pointInTimeRecoveryStatus()).isEqualTo(PointInTimeRecoveryStatus.ENABLED);
      assertThat(enabled.recoveryPeriodInDays()).isEqualTo(35);
      Instant enabledAt = START.plusSeconds(1); // the whole second after enabling
      assertThat(enabled.earliestRestorableDateTime()).isEqualTo(enabledAt);
      assertThat(enabled.latestRestorableDateTime()).isEqualTo(enabledAt);

      clock.advance(Duration.ofMinutes(30));
      PointInTimeRecoveryDescription later = pitr(client, "orders");
      assertThat(later.earliestRestorableDateTime()).isEqualTo(enabledAt);
      assertThat(later.latestRestorableDateTime()).isEqualTo(START.plus(Duration.ofMinutes(25)));

      enablePitr(client, "orders"); // idempotent
      assertThat(pitr(client, "orders").earliestRestorableDateTime()).isEqualTo(enabledAt);
      client.updateContinuousBackups(r -> r.tableName("orders")
          .pointInTimeRecoverySpecification(s -> s.pointInTimeRecoveryEnabled(true).recoveryPeriodInDays(7)));
      assertThat(pitr(client, "orders").recoveryPeriodInDays()).isEqualTo(7);

      client.updateContinuousBackups(r -> r.tableName("orders").pointInTimeRecoverySpecification(s -> s.pointInTimeRecoveryEnabled(false)));
      PointInTimeRecoveryDescription disabled = pitr(client, "orders");
      assertThat(disabled.pointInTimeRecoveryStatus()).isEqualTo(PointInTimeRecoveryStatus.DISABLED);
      assertThat(disabled.recoveryPeriodInDays()).isNull();
      assertThat(disabled.latestRestorableDateTime()).isNull();

      // Re-enabling starts over: a new window, and the default period again.
      enablePitr(client, "orders");
      PointInTimeRecoveryDescription again = pitr(client, "orders");
      assertThat(again.recoveryPeriodInDays()).isEqualTo(35);
      assertThat(again.earliestRestorableDateTime()).isEqualTo(START.plus(Duration.ofMinutes(30)).plusSeconds(1));
    }
  }

  @Test
  void continuousBackupsValidateLikeDynamoDb() {
    ManualClock clock = DynamoClock.manual(START);
    try (DynamoDouble dynamo = DynamoDouble.builder().clock(clock).start(); DynamoDbClient client = SdkTestSupport.client(dynamo)) {
      SdkTestSupport.createTable(client, "orders", "pk", null);
      assertError(() -> client.updateContinuousBackups(r -> r.tableName("orders")
              .pointInTimeRecoverySpecification(s -> s.pointInTimeRecoveryEnabled(true).recoveryPeriodInDays(36))),
          "ValidationException", "1 validation error detected: Value '36' at 'pointInTimeRecoverySpecification."
              + "recoveryPeriodInDays' failed to satisfy constraint: Member must have value less than or equal to 35");
      assertError(() -> client.updateContinuousBackups(r -> r.tableName("orders")
              .pointInTimeRecoverySpecification(s -> s.pointInTimeRecoveryEnabled(true).recoveryPeriodInDays(0))),
          "ValidationException", "1 validation error detected: Value '0' at 'pointInTimeRecoverySpecification."
              + "recoveryPeriodInDays' failed to satisfy constraint: Member must have value greater than or equal to 1");
      assertError(() -> client.updateContinuousBackups(r -> r.tableName("orders")
              .pointInTimeRecoverySpecification(s -> s.pointInTimeRecoveryEnabled(false).recoveryPeriodInDays(7))),
          "ValidationException", "Invalid Request: Cannot specify RecoveryPeriodInDays when disabling point-in-time recovery.");
      assertError(() -> client.updateContinuousBackups(r -> r.tableName("orders").pointInTimeRecoverySpecification(s -> s.recoveryPeriodInDays(7))),
          "ValidationException", "1 validation error detected: Value null at 'pointInTimeRecoverySpecification."
              + "pointInTimeRecoveryEnabled' failed to satisfy constraint: Member must not be null");
      assertError(() -> client.updateContinuousBackups(r -> r.tableName("orders")), "ValidationException",
          "1 validation error detected: Value null at 'pointInTimeRecoverySpecification' failed to satisfy constraint: "
              + "Member must not be null");
      assertError(() -> enablePitr(client, "missing"), "TableNotFoundException", "Table not found: missing");
      assertError(() -> pitr(client, "missing"), "TableNotFoundException", "Table not found: missing");
    }
  }

  @Test
  void aTableRestoredToASecondBeforeABadWriteHasTheOldDataWhileTheSourceKeepsTheNew() {
    ManualClock clock = DynamoClock.manual(START);
    try (DynamoDouble dynamo = DynamoDouble.builder().clock(clock).start(); DynamoDbClient client = SdkTestSupport.client(dynamo)) {
      createTableWithIndex(client, "orders");
      enablePitr(client, "orders");
      client.putItem(r -> r.tableName("orders").item(item("pk", "o1", "status", "PAID", "total", "10")));
      client.putItem(r -> r.tableName("orders").item(item("pk", "o2", "status", "PAID", "total", "20")));
      clock.advance(Duration.ofMinutes(1));
      Instant badWrite = clock.now();
      // The bad deploy: overwrites one order, deletes the other.
      client.putItem(r -> r.tableName("orders").item(item("pk", "o1", "status", "VOID", "total", "0")));
      client.deleteItem(r -> r.tableName("orders").key(item("pk", "o2")));
      clock.advance(Duration.ofMinutes(10));

      TableDescription restoring = client.restoreTableToPointInTime(r -> r.sourceTableName("orders")
          .targetTableName("orders-fixed").restoreDateTime(badWrite.minusSeconds(1))).tableDescription();
      assertThat(restoring.tableStatus()).isEqualTo(TableStatus.CREATING);
      assertThat(restoring.restoreSummary().restoreDateTime()).isEqualTo(badWrite.minusSeconds(1));
      assertThat(restoring.restoreSummary().sourceTableArn()).isEqualTo("arn:aws:dynamodb:us-east-1:000000000000:table/orders");
      assertThat(restoring.restoreSummary().sourceBackupArn()).isNull();

      assertThat(get(client, "orders-fixed", "o1")).containsEntry("status", AttributeValue.fromS("PAID"));
      assertThat(get(client, "orders-fixed", "o2")).containsEntry("total", AttributeValue.fromS("20"));
      assertThat(get(client, "orders", "o1")).containsEntry("status", AttributeValue.fromS("VOID"));
      assertThat(client.getItem(r -> r.tableName("orders").key(item("pk", "o2"))).hasItem()).isFalse();

      TableDescription fixed = client.describeTable(r -> r.tableName("orders-fixed")).table();
      assertThat(fixed.tableStatus()).isEqualTo(TableStatus.ACTIVE);
      assertThat(fixed.itemCount()).isEqualTo(2);
      assertThat(fixed.globalSecondaryIndexes()).singleElement().satisfies(gsi -> {
        assertThat(gsi.indexName()).isEqualTo("byStatus");
        assertThat(gsi.itemCount()).isEqualTo(2);
      });
      assertThat(dynamo.engine().region("us-east-1").find("orders-fixed").snapshot().index("byStatus").itemCount())
          .isEqualTo(2);

      // Restoring to the very second of the bad write includes it; by ARN works the same.
      client.restoreTableToPointInTime(r -> r.sourceTableArn("arn:aws:dynamodb:us-east-1:000000000000:table/orders")
          .targetTableName("orders-at-write").restoreDateTime(badWrite));
      assertThat(get(client, "orders-at-write", "o1")).containsEntry("status", AttributeValue.fromS("VOID"));

      // UseLatestRestorableTime: now minus five minutes, after the bad write.
      client.restoreTableToPointInTime(r -> r.sourceTableName("orders").targetTableName("orders-latest").useLatestRestorableTime(true));
      assertThat(client.describeTable(r -> r.tableName("orders-latest")).table().itemCount()).isEqualTo(1);

      // The restored table does not inherit PITR or TTL settings.
      assertThat(pitr(client, "orders-fixed").pointInTimeRecoveryStatus()).isEqualTo(PointInTimeRecoveryStatus.DISABLED);
      assertThat(client.describeTimeToLive(r -> r.tableName("orders-fixed")).timeToLiveDescription().timeToLiveStatus())
          .isEqualTo(TimeToLiveStatus.DISABLED);
    }
  }

  @Test
  void theWindowSlidesWithTheClockAndRestoresOutsideItAreRejected() {
    ManualClock clock = DynamoClock.manual(START);
    try (DynamoDouble dynamo = DynamoDouble.builder().clock(clock).start(); DynamoDbClient client = SdkTestSupport.client(dynamo)) {
      SdkTestSupport.createTable(client, "orders", "pk", null);
      client.updateContinuousBackups(r -> r.tableName("orders")
          .pointInTimeRecoverySpecification(s -> s.pointInTimeRecoveryEnabled(true).recoveryPeriodInDays(1)));
      for (int i = 0; i < 5; i++) {
        String pk = "v" + i;
        client.putItem(r -> r.tableName("orders").item(item("pk", pk)));
        clock.advance(Duration.ofMillis(300)); // several writes per second: one version per second is kept
      }
      clock.advance(Duration.ofMillis(500));
      Instant firstDay = clock.now();
      clock.advance(Duration.ofDays(2));
      Instant now = clock.now();

      PointInTimeRecoveryDescription window = pitr(client, "orders");
      assertThat(window.earliestRestorableDateTime()).isEqualTo(now.minus(Duration.ofDays(1)));
      assertThat(window.latestRestorableDateTime()).isEqualTo(now.minus(Duration.ofMinutes(5)));
      String earliest = window.earliestRestorableDateTime().toString();
      String latest = window.latestRestorableDateTime().toString();
      assertError(() -> client.restoreTableToPointInTime(r -> r.sourceTableName("orders").targetTableName("too-old")
              .restoreDateTime(firstDay)), "InvalidRestoreTimeException",
          "RestoreDateTime '" + firstDay.truncatedTo(java.time.temporal.ChronoUnit.SECONDS) + "' must be within "
              + "EarliestRestorableDateTime '" + earliest + "' and LatestRestorableDateTime '" + latest + "'");
      assertError(() -> client.restoreTableToPointInTime(r -> r.sourceTableName("orders").targetTableName("too-new")
              .restoreDateTime(now.minusSeconds(60))), "InvalidRestoreTimeException", null);
      assertThat(client.listTables().tableNames()).containsExactly("orders");

      client.restoreTableToPointInTime(r -> r.sourceTableName("orders").targetTableName("oldest")
          .restoreDateTime(window.earliestRestorableDateTime()));
      assertThat(client.describeTable(r -> r.tableName("oldest")).table().itemCount()).isEqualTo(5);

      // The history outside the window is gone: memory stays bounded however long the clock runs.
      Table table = dynamo.engine().region("us-east-1").find("orders");
      assertThat(table.versions().retainedVersions()).isEqualTo(1);
      for (int i = 0; i < 10; i++) {
        String pk = "w" + i;
        client.putItem(r -> r.tableName("orders").item(item("pk", pk)));
        clock.advance(Duration.ofMinutes(30));
      }
      assertThat(table.versions().retainedVersions()).isEqualTo(11);
      clock.advance(Duration.ofDays(2));
      assertThat(table.versions().retainedVersions()).isLessThanOrEqualTo(2);
    }
  }

  @Test
  void restoreToPointInTimeValidatesLikeDynamoDb() {
    ManualClock clock = DynamoClock.manual(START);
    try (DynamoDouble dynamo = DynamoDouble.builder().clock(clock).start(); DynamoDbClient client = SdkTestSupport.client(dynamo)) {
      SdkTestSupport.createTable(client, "orders", "pk", null);
      SdkTestSupport.createTable(client, "taken", "pk", null);
      assertError(() -> client.restoreTableToPointInTime(r -> r.sourceTableName("orders").targetTableName("copy")
              .useLatestRestorableTime(true)), "PointInTimeRecoveryUnavailableException",
          "Point in time recovery is not enabled for table 'orders'");
      enablePitr(client, "orders");
      clock.advance(Duration.ofMinutes(10));
      assertError(() -> client.restoreTableToPointInTime(r -> r.sourceTableName("orders").targetTableName("copy")),
          "ValidationException",
          "Invalid Request: Either one of RestoreDateTime or UseLatestRestorableTime must be specified, but not both");
      assertError(() -> client.restoreTableToPointInTime(r -> r.sourceTableName("orders").targetTableName("copy")
              .useLatestRestorableTime(true).restoreDateTime(START)), "ValidationException",
          "Invalid Request: Both RestoreDateTime and UseLatestRestorableTime cannot be set for point-in-time restore "
              + "request. Please specify either RestoreDateTime time or UseLatestRestorableTime");
      assertError(() -> client.restoreTableToPointInTime(r -> r.targetTableName("copy").useLatestRestorableTime(true)),
          "ValidationException", "The parameter 'TableName' is required but was not present in the request");
      assertError(() -> client.restoreTableToPointInTime(r -> r.sourceTableName("orders")
              .sourceTableArn("arn:aws:dynamodb:us-east-1:000000000000:table/orders").targetTableName("copy")
              .useLatestRestorableTime(true)),
          "ValidationException", "Invalid Request: Must provide exactly one of: sourceTableArn, sourceTableName");
      assertError(() -> client.restoreTableToPointInTime(r -> r.sourceTableArn("orders").targetTableName("copy")
              .useLatestRestorableTime(true)), "ValidationException", "sourceTableArn is not a valid ARN");
      assertError(() -> client.restoreTableToPointInTime(r -> r.sourceTableName("missing").targetTableName("taken")
              .useLatestRestorableTime(true)), "TableNotFoundException", "Table not found: missing");
      assertError(() -> client.restoreTableToPointInTime(r -> r.sourceTableName("orders").targetTableName("taken")
              .useLatestRestorableTime(true)), "TableAlreadyExistsException", "Table already exists: taken");
      assertError(() -> client.restoreTableToPointInTime(r -> r.sourceTableName("orders").targetTableName("orders")
              .useLatestRestorableTime(true)), "TableAlreadyExistsException", "Table already exists: orders");
      assertError(() -> client.restoreTableToPointInTime(r -> r.sourceTableName("orders").targetTableName("bad name!")
              .useLatestRestorableTime(true)), "ValidationException",
          "1 validation error detected: Value 'bad name!' at 'targetTableName' failed to satisfy constraint: "
              + "Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+");
      assertThat(client.listTables().tableNames()).containsExactly("orders", "taken");
    }
  }

  @Test
  void theRestoredTableGoesActiveThroughTheClock() {
    ManualClock clock = DynamoClock.manual(START);
    try (DynamoDouble dynamo = DynamoDouble.builder().clock(clock).statusDelay(Duration.ofMinutes(2)).start();
         DynamoDbClient client = SdkTestSupport.client(dynamo)) {
      SdkTestSupport.createTable(client, "orders", "pk", null);
      clock.advance(Duration.ofMinutes(2));
      assertError(() -> enablePitr(client, "copy"), "TableNotFoundException", "Table not found: copy");
      enablePitr(client, "orders");
      client.putItem(r -> r.tableName("orders").item(item("pk", "a")));
      clock.advance(Duration.ofMinutes(6));
      client.restoreTableToPointInTime(r -> r.sourceTableName("orders").targetTableName("copy").useLatestRestorableTime(true));
      assertThat(client.describeTable(r -> r.tableName("copy")).table().tableStatus()).isEqualTo(TableStatus.CREATING);
      assertError(() -> client.getItem(r -> r.tableName("copy").key(item("pk", "a"))), "ResourceNotFoundException", null);
      assertError(() -> pitr(client, "copy"), "TableNotFoundException", "Table not found: copy");
      assertError(() -> client.restoreTableToPointInTime(r -> r.sourceTableName("orders").targetTableName("copy")
              .useLatestRestorableTime(true)), "TableInUseException",
          "Table: copy is already being restored from table: arn:aws:dynamodb:us-east-1:000000000000:table/orders");
      clock.advance(Duration.ofMinutes(2));
      assertThat(client.describeTable(r -> r.tableName("copy")).table().tableStatus()).isEqualTo(TableStatus.ACTIVE);
      assertThat(get(client, "copy", "a")).isEqualTo(item("pk", "a"));
    }
  }

  @Test
  void deletingATableWithPitrLeavesASystemBackupThatExpiresAfter35Days() {
    ManualClock clock = DynamoClock.manual(START);
    try (DynamoDouble dynamo = DynamoDouble.builder().clock(clock).start(); DynamoDbClient client = SdkTestSupport.client(dynamo)) {
      SdkTestSupport.createTable(client, "orders", "pk", null);
      SdkTestSupport.createTable(client, "scratch", "pk", null);
      enablePitr(client, "orders");
      client.putItem(r -> r.tableName("orders").item(item("pk", "a")));
      clock.advance(Duration.ofMinutes(1));
      Instant deletedAt = clock.now();
      client.deleteTable(r -> r.tableName("orders"));
      client.deleteTable(r -> r.tableName("scratch"));

      assertThat(client.listBackups().backupSummaries()).isEmpty(); // the default filter is USER
      List<BackupSummary> system = client.listBackups(r -> r.backupType(BackupTypeFilter.SYSTEM)).backupSummaries();
      assertThat(system).singleElement().satisfies(backup -> {
        assertThat(backup.backupName()).isEqualTo("orders$DeletedTableBackup");
        assertThat(backup.backupType()).isEqualTo(BackupType.SYSTEM);
        assertThat(backup.backupCreationDateTime()).isEqualTo(deletedAt);
        assertThat(backup.backupExpiryDateTime()).isEqualTo(deletedAt.plus(Duration.ofDays(35)));
        assertThat(backup.backupArn()).endsWith("-00000000");
      });
      String arn = system.get(0).backupArn();
      assertThat(client.describeBackup(r -> r.backupArn(arn)).backupDescription().sourceTableFeatureDetails()
          .hasGlobalSecondaryIndexes()).isFalse();
      assertError(() -> client.deleteBackup(r -> r.backupArn(arn)), "ValidationException",
          "Invalid Request: User is not allowed to delete the system backup with arn " + arn
              + ". It will automatically expire on " + deletedAt.plus(Duration.ofDays(35)));

      client.restoreTableFromBackup(r -> r.backupArn(arn).targetTableName("orders"));
      assertThat(get(client, "orders", "a")).isEqualTo(item("pk", "a"));

      clock.advance(Duration.ofDays(35));
      assertError(() -> client.describeBackup(r -> r.backupArn(arn)), "BackupNotFoundException", "Backup not found: " + arn);
      assertThat(client.listBackups(r -> r.backupType(BackupTypeFilter.ALL)).backupSummaries()).isEmpty();
    }
  }

  @Test
  void historyIsKeptOnlyWhilePitrIsEnabled() {
    ManualClock clock = DynamoClock.manual(START);
    try (DynamoDouble dynamo = DynamoDouble.builder().clock(clock).start(); DynamoDbClient client = SdkTestSupport.client(dynamo)) {
      SdkTestSupport.createTable(client, "orders", "pk", null);
      Table table = dynamo.engine().region("us-east-1").find("orders");
      for (int i = 0; i < 5; i++) {
        String pk = "a" + i;
        client.putItem(r -> r.tableName("orders").item(item("pk", pk)));
        clock.advance(Duration.ofSeconds(1));
      }
      assertThat(table.versions().retainedVersions()).isEqualTo(1);
      enablePitr(client, "orders");
      for (int i = 0; i < 5; i++) {
        String pk = "b" + i;
        client.putItem(r -> r.tableName("orders").item(item("pk", pk)));
        clock.advance(Duration.ofSeconds(1));
      }
      assertThat(table.versions().retainedVersions()).isEqualTo(6);
      client.updateContinuousBackups(r -> r.tableName("orders").pointInTimeRecoverySpecification(s -> s.pointInTimeRecoveryEnabled(false)));
      assertThat(table.versions().retainedVersions()).isEqualTo(1);
      assertThat(table.versions().isHistoryEnabled()).isFalse();
    }
  }
}
