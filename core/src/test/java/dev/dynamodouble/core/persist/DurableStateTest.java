package dev.dynamodouble.core.persist;

import static dev.dynamodouble.core.sdk.SdkTestSupport.attr;
import static dev.dynamodouble.core.sdk.SdkTestSupport.hash;
import static dev.dynamodouble.core.sdk.SdkTestSupport.item;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dynamodouble.core.DynamoDouble;
import dev.dynamodouble.core.sdk.SdkTestSupport;
import dev.dynamodouble.core.time.DynamoClock;
import dev.dynamodouble.core.time.ManualClock;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BackupSummary;
import software.amazon.awssdk.services.dynamodb.model.BackupType;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.ContributorInsightsStatus;
import software.amazon.awssdk.services.dynamodb.model.DestinationStatus;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.SSEType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.model.TableClass;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * What a data directory keeps besides tables and items, through the real SDK, across a close and
 * a reopen (each reopen replays the log, then writes a checkpoint the next reopen reads): table
 * settings, backups, the PITR history, stream records and the manual clock's time.
 */
class DurableStateTest {
  private static final Instant START = Instant.parse("2026-03-01T00:00:00Z");
  private static final String KINESIS = "arn:aws:kinesis:us-east-1:000000000000:stream/audit";

  @TempDir
  Path dir;

  /** What a test does with one server life. */
  private interface Work {
    void run(DynamoDouble dynamo, ManualClock clock, DynamoDbClient client, DynamoDbStreamsClient streams);
  }

  /** Runs {@code work} against a server on a manual clock that starts at START, keeping its data in {@code dir}. */
  private List<String> withServer(Work work) {
    ManualClock clock = DynamoClock.manual(START);
    DynamoDouble built = DynamoDouble.builder().clock(clock).build();
    DataDirectory data = DataDirectory.open(dir, built.engine(), 1024); // small: checkpoints while it runs too
    try (DynamoDouble dynamo = built.start(); DynamoDbClient client = SdkTestSupport.client(dynamo);
         DynamoDbStreamsClient streams = SdkTestSupport.streamsClient(dynamo, "us-east-1")) {
      work.run(dynamo, clock, client, streams);
    } finally {
      data.close();
    }
    return data.notices();
  }

  @Test
  void everyTableSettingSurvivesRestarts() {
    String[] arns = new String[2];
    withServer((dynamo, clock, client, streams) -> {
      client.createTable(r -> r.tableName("orders").billingMode(BillingMode.PAY_PER_REQUEST)
          .attributeDefinitions(attr("pk", ScalarAttributeType.S), attr("g", ScalarAttributeType.S))
          .keySchema(hash("pk"))
          .globalSecondaryIndexes(GlobalSecondaryIndex.builder().indexName("byG").keySchema(hash("g"))
              .projection(p -> p.projectionType(ProjectionType.ALL)).build())
          .sseSpecification(s -> s.enabled(true).sseType(SSEType.KMS).kmsMasterKeyId("1234abcd"))
          .tableClass(TableClass.STANDARD_INFREQUENT_ACCESS).deletionProtectionEnabled(true)
          .streamSpecification(s -> s.streamEnabled(true).streamViewType(StreamViewType.NEW_AND_OLD_IMAGES))
          .tags(t -> t.key("team").value("billing")));
      client.updateTimeToLive(r -> r.tableName("orders").timeToLiveSpecification(t -> t.enabled(true).attributeName("exp")));
      client.updateContinuousBackups(r -> r.tableName("orders")
          .pointInTimeRecoverySpecification(p -> p.pointInTimeRecoveryEnabled(true).recoveryPeriodInDays(10)));
      client.updateContributorInsights(r -> r.tableName("orders").contributorInsightsAction("ENABLE"));
      client.updateContributorInsights(r -> r.tableName("orders").indexName("byG").contributorInsightsAction("ENABLE"));
      client.enableKinesisStreamingDestination(r -> r.tableName("orders").streamArn(KINESIS));
      client.putResourcePolicy(r -> r.resourceArn(describe(client).tableArn()).policy(policy(describe(client).tableArn())));
      clock.advance(Duration.ofMinutes(1));
      arns[0] = describe(client).latestStreamArn();
      arns[1] = describe(client).sseDescription().kmsMasterKeyArn();
    });
    for (int life = 0; life < 2; life++) { // the first reopen replays the log, the second reads a checkpoint
      withServer((dynamo, clock, client, streams) -> {
        assertThat(clock.now()).isEqualTo(START.plus(Duration.ofMinutes(1)));
        TableDescription table = describe(client);
        assertThat(table.sseDescription().sseType()).isEqualTo(SSEType.KMS);
        assertThat(table.sseDescription().kmsMasterKeyArn()).isEqualTo(arns[1]);
        assertThat(table.tableClassSummary().tableClass()).isEqualTo(TableClass.STANDARD_INFREQUENT_ACCESS);
        assertThat(table.deletionProtectionEnabled()).isTrue();
        assertThat(table.streamSpecification().streamViewType()).isEqualTo(StreamViewType.NEW_AND_OLD_IMAGES);
        assertThat(table.latestStreamArn()).isEqualTo(arns[0]);
        assertThat(client.listTagsOfResource(r -> r.resourceArn(table.tableArn())).tags())
            .singleElement().satisfies(t -> assertThat(t.value()).isEqualTo("billing"));
        assertThat(client.describeTimeToLive(r -> r.tableName("orders")).timeToLiveDescription().attributeName())
            .isEqualTo("exp");
        assertThat(client.describeContinuousBackups(r -> r.tableName("orders")).continuousBackupsDescription()
            .pointInTimeRecoveryDescription().recoveryPeriodInDays()).isEqualTo(10);
        assertThat(client.describeContributorInsights(r -> r.tableName("orders")).contributorInsightsStatus())
            .isEqualTo(ContributorInsightsStatus.ENABLED);
        assertThat(client.describeContributorInsights(r -> r.tableName("orders").indexName("byG"))
            .contributorInsightsStatus()).isEqualTo(ContributorInsightsStatus.ENABLED);
        assertThat(client.describeKinesisStreamingDestination(r -> r.tableName("orders")).kinesisDataStreamDestinations())
            .singleElement().satisfies(d -> {
              assertThat(d.streamArn()).isEqualTo(KINESIS);
              assertThat(d.destinationStatus()).isEqualTo(DestinationStatus.ACTIVE);
            });
        assertThat(client.getResourcePolicy(r -> r.resourceArn(table.tableArn())).policy()).contains("dynamodb:GetItem");
      });
    }
  }

  @Test
  void backupsSurviveRestartsAndRestore() {
    withServer((dynamo, clock, client, streams) -> {
      client.createTable(r -> r.tableName("src").billingMode(BillingMode.PAY_PER_REQUEST)
          .attributeDefinitions(attr("pk", ScalarAttributeType.S), attr("g", ScalarAttributeType.S))
          .keySchema(hash("pk")).globalSecondaryIndexes(GlobalSecondaryIndex.builder().indexName("byG")
              .keySchema(hash("g")).projection(p -> p.projectionType(ProjectionType.KEYS_ONLY)).build()));
      client.putItem(r -> r.tableName("src").item(item("pk", "a", "v", 1, "g", "x")));
      client.createBackup(r -> r.tableName("src").backupName("first"));
      client.putItem(r -> r.tableName("src").item(item("pk", "b", "v", 2)));
      clock.advance(Duration.ofSeconds(1));
      String second = client.createBackup(r -> r.tableName("src").backupName("second")).backupDetails().backupArn();
      clock.advance(Duration.ofSeconds(1));
      String dropped = client.createBackup(r -> r.tableName("src").backupName("dropped")).backupDetails().backupArn();
      client.deleteBackup(r -> r.backupArn(dropped));
      SdkTestSupport.createTable(client, "gone", "pk", null);
      client.updateContinuousBackups(r -> r.tableName("gone")
          .pointInTimeRecoverySpecification(p -> p.pointInTimeRecoveryEnabled(true)));
      client.putItem(r -> r.tableName("gone").item(item("pk", "g")));
      client.deleteTable(r -> r.tableName("gone")); // leaves its SYSTEM backup
      assertThat(second).isNotNull();
    });
    for (int life = 0; life < 2; life++) {
      withServer((dynamo, clock, client, streams) -> {
        List<BackupSummary> backups = client.listBackups(r -> r.backupType("ALL")).backupSummaries();
        assertThat(backups).extracting(BackupSummary::backupName)
            .containsExactly("first", "second", "gone$DeletedTableBackup");
        assertThat(backups.get(2).backupType()).isEqualTo(BackupType.SYSTEM);
        String arn = backups.get(1).backupArn();
        assertThat(client.describeBackup(r -> r.backupArn(arn)).backupDescription().sourceTableDetails().itemCount())
            .isEqualTo(2);
      });
    }
    withServer((dynamo, clock, client, streams) -> {
      String first = client.listBackups(r -> r.tableName("src")).backupSummaries().get(0).backupArn();
      client.restoreTableFromBackup(r -> r.backupArn(first).targetTableName("restored"));
      clock.advance(Duration.ofMinutes(1));
      assertThat(client.scan(r -> r.tableName("restored")).items()).containsExactly(item("pk", "a", "v", 1, "g", "x"));
      assertThat(client.query(r -> r.tableName("restored").indexName("byG").keyConditionExpression("g = :g")
          .expressionAttributeValues(Map.of(":g", AttributeValue.fromS("x")))).items()).hasSize(1);
    });
  }

  @Test
  void thePointInTimeHistorySurvivesRestartsToTheSecond() {
    Instant[] between = new Instant[1];
    withServer((dynamo, clock, client, streams) -> {
      SdkTestSupport.createTable(client, "tbl", "pk", null);
      client.updateContinuousBackups(r -> r.tableName("tbl")
          .pointInTimeRecoverySpecification(p -> p.pointInTimeRecoveryEnabled(true)));
      clock.advance(Duration.ofSeconds(10));
      client.putItem(r -> r.tableName("tbl").item(item("pk", "a", "v", 1)));
      clock.advance(Duration.ofSeconds(10));
      between[0] = clock.now();
      clock.advance(Duration.ofSeconds(10));
      client.putItem(r -> r.tableName("tbl").item(item("pk", "a", "v", 2)));
      client.putItem(r -> r.tableName("tbl").item(item("pk", "b", "v", 3)));
      clock.advance(Duration.ofMinutes(10));
      client.putItem(r -> r.tableName("tbl").item(item("pk", "c", "v", 4))); // logs the clock's time
    });
    for (int life = 0; life < 2; life++) {
      String target = "atp" + life;
      withServer((dynamo, clock, client, streams) -> {
        client.restoreTableToPointInTime(r -> r.sourceTableName("tbl").targetTableName(target).restoreDateTime(between[0]));
        clock.advance(Duration.ofMinutes(1));
        assertThat(client.scan(r -> r.tableName(target)).items()).containsExactly(item("pk", "a", "v", 1));
        assertThat(client.describeContinuousBackups(r -> r.tableName("tbl")).continuousBackupsDescription()
            .pointInTimeRecoveryDescription().earliestRestorableDateTime()).isEqualTo(START);
      });
    }
    withServer((dynamo, clock, client, streams) -> { // 40 days on, the history before the window is dropped
      clock.advance(Duration.ofDays(40));
      client.putItem(r -> r.tableName("tbl").item(item("pk", "d", "v", 5)));
    });
    withServer((dynamo, clock, client, streams) -> {
      assertThat(dynamo.engine().region("us-east-1").find("tbl").versions().retainedVersions()).isLessThanOrEqualTo(3);
      assertThat(client.describeContinuousBackups(r -> r.tableName("tbl")).continuousBackupsDescription()
          .pointInTimeRecoveryDescription().earliestRestorableDateTime()).isAfter(clock.now().minus(Duration.ofDays(36)));
    });
  }

  @Test
  void streamRecordsSurviveRestartsAndSequenceNumbersKeepIncreasing() {
    List<String> before = new ArrayList<>();
    String[] shard = new String[2];
    withServer((dynamo, clock, client, streams) -> {
      client.createTable(r -> r.tableName("str").billingMode(BillingMode.PAY_PER_REQUEST)
          .attributeDefinitions(attr("pk", ScalarAttributeType.S)).keySchema(hash("pk"))
          .streamSpecification(s -> s.streamEnabled(true).streamViewType(StreamViewType.NEW_AND_OLD_IMAGES)));
      client.putItem(r -> r.tableName("str").item(item("pk", "a", "v", 1)));
      client.putItem(r -> r.tableName("str").item(item("pk", "a", "v", 2)));
      client.deleteItem(r -> r.tableName("str").key(item("pk", "a")));
      String arn = describe(client, "str").latestStreamArn();
      shard[0] = streams.describeStream(r -> r.streamArn(arn)).streamDescription().shards().get(0).shardId();
      records(streams, arn, shard[0]).forEach(rec -> before.add(rec.eventID() + "/" + rec.dynamodb().sequenceNumber()));
    });
    assertThat(before).hasSize(3);
    for (int life = 0; life < 2; life++) {
      String key = "b" + life;
      withServer((dynamo, clock, client, streams) -> {
        String arn = describe(client, "str").latestStreamArn();
        assertThat(streams.describeStream(r -> r.streamArn(arn)).streamDescription().shards().get(0).shardId())
            .isEqualTo(shard[0]);
        List<Record> records = records(streams, arn, shard[0]);
        assertThat(records.subList(0, 3)).extracting(rec -> rec.eventID() + "/" + rec.dynamodb().sequenceNumber())
            .containsExactlyElementsOf(before);
        assertThat(records.get(1).dynamodb().oldImage()).containsEntry("v", item("v", 1).get("v"));
        client.putItem(r -> r.tableName("str").item(item("pk", key)));
        List<Record> after = records(streams, arn, shard[0]);
        String last = after.get(after.size() - 1).dynamodb().sequenceNumber();
        assertThat(new java.math.BigInteger(last)).isGreaterThan(
            new java.math.BigInteger(records.get(records.size() - 1).dynamodb().sequenceNumber()));
      });
    }
  }

  @Test
  void aFormatOneDirectoryIsMigrated() throws IOException {
    try (InputStream v1 = getClass().getResourceAsStream("/persist/format1/0000000000000001.ddlog")) {
      Files.createDirectories(dir);
      Files.copy(v1, dir.resolve("0000000000000001.ddlog"));
    }
    List<String> notices = withServer((dynamo, clock, client, streams) -> {
      assertThat(client.scan(r -> r.tableName("legacy")).items()).extracting(i -> i.get("pk").s())
          .containsExactlyInAnyOrder("a", "c");
      assertThat(client.query(r -> r.tableName("legacy").indexName("byG").keyConditionExpression("g = :g")
          .expressionAttributeValues(Map.of(":g", AttributeValue.fromS("y")))).items()).hasSize(1);
      assertThat(describe(client, "legacy").latestStreamArn()).isNotNull();
      assertThat(client.describeContinuousBackups(r -> r.tableName("legacy")).continuousBackupsDescription()
          .pointInTimeRecoveryDescription().pointInTimeRecoveryStatusAsString()).isEqualTo("ENABLED");
    });
    assertThat(notices).anyMatch(line -> line.startsWith("Migrated ") && line.contains("from format 1 to format 3"));
    try (var files = Files.list(dir)) {
      for (Path segment : files.filter(f -> f.toString().endsWith(".ddlog")).toList()) {
        assertThat(SegmentReader.header(segment).version()).isEqualTo(SegmentFormat.VERSION);
      }
    }
    withServer((dynamo, clock, client, streams) ->
        assertThat(client.scan(r -> r.tableName("legacy")).items()).hasSize(2));
  }

  private static List<Record> records(DynamoDbStreamsClient streams, String arn, String shardId) {
    String iterator = streams.getShardIterator(r -> r.streamArn(arn).shardId(shardId)
        .shardIteratorType(ShardIteratorType.TRIM_HORIZON)).shardIterator();
    return streams.getRecords(r -> r.shardIterator(iterator)).records();
  }

  private static TableDescription describe(DynamoDbClient client) {
    return describe(client, "orders");
  }

  private static TableDescription describe(DynamoDbClient client, String table) {
    return client.describeTable(r -> r.tableName(table)).table();
  }

  private static String policy(String tableArn) {
    return "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":"
        + "\"arn:aws:iam::000000000000:root\"},\"Action\":\"dynamodb:GetItem\",\"Resource\":\"" + tableArn + "\"}]}";
  }
}
