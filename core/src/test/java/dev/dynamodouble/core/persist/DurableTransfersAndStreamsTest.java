package dev.dynamodouble.core.persist;

import static dev.dynamodouble.core.sdk.SdkTestSupport.attr;
import static dev.dynamodouble.core.sdk.SdkTestSupport.hash;
import static dev.dynamodouble.core.sdk.SdkTestSupport.item;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynamodouble.core.DynamoDouble;
import dev.dynamodouble.core.sdk.SdkTestSupport;
import dev.dynamodouble.core.time.DynamoClock;
import dev.dynamodouble.core.time.ManualClock;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.ExportDescription;
import software.amazon.awssdk.services.dynamodb.model.ExportStatus;
import software.amazon.awssdk.services.dynamodb.model.ImportStatus;
import software.amazon.awssdk.services.dynamodb.model.ImportTableDescription;
import software.amazon.awssdk.services.dynamodb.model.InputFormat;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.model.StreamStatus;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.model.TableCreationParameters;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * Exports, imports, a deleted table's stream and a format-2 directory across a close and a reopen
 * of a data directory, through the real SDK (the first reopen replays the log, the second reads a
 * checkpoint).
 */
class DurableTransfersAndStreamsTest {
  private static final Instant START = Instant.parse("2026-05-01T00:00:00Z");

  @TempDir
  Path dir;
  @TempDir
  Path s3;

  private interface Work {
    void run(ManualClock clock, DynamoDbClient client, DynamoDbStreamsClient streams);
  }

  private List<String> withServer(Duration statusDelay, Work work) {
    ManualClock clock = DynamoClock.manual(START);
    DynamoDouble built = DynamoDouble.builder().clock(clock).s3Directory(s3).statusDelay(statusDelay).build();
    DataDirectory data = DataDirectory.open(dir, built.engine());
    try (DynamoDouble dynamo = built.start(); DynamoDbClient client = SdkTestSupport.client(dynamo);
         DynamoDbStreamsClient streams = SdkTestSupport.streamsClient(dynamo, "us-east-1")) {
      work.run(clock, client, streams);
    } finally {
      data.close();
    }
    return data.notices();
  }

  private void bucket() {
    try {
      Files.createDirectories(s3.resolve("bkt").resolve("in"));
      Files.writeString(s3.resolve("bkt").resolve("in").resolve("rows.csv"), "pk,v\na,1\nb,2\n");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void pitrTable(DynamoDbClient client, ManualClock clock) {
    SdkTestSupport.createTable(client, "src", "pk", null);
    clock.advance(Duration.ofMinutes(1)); // ACTIVE whatever the status delay
    client.updateContinuousBackups(r -> r.tableName("src")
        .pointInTimeRecoverySpecification(p -> p.pointInTimeRecoveryEnabled(true)));
    client.putItem(r -> r.tableName("src").item(item("pk", "x", "v", 1)));
    clock.advance(Duration.ofMinutes(1));
  }

  private static TableCreationParameters target(String name) {
    return TableCreationParameters.builder().tableName(name).billingMode(BillingMode.PAY_PER_REQUEST)
        .keySchema(hash("pk")).attributeDefinitions(attr("pk", ScalarAttributeType.S)).build();
  }

  private static String startImport(DynamoDbClient client, String table) {
    return client.importTable(r -> r.s3BucketSource(b -> b.s3Bucket("bkt").s3KeyPrefix("in/"))
        .inputFormat(InputFormat.CSV).tableCreationParameters(target(table))).importTableDescription().importArn();
  }

  @Test
  void exportAndImportDescriptionsSurviveRestarts() {
    bucket();
    ExportDescription[] export = new ExportDescription[1];
    ImportTableDescription[] imported = new ImportTableDescription[1];
    withServer(Duration.ZERO, (clock, client, streams) -> {
      pitrTable(client, clock);
      String tableArn = client.describeTable(r -> r.tableName("src")).table().tableArn();
      String exportArn = client.exportTableToPointInTime(r -> r.tableArn(tableArn).s3Bucket("bkt").s3Prefix("out")
          .clientToken("nightly")).exportDescription().exportArn();
      String importArn = startImport(client, "copy");
      clock.advance(Duration.ZERO);
      export[0] = client.describeExport(r -> r.exportArn(exportArn)).exportDescription();
      imported[0] = client.describeImport(r -> r.importArn(importArn)).importTableDescription();
      assertThat(export[0].exportStatus()).isEqualTo(ExportStatus.COMPLETED);
      assertThat(imported[0].importStatus()).isEqualTo(ImportStatus.COMPLETED);
    });
    for (int life = 0; life < 2; life++) {
      withServer(Duration.ZERO, (clock, client, streams) -> {
        assertThat(client.describeExport(r -> r.exportArn(export[0].exportArn())).exportDescription())
            .isEqualTo(export[0]);
        assertThat(client.listExports(r -> r.tableArn(export[0].tableArn())).exportSummaries())
            .singleElement().satisfies(s -> assertThat(s.exportArn()).isEqualTo(export[0].exportArn()));
        assertThat(client.describeImport(r -> r.importArn(imported[0].importArn())).importTableDescription())
            .isEqualTo(imported[0]);
        assertThat(client.listImports(r -> r.tableArn(imported[0].tableArn())).importSummaryList())
            .singleElement().satisfies(s -> assertThat(s.importArn()).isEqualTo(imported[0].importArn()));
        assertThat(client.scan(r -> r.tableName("copy")).count()).isEqualTo(2);
        // the same ClientToken still names the same export
        assertThat(client.exportTableToPointInTime(r -> r.tableArn(export[0].tableArn()).s3Bucket("bkt")
            .s3Prefix("out").clientToken("nightly")).exportDescription().exportArn()).isEqualTo(export[0].exportArn());
      });
    }
  }

  @Test
  void anExportOrImportInProgressAtARestartFinishesAfterIt() {
    bucket();
    String[] arns = new String[2];
    Duration delay = Duration.ofSeconds(30);
    withServer(delay, (clock, client, streams) -> {
      pitrTable(client, clock);
      String tableArn = client.describeTable(r -> r.tableName("src")).table().tableArn();
      arns[0] = client.exportTableToPointInTime(r -> r.tableArn(tableArn).s3Bucket("bkt").s3Prefix("out"))
          .exportDescription().exportArn();
      arns[1] = startImport(client, "copy");
    });
    withServer(delay, (clock, client, streams) -> {
      assertThat(client.describeExport(r -> r.exportArn(arns[0])).exportDescription().exportStatus())
          .isEqualTo(ExportStatus.IN_PROGRESS);
      assertThat(client.describeImport(r -> r.importArn(arns[1])).importTableDescription().importStatus())
          .isEqualTo(ImportStatus.IN_PROGRESS);
      assertThat(client.describeTable(r -> r.tableName("copy")).table().tableStatus()).isEqualTo(TableStatus.CREATING);
      clock.advance(delay);
      ExportDescription done = client.describeExport(r -> r.exportArn(arns[0])).exportDescription();
      assertThat(done.exportStatus()).isEqualTo(ExportStatus.COMPLETED);
      assertThat(done.itemCount()).isEqualTo(1);
      assertThat(client.describeImport(r -> r.importArn(arns[1])).importTableDescription().importStatus())
          .isEqualTo(ImportStatus.COMPLETED);
      assertThat(client.describeTable(r -> r.tableName("copy")).table().tableStatus()).isEqualTo(TableStatus.ACTIVE);
      assertThat(client.scan(r -> r.tableName("copy")).count()).isEqualTo(2);
    });
  }

  @Test
  void aDeletedTablesStreamStaysReadableForItsRetentionAcrossRestarts() {
    String[] arn = new String[1];
    withServer(Duration.ZERO, (clock, client, streams) -> {
      client.createTable(r -> r.tableName("gone").billingMode(BillingMode.PAY_PER_REQUEST)
          .attributeDefinitions(attr("pk", ScalarAttributeType.S)).keySchema(hash("pk"))
          .streamSpecification(s -> s.streamEnabled(true).streamViewType(StreamViewType.NEW_IMAGE)));
      client.putItem(r -> r.tableName("gone").item(item("pk", "a")));
      client.putItem(r -> r.tableName("gone").item(item("pk", "b")));
      arn[0] = client.describeTable(r -> r.tableName("gone")).table().latestStreamArn();
      clock.advance(Duration.ofMinutes(1));
      client.deleteTable(r -> r.tableName("gone"));
    });
    for (int life = 0; life < 2; life++) {
      withServer(Duration.ZERO, (clock, client, streams) -> {
        assertThat(client.listTables().tableNames()).isEmpty();
        assertThat(streams.listStreams(r -> r.tableName("gone")).streams())
            .singleElement().satisfies(s -> assertThat(s.streamArn()).isEqualTo(arn[0]));
        var description = streams.describeStream(r -> r.streamArn(arn[0])).streamDescription();
        assertThat(description.streamStatus()).isEqualTo(StreamStatus.DISABLED);
        String shard = description.shards().get(0).shardId();
        String iterator = streams.getShardIterator(r -> r.streamArn(arn[0]).shardId(shard)
            .shardIteratorType(ShardIteratorType.TRIM_HORIZON)).shardIterator();
        assertThat(streams.getRecords(r -> r.shardIterator(iterator)).records())
            .extracting(rec -> rec.dynamodb().keys().get("pk").s()).containsExactly("a", "b");
      });
    }
    withServer(Duration.ZERO, (clock, client, streams) -> {
      clock.advance(Duration.ofHours(25)); // past the 24-hour retention
      assertThatThrownBy(() -> streams.describeStream(r -> r.streamArn(arn[0])))
          .isInstanceOf(ResourceNotFoundException.class);
    });
    withServer(Duration.ZERO, (clock, client, streams) ->
        assertThat(streams.listStreams(r -> r.tableName("gone")).streams()).isEmpty());
  }

  @Test
  void aFormatTwoDirectoryIsMigrated() throws IOException {
    try (InputStream v2 = getClass().getResourceAsStream("/persist/format2/0000000000000001.ddlog")) {
      Files.createDirectories(dir);
      Files.copy(v2, dir.resolve("0000000000000001.ddlog"));
    }
    List<String> notices = withServer(Duration.ZERO, (clock, client, streams) -> {
      assertThat(client.scan(r -> r.tableName("two")).items()).extracting(i -> i.get("pk").s()).containsExactly("b");
      assertThat(client.listBackups().backupSummaries()).singleElement()
          .satisfies(b -> assertThat(b.backupName()).isEqualTo("kept"));
      String arn = client.describeTable(r -> r.tableName("two")).table().latestStreamArn();
      String shard = streams.describeStream(r -> r.streamArn(arn)).streamDescription().shards().get(0).shardId();
      String iterator = streams.getShardIterator(r -> r.streamArn(arn).shardId(shard)
          .shardIteratorType(ShardIteratorType.TRIM_HORIZON)).shardIterator();
      List<Record> records = streams.getRecords(r -> r.shardIterator(iterator)).records();
      assertThat(records).extracting(rec -> rec.eventNameAsString()).containsExactly("INSERT", "INSERT", "REMOVE");
    });
    assertThat(notices).anyMatch(line -> line.startsWith("Migrated ") && line.contains("from format 2 to format 3"));
    try (var files = Files.list(dir)) {
      for (Path segment : files.filter(f -> f.toString().endsWith(".ddlog")).toList()) {
        assertThat(SegmentReader.header(segment).version()).isEqualTo(SegmentFormat.VERSION);
      }
    }
    withServer(Duration.ZERO, (clock, client, streams) ->
        assertThat(client.scan(r -> r.tableName("two")).items()).hasSize(1));
  }
}
