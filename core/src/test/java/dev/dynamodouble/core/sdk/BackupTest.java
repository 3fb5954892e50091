package dev.dynamodouble.core.sdk;

import static dev.dynamodouble.core.sdk.SdkTestSupport.assertError;
import static dev.dynamodouble.core.sdk.SdkTestSupport.item;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dynamodouble.core.DynamoDouble;
import dev.dynamodouble.core.time.DynamoClock;
import dev.dynamodouble.core.time.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BackupDescription;
import software.amazon.awssdk.services.dynamodb.model.BackupDetails;
import software.amazon.awssdk.services.dynamodb.model.BackupStatus;
import software.amazon.awssdk.services.dynamodb.model.BackupSummary;
import software.amazon.awssdk.services.dynamodb.model.BackupType;
import software.amazon.awssdk.services.dynamodb.model.BackupTypeFilter;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ListBackupsResponse;
import software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughput;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.SSEType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;

/** On-demand backups through the SDK: create, describe, list, delete, restore with overrides, errors. */
class BackupTest {
  private static final Instant START = Instant.parse("2024-03-01T10:00:00Z");
  private static final ProvisionedThroughput FIVE = ProvisionedThroughput.builder()
      .readCapacityUnits(5L).writeCapacityUnits(5L).build();

  private static KeySchemaElement key(String name, KeyType type) {
    return KeySchemaElement.builder().attributeName(name).keyType(type).build();
  }

  private static AttributeDefinition string(String name) {
    return AttributeDefinition.builder().attributeName(name).attributeType(ScalarAttributeType.S).build();
  }

  /** A provisioned table (5/5) keyed by pk+sk with a GSI byOwner (5/5, ALL) and an LSI byDate (KEYS_ONLY). */
  private static void createIndexedTable(DynamoDbClient client, String name) {
    client.createTable(r -> r.tableName(name).billingMode(BillingMode.PROVISIONED).provisionedThroughput(FIVE)
        .keySchema(key("pk", KeyType.HASH), key("sk", KeyType.RANGE))
        .attributeDefinitions(string("pk"), string("sk"), string("owner"), string("date"))
        .globalSecondaryIndexes(GlobalSecondaryIndex.builder().indexName("byOwner")
            .keySchema(key("owner", KeyType.HASH)).provisionedThroughput(FIVE)
            .projection(Projection.builder().projectionType(ProjectionType.ALL).build()).build())
        .localSecondaryIndexes(LocalSecondaryIndex.builder().indexName("byDate")
            .keySchema(key("pk", KeyType.HASH), key("date", KeyType.RANGE))
            .projection(Projection.builder().projectionType(ProjectionType.KEYS_ONLY).build()).build()));
  }

  private static void put(DynamoDbClient client, String table, String pk, String owner) {
    client.putItem(r -> r.tableName(table).item(item("pk", pk, "sk", "1", "owner", owner, "date", "2024")));
  }

  private static List<String> keys(DynamoDbClient client, String table) {
    List<String> keys = new ArrayList<>();
    for (String pk : List.of("a", "b", "c")) {
      if (client.getItem(r -> r.tableName(table).key(item("pk", pk, "sk", "1"))).hasItem()) {
        keys.add(pk);
      }
    }
    return keys;
  }

  private static String backup(DynamoDbClient client, String table, String name) {
    return client.createBackup(r -> r.tableName(table).backupName(name)).backupDetails().backupArn();
  }

  @Test
  void createDescribeListAndDeleteABackup() {
    ManualClock clock = DynamoClock.manual(START);
    try (DynamoDouble dynamo = DynamoDouble.builder().clock(clock).start(); DynamoDbClient client = SdkTestSupport.client(dynamo)) {
      createIndexedTable(client, "orders");
      put(client, "orders", "a", "o1");
      put(client, "orders", "b", "o2");
      clock.advance(Duration.ofMillis(1500));
      long size = client.describeTable(r -> r.tableName("orders")).table().tableSizeBytes();

      BackupDetails created = client.createBackup(r -> r.tableName("orders").backupName("nightly")).backupDetails();
      assertThat(created.backupStatus()).isEqualTo(BackupStatus.CREATING);
      assertThat(created.backupType()).isEqualTo(BackupType.USER);
      assertThat(created.backupName()).isEqualTo("nightly");
      assertThat(created.backupCreationDateTime()).isEqualTo(START.plusMillis(1500));
      assertThat(created.backupSizeBytes()).isEqualTo(size);
      assertThat(created.backupExpiryDateTime()).isNull();
      assertThat(created.backupArn()).matches("arn:aws:dynamodb:us-east-1:000000000000:table/orders/backup/"
          + String.format("%014d", START.plusMillis(1500).toEpochMilli()) + "-[0-9a-f]{8}");

      BackupDescription described = client.describeBackup(r -> r.backupArn(created.backupArn())).backupDescription();
      assertThat(described.backupDetails().backupStatus()).isEqualTo(BackupStatus.AVAILABLE);
      assertThat(described.sourceTableDetails().tableName()).isEqualTo("orders");
      assertThat(described.sourceTableDetails().itemCount()).isEqualTo(2);
      assertThat(described.sourceTableDetails().tableSizeBytes()).isEqualTo(size);
      assertThat(described.sourceTableDetails().billingMode()).isEqualTo(BillingMode.PROVISIONED);
      assertThat(described.sourceTableDetails().provisionedThroughput().readCapacityUnits()).isEqualTo(5);
      assertThat(described.sourceTableDetails().keySchema()).containsExactly(key("pk", KeyType.HASH), key("sk", KeyType.RANGE));
      assertThat(described.sourceTableDetails().tableCreationDateTime()).isEqualTo(START);
      assertThat(described.sourceTableFeatureDetails().globalSecondaryIndexes()).singleElement()
          .satisfies(gsi -> {
            assertThat(gsi.indexName()).isEqualTo("byOwner");
            assertThat(gsi.provisionedThroughput().writeCapacityUnits()).isEqualTo(5);
          });
      assertThat(described.sourceTableFeatureDetails().localSecondaryIndexes()).singleElement()
          .satisfies(lsi -> assertThat(lsi.projection().projectionType()).isEqualTo(ProjectionType.KEYS_ONLY));

      // Names are not unique: a second backup of the same name is another backup.
      String second = backup(client, "orders", "nightly");
      assertThat(second).isNotEqualTo(created.backupArn());
      List<BackupSummary> listed = client.listBackups(r -> r.tableName("orders")).backupSummaries();
      assertThat(listed).extracting(BackupSummary::backupArn).containsExactly(created.backupArn(), second);
      assertThat(listed.get(0).backupStatus()).isEqualTo(BackupStatus.AVAILABLE);
      assertThat(listed.get(0).tableArn()).isEqualTo("arn:aws:dynamodb:us-east-1:000000000000:table/orders");

      BackupDescription deleted = client.deleteBackup(r -> r.backupArn(created.backupArn())).backupDescription();
      assertThat(deleted.backupDetails().backupStatus()).isEqualTo(BackupStatus.DELETED);
      assertError(() -> client.describeBackup(r -> r.backupArn(created.backupArn())), "BackupNotFoundException",
          "Backup not found: " + created.backupArn());
      assertError(() -> client.deleteBackup(r -> r.backupArn(created.backupArn())), "BackupNotFoundException",
          "Backup not found: " + created.backupArn());
      assertThat(client.listBackups(r -> r.tableName("orders")).backupSummaries()).extracting(BackupSummary::backupArn)
          .containsExactly(second);
    }
  }

  @Test
  void aBackupIsTheTableAtThatMomentAndOutlivesItsTable() {
    ManualClock clock = DynamoClock.manual(START);
    try (DynamoDouble dynamo = DynamoDouble.builder().clock(clock).start(); DynamoDbClient client = SdkTestSupport.client(dynamo)) {
      createIndexedTable(client, "orders");
      put(client, "orders", "a", "o1");
      String arn = backup(client, "orders", "before");
      put(client, "orders", "b", "o1");
      client.deleteItem(r -> r.tableName("orders").key(item("pk", "a", "sk", "1")));
      client.deleteTable(r -> r.tableName("orders"));
      clock.advance(Duration.ofSeconds(1));
      assertThat(client.listTables().tableNames()).isEmpty();

      assertThat(client.describeBackup(r -> r.backupArn(arn)).backupDescription().backupDetails().backupStatus())
          .isEqualTo(BackupStatus.AVAILABLE);
      assertThat(client.listBackups(r -> r.tableName("orders")).backupSummaries()).hasSize(1);
      TableDescription restored = client.restoreTableFromBackup(r -> r.backupArn(arn).targetTableName("orders-restored"))
          .tableDescription();
      assertThat(restored.tableStatus()).isEqualTo(TableStatus.CREATING);
      assertThat(restored.restoreSummary().sourceBackupArn()).isEqualTo(arn);
      assertThat(restored.restoreSummary().sourceTableArn()).isEqualTo("arn:aws:dynamodb:us-east-1:000000000000:table/orders");
      assertThat(restored.restoreSummary().restoreInProgress()).isTrue();

      TableDescription active = client.describeTable(r -> r.tableName("orders-restored")).table();
      assertThat(active.tableStatus()).isEqualTo(TableStatus.ACTIVE);
      assertThat(active.restoreSummary()).isNull();
      assertThat(active.itemCount()).isEqualTo(1);
      // An always-provisioned table carries no BillingModeSummary (see DescribeTableTest).
      assertThat(active.billingModeSummary()).isNull();
      assertThat(active.provisionedThroughput().readCapacityUnits()).isEqualTo(5);
      assertThat(active.globalSecondaryIndexes()).singleElement().satisfies(gsi -> assertThat(gsi.itemCount()).isEqualTo(1));
      assertThat(active.localSecondaryIndexes()).singleElement().satisfies(lsi -> assertThat(lsi.itemCount()).isEqualTo(1));
      assertThat(keys(client, "orders-restored")).containsExactly("a");
    }
  }

  @Test
  void restoreOverridesBillingIndexesAndEncryption() {
    ManualClock clock = DynamoClock.manual(START);
    try (DynamoDouble dynamo = DynamoDouble.builder().clock(clock).start(); DynamoDbClient client = SdkTestSupport.client(dynamo)) {
      createIndexedTable(client, "orders");
      put(client, "orders", "a", "o1");
      String arn = backup(client, "orders", "bk1");

      client.restoreTableFromBackup(r -> r.backupArn(arn).targetTableName("on-demand")
          .billingModeOverride(BillingMode.PAY_PER_REQUEST));
      TableDescription onDemand = client.describeTable(r -> r.tableName("on-demand")).table();
      assertThat(onDemand.billingModeSummary().billingMode()).isEqualTo(BillingMode.PAY_PER_REQUEST);
      assertThat(onDemand.globalSecondaryIndexes().get(0).provisionedThroughput().readCapacityUnits()).isZero();

      client.restoreTableFromBackup(r -> r.backupArn(arn).targetTableName("bigger")
          .provisionedThroughputOverride(ProvisionedThroughput.builder().readCapacityUnits(50L).writeCapacityUnits(20L).build()));
      assertThat(client.describeTable(r -> r.tableName("bigger")).table().provisionedThroughput().readCapacityUnits()).isEqualTo(50);

      client.restoreTableFromBackup(r -> r.backupArn(arn).targetTableName("bare")
          .globalSecondaryIndexOverride(List.of()).localSecondaryIndexOverride(List.of()));
      TableDescription bare = client.describeTable(r -> r.tableName("bare")).table();
      assertThat(bare.hasGlobalSecondaryIndexes()).isFalse();
      assertThat(bare.hasLocalSecondaryIndexes()).isFalse();
      assertThat(bare.itemCount()).isEqualTo(1);

      client.restoreTableFromBackup(r -> r.backupArn(arn).targetTableName("renamed")
          .globalSecondaryIndexOverride(GlobalSecondaryIndex.builder().indexName("byCustomer")
              .keySchema(key("owner", KeyType.HASH)).provisionedThroughput(FIVE)
              .projection(Projection.builder().projectionType(ProjectionType.ALL).build()).build()));
      TableDescription renamed = client.describeTable(r -> r.tableName("renamed")).table();
      assertThat(renamed.globalSecondaryIndexes()).singleElement().satisfies(gsi -> {
        assertThat(gsi.indexName()).isEqualTo("byCustomer");
        assertThat(gsi.itemCount()).isEqualTo(1);
      });
      assertThat(renamed.localSecondaryIndexes()).hasSize(1);
      assertThat(dynamo.engine().region("us-east-1").find("renamed").snapshot().index("byCustomer").itemCount()).isEqualTo(1);

      client.restoreTableFromBackup(r -> r.backupArn(arn).targetTableName("encrypted")
          .sseSpecificationOverride(s -> s.enabled(true).sseType(SSEType.KMS).kmsMasterKeyId("1234abcd-12ab-34cd-56ef-1234567890ab")));
      TableDescription encrypted = client.describeTable(r -> r.tableName("encrypted")).table();
      assertThat(encrypted.sseDescription().sseType()).isEqualTo(SSEType.KMS);
      assertThat(encrypted.sseDescription().kmsMasterKeyArn())
          .isEqualTo("arn:aws:kms:us-east-1:000000000000:key/1234abcd-12ab-34cd-56ef-1234567890ab");
      // A backup of the encrypted table records it, and its restore inherits it.
      String encryptedBackup = backup(client, "encrypted", "enc");
      assertThat(client.describeBackup(r -> r.backupArn(encryptedBackup)).backupDescription().sourceTableFeatureDetails()
          .sseDescription().sseType()).isEqualTo(SSEType.KMS);
      assertThat(client.describeTable(r -> r.tableName("orders")).table().sseDescription()).isNull();

      assertError(() -> client.restoreTableFromBackup(r -> r.backupArn(arn).targetTableName("bad1")
              .globalSecondaryIndexOverride(GlobalSecondaryIndex.builder().indexName("byDate2")
                  .keySchema(key("date", KeyType.HASH)).provisionedThroughput(FIVE)
                  .projection(Projection.builder().projectionType(ProjectionType.ALL).build()).build())),
          "ValidationException", "Invalid Request: Index byDate2 does not match a secondary index that existed in the "
              + "source table and cannot be created during the restore operation");
      assertError(() -> client.restoreTableFromBackup(r -> r.backupArn(arn).targetTableName("bad2")
              .billingModeOverride(BillingMode.PAY_PER_REQUEST).provisionedThroughputOverride(FIVE)),
          "ValidationException",
          "Invalid Request: Cannot override ProvisionedThroughput if BillingMode is overridden to PAY_PER_REQUEST");
      assertError(() -> client.restoreTableFromBackup(r -> r.backupArn(arn).targetTableName("bad3")
              .billingModeOverride(BillingMode.PROVISIONED)),
          "ValidationException", "Invalid Request: Must override ProvisionedThroughput if BillingMode is overridden to PROVISIONED");
      assertError(() -> client.restoreTableFromBackup(r -> r.backupArn(arn).targetTableName("bad4")
              .sseSpecificationOverride(s -> s.enabled(false).sseType(SSEType.KMS))),
          "ValidationException", "One or more parameter values were invalid: SSEType can not be specified if Enabled is false");
      assertError(() -> client.restoreTableFromBackup(r -> r.backupArn(arn).targetTableName("bad5")
              .provisionedThroughputOverride(ProvisionedThroughput.builder().readCapacityUnits(0L).writeCapacityUnits(1L).build())),
          "ValidationException", "1 validation error detected: Value '0' at 'provisionedThroughputOverride.readCapacityUnits' "
              + "failed to satisfy constraint: Member must have value greater than or equal to 1");
      assertThat(client.listTables().tableNames()).doesNotContain("bad1", "bad2", "bad3", "bad4", "bad5");
    }
  }

  @Test
  void restoresAndDeletesAreRefusedWhileTheBackupFeedsARestore() {
    ManualClock clock = DynamoClock.manual(START);
    try (DynamoDouble dynamo = DynamoDouble.builder().clock(clock).statusDelay(Duration.ofMinutes(3)).start();
         DynamoDbClient client = SdkTestSupport.client(dynamo)) {
      SdkTestSupport.createTable(client, "orders", "pk", null);
      clock.advance(Duration.ofMinutes(3));
      client.putItem(r -> r.tableName("orders").item(item("pk", "a")));
      String arn = backup(client, "orders", "bk1");

      client.restoreTableFromBackup(r -> r.backupArn(arn).targetTableName("copy"));
      assertThat(client.describeTable(r -> r.tableName("copy")).table().restoreSummary().restoreInProgress()).isTrue();
      assertError(() -> client.restoreTableFromBackup(r -> r.backupArn(arn).targetTableName("copy2")),
          "BackupInUseException", "Backup is being used to restore another table: " + arn);
      assertError(() -> client.deleteBackup(r -> r.backupArn(arn)), "BackupInUseException",
          "Backup is being used to restore table: " + arn);
      String other = backup(client, "orders", "bk2");
      assertError(() -> client.restoreTableFromBackup(r -> r.backupArn(other).targetTableName("copy")),
          "TableInUseException", "Table: copy is already being restored from backup: " + arn);
      assertError(() -> client.restoreTableFromBackup(r -> r.backupArn(other).targetTableName("orders")),
          "TableAlreadyExistsException", "Table already exists: orders");
      assertError(() -> client.getItem(r -> r.tableName("copy").key(item("pk", "a"))), "ResourceNotFoundException", null);

      clock.advance(Duration.ofMinutes(3));
      TableDescription active = client.describeTable(r -> r.tableName("copy")).table();
      assertThat(active.tableStatus()).isEqualTo(TableStatus.ACTIVE);
      assertThat(active.restoreSummary()).isNull();
      assertThat(client.getItem(r -> r.tableName("copy").key(item("pk", "a"))).item()).isEqualTo(item("pk", "a"));
      client.restoreTableFromBackup(r -> r.backupArn(arn).targetTableName("copy2"));
      clock.advance(Duration.ofMinutes(3));
      client.deleteBackup(r -> r.backupArn(arn));
    }
  }

  @Test
  void backupOperationsValidateLikeDynamoDb() {
    ManualClock clock = DynamoClock.manual(START);
    try (DynamoDouble dynamo = DynamoDouble.builder().clock(clock).statusDelay(Duration.ofSeconds(5)).start();
         DynamoDbClient client = SdkTestSupport.client(dynamo)) {
      assertError(() -> backup(client, "missing", "bk1"), "TableNotFoundException", "Table not found: missing");
      SdkTestSupport.createTable(client, "orders", "pk", null);
      assertError(() -> backup(client, "orders", "bk1"), "TableNotFoundException", "Table not found: orders");
      clock.advance(Duration.ofSeconds(5));
      assertError(() -> backup(client, "orders", "no spaces"), "ValidationException",
          "1 validation error detected: Value 'no spaces' at 'backupName' failed to satisfy constraint: "
              + "Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+");
      assertError(() -> client.createBackup(r -> r.tableName("orders")), "ValidationException",
          "1 validation error detected: Value null at 'backupName' failed to satisfy constraint: Member must not be null");

      String tableArn = "arn:aws:dynamodb:us-east-1:000000000000:table/orders";
      assertError(() -> client.describeBackup(r -> r.backupArn(tableArn + "/stream/2024")), "ValidationException",
          "Invalid Backup ARN");
      assertError(() -> client.describeBackup(r -> r.backupArn("short")), "ValidationException",
          "1 validation error detected: Value 'short' at 'backupArn' failed to satisfy constraint: "
              + "Member must have length greater than or equal to 37");
      String unknown = tableArn + "/backup/01709287200000-deadbeef";
      assertError(() -> client.describeBackup(r -> r.backupArn(unknown)), "BackupNotFoundException", "Backup not found: " + unknown);
      assertError(() -> client.restoreTableFromBackup(r -> r.backupArn(unknown).targetTableName("copy")),
          "BackupNotFoundException", "Backup not found: " + unknown);
      assertError(() -> client.restoreTableFromBackup(r -> r.backupArn(unknown)), "ValidationException",
          "1 validation error detected: Value null at 'targetTableName' failed to satisfy constraint: Member must not be null");

      // DynamoDB matches a backup ARN on table and id, not on its region.
      String arn = backup(client, "orders", "bk1");
      String otherRegion = arn.replace(":us-east-1:", ":eu-west-1:");
      assertThat(client.describeBackup(r -> r.backupArn(otherRegion)).backupDescription().backupDetails().backupArn())
          .isEqualTo(arn);
      assertError(() -> client.restoreTableFromBackup(r -> r.backupArn(otherRegion).targetTableName("copy")),
          "ValidationException", "Invalid Request: sseSpecificationOverride must be provided for cross-region restores");
    }
  }

  @Test
  void aBackupRestoresIntoAnotherRegionWithAnEncryptionOverride() {
    ManualClock clock = DynamoClock.manual(START);
    try (DynamoDouble dynamo = DynamoDouble.builder().clock(clock).start();
         DynamoDbClient west = SdkTestSupport.client(dynamo, "us-west-2");
         DynamoDbClient east = SdkTestSupport.client(dynamo, "us-east-1")) {
      SdkTestSupport.createTable(west, "orders", "pk", null);
      west.putItem(r -> r.tableName("orders").item(item("pk", "a")));
      String arn = backup(west, "orders", "bk1");
      assertError(() -> east.describeBackup(r -> r.backupArn(arn)), "BackupNotFoundException", "Backup not found: " + arn);
      east.restoreTableFromBackup(r -> r.backupArn(arn).targetTableName("orders").sseSpecificationOverride(s -> s.enabled(true)));
      TableDescription copy = east.describeTable(r -> r.tableName("orders")).table();
      assertThat(copy.tableArn()).isEqualTo("arn:aws:dynamodb:us-east-1:000000000000:table/orders");
      assertThat(copy.itemCount()).isEqualTo(1);
      assertThat(copy.sseDescription().kmsMasterKeyArn()).startsWith("arn:aws:kms:us-east-1:000000000000:key/");
    }
  }

  @Test
  void listBackupsFiltersByTableTimeAndTypeAndPages() {
    ManualClock clock = DynamoClock.manual(START);
    try (DynamoDouble dynamo = DynamoDouble.builder().clock(clock).start(); DynamoDbClient client = SdkTestSupport.client(dynamo)) {
      SdkTestSupport.createTable(client, "alpha", "pk", null);
      SdkTestSupport.createTable(client, "beta", "pk", null);
      List<String> alpha = new ArrayList<>();
      List<String> all = new ArrayList<>();
      for (int i = 0; i < 5; i++) {
        clock.advance(Duration.ofMinutes(1));
        String a = backup(client, "alpha", "alpha" + i);
        alpha.add(a);
        all.add(a);
        all.add(backup(client, "beta", "beta" + i));
      }
      assertThat(client.listBackups().backupSummaries()).extracting(BackupSummary::backupArn).containsExactlyElementsOf(all);
      assertThat(client.listBackups(r -> r.tableName("alpha")).backupSummaries()).extracting(BackupSummary::backupArn)
          .containsExactlyElementsOf(alpha);
      assertThat(client.listBackups(r -> r.tableName("arn:aws:dynamodb:us-east-1:000000000000:table/alpha"))
          .backupSummaries()).hasSize(5);

      // [lower, upper): the lower bound is included, the upper one is not.
      Instant second = START.plus(Duration.ofMinutes(2));
      Instant fourth = START.plus(Duration.ofMinutes(4));
      assertThat(client.listBackups(r -> r.tableName("alpha").timeRangeLowerBound(second).timeRangeUpperBound(fourth))
          .backupSummaries()).extracting(BackupSummary::backupArn).containsExactly(alpha.get(1), alpha.get(2));

      List<String> paged = new ArrayList<>();
      String start = null;
      int pages = 0;
      do {
        String from = start;
        ListBackupsResponse page = client.listBackups(r -> r.limit(3).exclusiveStartBackupArn(from));
        page.backupSummaries().forEach(s -> paged.add(s.backupArn()));
        start = page.lastEvaluatedBackupArn();
        pages++;
      } while (start != null);
      assertThat(paged).containsExactlyElementsOf(all);
      assertThat(pages).isEqualTo(4);
      ListBackupsResponse exact = client.listBackups(r -> r.tableName("alpha").limit(5));
      assertThat(exact.backupSummaries()).hasSize(5);
      assertThat(exact.lastEvaluatedBackupArn()).isNull();

      // A deleted backup's ARN still works as a cursor.
      client.deleteBackup(r -> r.backupArn(alpha.get(1)));
      assertThat(client.listBackups(r -> r.tableName("alpha").exclusiveStartBackupArn(alpha.get(1))).backupSummaries())
          .extracting(BackupSummary::backupArn).containsExactly(alpha.get(2), alpha.get(3), alpha.get(4));

      assertThat(client.listBackups(r -> r.backupType(BackupTypeFilter.SYSTEM)).backupSummaries()).isEmpty();
      assertThat(client.listBackups(r -> r.backupType(BackupTypeFilter.AWS_BACKUP)).backupSummaries()).isEmpty();
      assertThat(client.listBackups(r -> r.backupType(BackupTypeFilter.ALL)).backupSummaries()).hasSize(9);
      assertThat(client.listBackups(r -> r.tableName("nonexistent")).backupSummaries()).isEmpty();

      assertError(() -> client.listBackups(r -> r.limit(101)), "ValidationException",
          "1 validation error detected: Value '101' at 'limit' failed to satisfy constraint: "
              + "Member must have value less than or equal to 100");
      assertError(() -> client.listBackups(r -> r.timeRangeLowerBound(fourth).timeRangeUpperBound(second)),
          "ValidationException",
          "One or more parameter values were invalid: Time range lower bound must be less than or equal to upper bound");
      assertError(() -> client.listBackups(r -> r.backupType("user")), "ValidationException",
          "1 validation error detected: Value 'user' at 'backupType' failed to satisfy constraint: "
              + "Member must satisfy enum value set: [USER, SYSTEM, AWS_BACKUP, ALL]");
      String swapped = alpha.get(0).replace(":us-east-1:", ":eu-west-1:");
      assertError(() -> client.listBackups(r -> r.exclusiveStartBackupArn(swapped)), "ValidationException",
          "Invalid Request: The supplied ExclusiveStartBackupArn does not match the region");

      Map<String, Long> byTable = client.listBackups(r -> r.backupType(BackupTypeFilter.ALL)).backupSummaries().stream()
          .collect(Collectors.groupingBy(BackupSummary::tableName, Collectors.counting()));
      assertThat(byTable).containsEntry("alpha", 4L).containsEntry("beta", 5L);
    }
  }

  @Test
  void aBackupOfAnEmptyTableRestoresAnEmptyTable() {
    ManualClock clock = DynamoClock.manual(START);
    try (DynamoDouble dynamo = DynamoDouble.builder().clock(clock).start(); DynamoDbClient client = SdkTestSupport.client(dynamo)) {
      SdkTestSupport.createTable(client, "empty", "pk", "sk");
      String arn = backup(client, "empty", "bkp");
      assertThat(client.describeBackup(r -> r.backupArn(arn)).backupDescription().backupDetails().backupSizeBytes()).isZero();
      client.restoreTableFromBackup(r -> r.backupArn(arn).targetTableName("empty2"));
      TableDescription copy = client.describeTable(r -> r.tableName("empty2")).table();
      assertThat(copy.itemCount()).isZero();
      assertThat(copy.keySchema()).extracting(KeySchemaElement::attributeName).containsExactly("pk", "sk");
      client.putItem(r -> r.tableName("empty2").item(Map.of("pk", AttributeValue.fromS("x"), "sk", AttributeValue.fromS("y"))));
      assertThat(client.describeTable(r -> r.tableName("empty")).table().itemCount()).isZero();
    }
  }
}
