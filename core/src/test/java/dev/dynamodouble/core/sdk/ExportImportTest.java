package dev.dynamodouble.core.sdk;

import static dev.dynamodouble.core.sdk.SdkTestSupport.attr;
import static dev.dynamodouble.core.sdk.SdkTestSupport.hash;
import static dev.dynamodouble.core.sdk.SdkTestSupport.item;
import static dev.dynamodouble.core.sdk.SdkTestSupport.n;
import static dev.dynamodouble.core.sdk.SdkTestSupport.range;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dynamodouble.core.DynamoDouble;
import dev.dynamodouble.core.time.DynamoClock;
import dev.dynamodouble.core.time.ManualClock;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.ExportDescription;
import software.amazon.awssdk.services.dynamodb.model.ExportFormat;
import software.amazon.awssdk.services.dynamodb.model.ExportStatus;
import software.amazon.awssdk.services.dynamodb.model.ExportType;
import software.amazon.awssdk.services.dynamodb.model.ExportViewType;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.ImportStatus;
import software.amazon.awssdk.services.dynamodb.model.ImportTableDescription;
import software.amazon.awssdk.services.dynamodb.model.InputCompressionType;
import software.amazon.awssdk.services.dynamodb.model.InputFormat;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TableCreationParameters;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;

/** Exports and imports through the SDK over the endpoint, on a manual clock, with a temporary S3 stand-in. */
class ExportImportTest {
  static final Instant START = Instant.parse("2024-06-01T08:00:00Z");

  @TempDir
  Path s3;

  /** A table with every attribute type, a sort key and a GSI; PITR enabled; an hour of history. */
  static void fill(DynamoDbClient client, ManualClock clock) {
    client.createTable(r -> r.tableName("orders").billingMode(BillingMode.PAY_PER_REQUEST)
        .keySchema(hash("pk"), range("sk"))
        .attributeDefinitions(attr("pk", ScalarAttributeType.S), attr("sk", ScalarAttributeType.N),
            attr("status", ScalarAttributeType.S))
        .globalSecondaryIndexes(GlobalSecondaryIndex.builder().indexName("byStatus").keySchema(hash("status"))
            .projection(p -> p.projectionType(ProjectionType.ALL)).build()));
    client.updateContinuousBackups(r -> r.tableName("orders")
        .pointInTimeRecoverySpecification(s -> s.pointInTimeRecoveryEnabled(true)));
    clock.advance(Duration.ofMinutes(1));
    for (int i = 0; i < 30; i++) {
      Map<String, AttributeValue> row = row(Integer.toString(i % 7), i);
      client.putItem(r -> r.tableName("orders").item(row));
    }
    client.putItem(r -> r.tableName("orders").item(item("pk", "odd", "sk", n("-1.5e-3"),
        "quote", "a \"quoted\" 'text'\n\ttab \u00e9\u4e2d\ud83d\ude00", "empty", "", "nul", AttributeValue.fromNul(true),
        "nested", AttributeValue.fromM(Map.of("deep", AttributeValue.fromL(List.of(n("1e30"),
            AttributeValue.fromBool(false), AttributeValue.fromM(Map.of("weird key!", n("0"))))))),
        "bs", AttributeValue.fromBs(List.of(SdkBytes.fromByteArray(new byte[] {0, 1}), SdkBytes.fromByteArray(new byte[] {-1}))),
        "null", n("12345678901234567890123456789012345678"))));
    clock.advance(Duration.ofHours(1));
  }

  static Map<String, AttributeValue> row(String pk, int i) {
    return item("pk", pk, "sk", n(Integer.toString(i)), "status", i % 3 == 0 ? "open" : "closed",
        "total", n(i + ".25"), "tags", AttributeValue.fromSs(List.of("a" + i, "b")),
        "sizes", AttributeValue.fromNs(List.of("1", Integer.toString(i + 2))),
        "blob", AttributeValue.fromB(SdkBytes.fromByteArray(new byte[] {(byte) i, 2, 3})), "paid", AttributeValue.fromBool(i % 2 == 0));
  }

  static List<Map<String, AttributeValue>> scan(DynamoDbClient client, String table) {
    List<Map<String, AttributeValue>> items = new ArrayList<>(client.scanPaginator(r -> r.tableName(table)).items().stream().toList());
    items.sort(Comparator.comparing(i -> i.get("pk").s() + "/" + i.get("sk").n()));
    return items;
  }

  static TableCreationParameters ordersLike(String name) {
    return TableCreationParameters.builder().tableName(name).billingMode(BillingMode.PAY_PER_REQUEST)
        .keySchema(hash("pk"), range("sk"))
        .attributeDefinitions(attr("pk", ScalarAttributeType.S), attr("sk", ScalarAttributeType.N),
            attr("status", ScalarAttributeType.S))
        .globalSecondaryIndexes(GlobalSecondaryIndex.builder().indexName("byStatus").keySchema(hash("status"))
            .projection(p -> p.projectionType(ProjectionType.ALL)).build()).build();
  }

  static List<String> gunzipLines(Path file) throws IOException {
    try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      return text.isEmpty() ? List.of() : List.of(text.split("\n"));
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"DYNAMODB_JSON", "ION"})
  void aFullExportImportsBackIntoAnEqualTable(String format) throws Exception {
    ManualClock clock = DynamoClock.manual(START);
    Files.createDirectories(s3.resolve("backups"));
    try (DynamoDouble dynamo = DynamoDouble.builder().clock(clock).s3Directory(s3).start();
         DynamoDbClient client = SdkTestSupport.client(dynamo)) {
      fill(client, clock);
      String tableArn = client.describeTable(r -> r.tableName("orders")).table().tableArn();
      Instant exportTime = clock.now().minus(Duration.ofMinutes(30));
      ExportDescription started = client.exportTableToPointInTime(r -> r.tableArn(tableArn).s3Bucket("backups")
          .s3Prefix("nightly").exportFormat(format).exportTime(exportTime)).exportDescription();
      assertThat(started.exportStatus()).isEqualTo(ExportStatus.IN_PROGRESS);
      assertThat(started.exportArn()).matches("arn:aws:dynamodb:us-east-1:000000000000:table/orders/export/\\d{14}-[0-9a-f]{8}");
      assertThat(started.exportTime()).isEqualTo(exportTime);
      assertThat(started.exportType()).isEqualTo(ExportType.FULL_EXPORT);
      client.deleteItem(r -> r.tableName("orders").key(item("pk", "0", "sk", n("0")))); // after ExportTime: not exported

      ExportDescription done = client.describeExport(r -> r.exportArn(started.exportArn())).exportDescription();
      assertThat(done.exportStatus()).isEqualTo(ExportStatus.COMPLETED);
      assertThat(done.itemCount()).isEqualTo(31);
      String root = "nightly/AWSDynamoDB/" + started.exportArn().substring(started.exportArn().lastIndexOf('/') + 1) + "/";
      assertThat(done.exportManifest()).isEqualTo(root + "manifest-summary.json");
      Path bucket = s3.resolve("backups");
      assertThat(bucket.resolve(root + "_started")).exists();
      String summary = Files.readString(bucket.resolve(root + "manifest-summary.json"));
      assertThat(summary).contains("\"version\":\"2020-06-30\"", "\"exportArn\":\"" + started.exportArn() + "\"",
          "\"itemCount\":31", "\"outputFormat\":\"" + format + "\"", "\"exportTime\":\"2024-06-01T08:31:00.000Z\"",
          "\"manifestFilesS3Key\":\"" + root + "manifest-files.json\"");
      String checksum = Files.readString(bucket.resolve(root + "manifest-summary.checksum"));
      assertThat(checksum).isEqualTo(hex(MessageDigest.getInstance("MD5").digest(summary.getBytes(StandardCharsets.UTF_8))));
      List<String> files = Files.readAllLines(bucket.resolve(root + "manifest-files.json"));
      assertThat(files).hasSize(1);
      String dataKey = files.get(0).replaceAll(".*\"dataFileS3Key\":\"([^\"]+)\".*", "$1");
      assertThat(dataKey).startsWith(root + "data/").endsWith(format.equals("ION") ? ".ion.gz" : ".json.gz");
      byte[] data = Files.readAllBytes(bucket.resolve(dataKey));
      assertThat(files.get(0)).contains("\"itemCount\":31",
          "\"md5Checksum\":\"" + Base64.getEncoder().encodeToString(MessageDigest.getInstance("MD5").digest(data)) + "\"");
      List<String> lines = gunzipLines(bucket.resolve(dataKey));
      assertThat(lines).hasSize(31);
      assertThat(lines).allMatch(format.equals("ION") ? line -> line.startsWith("$ion_1_0 {Item:{")
          : line -> line.startsWith("{\"Item\":{"));

      ImportTableDescription importing = client.importTable(r -> r.s3BucketSource(b -> b.s3Bucket("backups")
              .s3KeyPrefix(root + "data/")).inputFormat(format).inputCompressionType(InputCompressionType.GZIP)
          .tableCreationParameters(ordersLike("orders-copy"))).importTableDescription();
      assertThat(importing.importStatus()).isEqualTo(ImportStatus.IN_PROGRESS);
      assertThat(importing.importArn()).matches("arn:aws:dynamodb:us-east-1:000000000000:table/orders-copy/import/\\d{14}-[0-9a-f]{8}");
      assertThat(importing.tableCreationParameters()).isEqualTo(ordersLike("orders-copy"));

      ImportTableDescription imported = client.describeImport(r -> r.importArn(importing.importArn())).importTableDescription();
      assertThat(imported.importStatus()).isEqualTo(ImportStatus.COMPLETED);
      assertThat(imported.processedItemCount()).isEqualTo(31);
      assertThat(imported.importedItemCount()).isEqualTo(31);
      assertThat(imported.errorCount()).isZero();
      assertThat(imported.processedSizeBytes()).isEqualTo(data.length);
      assertThat(client.describeTable(r -> r.tableName("orders-copy")).table().tableStatus()).isEqualTo(TableStatus.ACTIVE);

      client.putItem(r -> r.tableName("orders").item(row("0", 0))); // back as it was at ExportTime
      assertThat(scan(client, "orders-copy")).isEqualTo(scan(client, "orders"));
      assertThat(client.query(r -> r.tableName("orders-copy").indexName("byStatus").keyConditionExpression("#s = :s")
          .expressionAttributeNames(Map.of("#s", "status")).expressionAttributeValues(Map.of(":s", AttributeValue.fromS("open"))))
          .count()).isEqualTo(10);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"DYNAMODB_JSON", "ION"})
  void anIncrementalExportHoldsTheChangesOfItsPeriod(String format) throws Exception {
    ManualClock clock = DynamoClock.manual(START);
    Files.createDirectories(s3.resolve("cdc"));
    try (DynamoDouble dynamo = DynamoDouble.builder().clock(clock).s3Directory(s3).start();
         DynamoDbClient client = SdkTestSupport.client(dynamo)) {
      fill(client, clock);
      String tableArn = client.describeTable(r -> r.tableName("orders")).table().tableArn();
      Instant from = clock.now();
      clock.advance(Duration.ofMinutes(1));
      client.putItem(r -> r.tableName("orders").item(item("pk", "new", "sk", n("1"), "status", "open")));
      clock.advance(Duration.ofMinutes(1));
      Instant updatedAt = clock.now();
      client.updateItem(r -> r.tableName("orders").key(item("pk", "1", "sk", n("1")))
          .updateExpression("SET #s = :s").expressionAttributeNames(Map.of("#s", "status"))
          .expressionAttributeValues(Map.of(":s", AttributeValue.fromS("shipped"))));
      client.deleteItem(r -> r.tableName("orders").key(item("pk", "2", "sk", n("2"))));
      clock.advance(Duration.ofMinutes(20));
      Instant to = clock.now().minus(Duration.ofMinutes(5));
      client.putItem(r -> r.tableName("orders").item(item("pk", "late", "sk", n("1")))); // after ExportToTime

      for (ExportViewType view : ExportViewType.values()) {
        if (view == ExportViewType.UNKNOWN_TO_SDK_VERSION) {
          continue;
        }
        ExportDescription started = client.exportTableToPointInTime(r -> r.tableArn(tableArn).s3Bucket("cdc")
            .exportFormat(format).exportType(ExportType.INCREMENTAL_EXPORT)
            .incrementalExportSpecification(s -> s.exportFromTime(from).exportToTime(to).exportViewType(view)))
            .exportDescription();
        assertThat(started.incrementalExportSpecification().exportViewType()).isEqualTo(view);
        assertThat(started.exportTime()).isNull();
        ExportDescription done = client.describeExport(r -> r.exportArn(started.exportArn())).exportDescription();
        assertThat(done.exportStatus()).isEqualTo(ExportStatus.COMPLETED);
        assertThat(done.itemCount()).isEqualTo(3);
        String root = "AWSDynamoDB/" + started.exportArn().substring(started.exportArn().lastIndexOf('/') + 1) + "/";
        assertThat(Files.readString(s3.resolve("cdc").resolve(root + "manifest-summary.json")))
            .contains("\"exportType\":\"INCREMENTAL_EXPORT\"", "\"outputView\":\"" + view + "\"");
        String dataKey = Files.readAllLines(s3.resolve("cdc").resolve(root + "manifest-files.json")).get(0)
            .replaceAll(".*\"dataFileS3Key\":\"([^\"]+)\".*", "$1");
        List<String> lines = gunzipLines(s3.resolve("cdc").resolve(dataKey));
        assertThat(lines).hasSize(3);
        boolean old = view == ExportViewType.NEW_AND_OLD_IMAGES;
        long micros = updatedAt.getEpochSecond() * 1_000_000L;
        if (format.equals("DYNAMODB_JSON")) {
          assertThat(lines).containsExactlyInAnyOrder(
              "{\"Metadata\":{\"WriteTimestampMicros\":{\"N\":\"" + (micros - 60_000_000L) + "\"}},"
                  + "\"Keys\":{\"pk\":{\"S\":\"new\"},\"sk\":{\"N\":\"1\"}},"
                  + "\"NewImage\":{\"pk\":{\"S\":\"new\"},\"sk\":{\"N\":\"1\"},\"status\":{\"S\":\"open\"}}}",
              "{\"Metadata\":{\"WriteTimestampMicros\":{\"N\":\"" + micros + "\"}},"
                  + "\"Keys\":{\"pk\":{\"S\":\"2\"},\"sk\":{\"N\":\"2\"}}"
                  + (old ? ",\"OldImage\":" + lines.stream().filter(l -> l.contains("\"OldImage\":{\"pk\":{\"S\":\"2\"}"))
                      .findFirst().map(l -> l.substring(l.indexOf("\"OldImage\":") + 11, l.length() - 1)).orElse("missing") : "")
                  + "}",
              lines.stream().filter(l -> l.contains("shipped")).findFirst().orElse("missing"));
          String update = lines.stream().filter(l -> l.contains("shipped")).findFirst().orElseThrow();
          assertThat(update).startsWith("{\"Metadata\":{\"WriteTimestampMicros\":{\"N\":\"" + micros + "\"}},"
              + "\"Keys\":{\"pk\":{\"S\":\"1\"},\"sk\":{\"N\":\"1\"}},");
          assertThat(update.contains("\"OldImage\":")).isEqualTo(old);
        } else {
          assertThat(lines).allMatch(line -> line.startsWith("$ion_1_0 {Metadata:{WriteTimestampMicros:"));
          assertThat(lines).anyMatch(line -> line.contains("Keys:{pk:\"new\",sk:1.},NewImage:{pk:\"new\",sk:1.,status:\"open\"}}"));
          assertThat(lines.stream().filter(line -> line.contains("OldImage")).count()).isEqualTo(old ? 2 : 0);
        }
      }
    }
  }

  @Test
  void csvImportsTypeKeysByTheirDefinitionsAndCountErrors() throws Exception {
    ManualClock clock = DynamoClock.manual(START);
    Path dir = Files.createDirectories(s3.resolve("landing").resolve("csv"));
    Files.writeString(dir.resolve("part-1.csv"), "pk;sk;status;note\n"
        + "a;1;open;\"semi;colon \"\"quoted\"\"\nsecond line\"\n"
        + "b;2;;plain\n"
        + "c;not-a-number;open;x\n"
        + ";3;open;missing key\n"
        + "d;4;open;x;extra\n");
    Files.writeString(dir.resolve("part-2.csv"), "pk;sk;status;note\ne;5;closed;\n");
    Files.writeString(s3.resolve("landing").resolve("elsewhere.csv"), "pk;sk\nz;9\n"); // outside the prefix
    try (DynamoDouble dynamo = DynamoDouble.builder().clock(clock).s3Directory(s3).start();
         DynamoDbClient client = SdkTestSupport.client(dynamo)) {
      ImportTableDescription started = client.importTable(r -> r.s3BucketSource(b -> b.s3Bucket("landing").s3KeyPrefix("csv/"))
          .inputFormat(InputFormat.CSV).inputFormatOptions(o -> o.csv(c -> c.delimiter(";")))
          .tableCreationParameters(ordersLike("people"))).importTableDescription();
      assertThat(client.describeTable(r -> r.tableName("people")).table().tableStatus()).isEqualTo(TableStatus.ACTIVE);
      ImportTableDescription done = client.describeImport(r -> r.importArn(started.importArn())).importTableDescription();
      assertThat(done.importStatus()).isEqualTo(ImportStatus.COMPLETED);
      assertThat(done.processedItemCount()).isEqualTo(6);
      assertThat(done.importedItemCount()).isEqualTo(3);
      assertThat(done.errorCount()).isEqualTo(3);
      assertThat(done.cloudWatchLogGroupArn()).isEqualTo("arn:aws:logs:us-east-1:000000000000:log-group:/aws-dynamodb/imports:*");
      assertThat(dynamo.engine().transfers().imports().errors(started.importArn())).hasSize(3)
          .anyMatch(e -> e.startsWith("s3://landing/csv/part-1.csv record 4: "))
          .anyMatch(e -> e.contains("the record has 5 fields, the header 4"));
      assertThat(scan(client, "people")).containsExactly(
          item("pk", "a", "sk", n("1"), "status", "open", "note", "semi;colon \"quoted\"\nsecond line"),
          item("pk", "b", "sk", n("2"), "note", "plain"),
          item("pk", "e", "sk", n("5"), "status", "closed"));
    }
  }

  @Test
  void jsonImportsCountMalformedLinesAndReadGzipOrPlainWithAGivenHeaderForCsv() throws Exception {
    ManualClock clock = DynamoClock.manual(START);
    Path dir = Files.createDirectories(s3.resolve("in"));
    ByteArrayOutputStream gz = new ByteArrayOutputStream();
    try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
      out.write(("{\"Item\":{\"pk\":{\"S\":\"a\"},\"sk\":{\"N\":\"1\"}}}\n\n"
          + "{\"Item\":{\"pk\":{\"S\":\"b\"}}}\n" // no sort key
          + "not json\n"
          + "{\"Item\":{\"pk\":{\"S\":\"c\"},\"sk\":{\"N\":\"2\"},\"big\":{\"S\":\"" + "x".repeat(410_000) + "\"}}}\n"
          + "{\"Item\":{\"pk\":{\"S\":\"a\"},\"sk\":{\"N\":\"1\"},\"v\":{\"N\":\"2\"}}}").getBytes(StandardCharsets.UTF_8));
    }
    Files.write(dir.resolve("items.json.gz"), gz.toByteArray());
    Files.writeString(s3.resolve("in").resolve("plain.csv"), "k1,1\nk2,2\n");
    try (DynamoDouble dynamo = DynamoDouble.builder().clock(clock).s3Directory(s3).start();
         DynamoDbClient client = SdkTestSupport.client(dynamo)) {
      String arn = client.importTable(r -> r.s3BucketSource(b -> b.s3Bucket("in").s3KeyPrefix("items"))
          .inputFormat(InputFormat.DYNAMODB_JSON).inputCompressionType(InputCompressionType.GZIP)
          .tableCreationParameters(ordersLike("json-import"))).importTableDescription().importArn();
      ImportTableDescription done = client.describeImport(r -> r.importArn(arn)).importTableDescription();
      assertThat(done.processedItemCount()).isEqualTo(5);
      assertThat(done.importedItemCount()).isEqualTo(2);
      assertThat(done.errorCount()).isEqualTo(3);
      assertThat(scan(client, "json-import")).containsExactly(item("pk", "a", "sk", n("1"), "v", n("2"))); // the last one wins

      String csv = client.importTable(r -> r.s3BucketSource(b -> b.s3Bucket("in").s3KeyPrefix("plain"))
          .inputFormat(InputFormat.CSV).inputFormatOptions(o -> o.csv(c -> c.headerList("pk", "sk")))
          .tableCreationParameters(ordersLike("csv-import"))).importTableDescription().importArn();
      assertThat(client.describeImport(r -> r.importArn(csv)).importTableDescription().importedItemCount()).isEqualTo(2);
      assertThat(scan(client, "csv-import")).containsExactly(item("pk", "k1", "sk", n("1")), item("pk", "k2", "sk", n("2")));

      assertThat(client.listImports(r -> r.pageSize(1)).importSummaryList()).hasSize(1);
      var first = client.listImports(r -> r.pageSize(1));
      assertThat(first.nextToken()).hasSizeGreaterThanOrEqualTo(112);
      var second = client.listImports(r -> r.pageSize(1).nextToken(first.nextToken()));
      assertThat(second.importSummaryList().get(0).importArn()).isEqualTo(csv);
      assertThat(second.nextToken()).isNull();
      assertThat(client.listImports(r -> r.tableArn(done.tableArn())).importSummaryList()).hasSize(1);
    }
  }

  @Test
  void theStatusesFollowTheEngineClockAndTheStatusDelay() throws Exception {
    ManualClock clock = DynamoClock.manual(START);
    Files.createDirectories(s3.resolve("bkt"));
    Files.writeString(s3.resolve("bkt").resolve("x.json"), "{\"Item\":{\"pk\":{\"S\":\"a\"},\"sk\":{\"N\":\"1\"}}}\n");
    try (DynamoDouble dynamo = DynamoDouble.builder().clock(clock).s3Directory(s3).statusDelay(Duration.ofSeconds(30))
        .start(); DynamoDbClient client = SdkTestSupport.client(dynamo)) {
      String arn = client.importTable(r -> r.s3BucketSource(b -> b.s3Bucket("bkt")).inputFormat(InputFormat.DYNAMODB_JSON)
          .tableCreationParameters(ordersLike("tbl"))).importTableDescription().importArn();
      assertThat(client.describeImport(r -> r.importArn(arn)).importTableDescription().importStatus())
          .isEqualTo(ImportStatus.IN_PROGRESS);
      assertThat(client.describeTable(r -> r.tableName("tbl")).table().tableStatus()).isEqualTo(TableStatus.CREATING);
      clock.advance(Duration.ofSeconds(30));
      ImportTableDescription done = client.describeImport(r -> r.importArn(arn)).importTableDescription();
      assertThat(done.importStatus()).isEqualTo(ImportStatus.COMPLETED);
      assertThat(done.endTime()).isEqualTo(START.plusSeconds(30));
      assertThat(client.describeTable(r -> r.tableName("tbl")).table().tableStatus()).isEqualTo(TableStatus.ACTIVE);

      client.updateContinuousBackups(r -> r.tableName("tbl").pointInTimeRecoverySpecification(s -> s.pointInTimeRecoveryEnabled(true)));
      clock.advance(Duration.ofSeconds(1));
      String tableArn = done.tableArn();
      String export = client.exportTableToPointInTime(r -> r.tableArn(tableArn).s3Bucket("bkt").exportFormat(ExportFormat.ION))
          .exportDescription().exportArn();
      assertThat(client.describeExport(r -> r.exportArn(export)).exportDescription().exportStatus())
          .isEqualTo(ExportStatus.IN_PROGRESS);
      clock.advance(Duration.ofSeconds(30));
      assertThat(client.describeExport(r -> r.exportArn(export)).exportDescription().itemCount()).isEqualTo(1);
      assertThat(client.listExports(r -> r.tableArn(tableArn)).exportSummaries()).hasSize(1)
          .allMatch(s -> s.exportStatus() == ExportStatus.COMPLETED && s.exportType() == ExportType.FULL_EXPORT);
    }
  }

  static String hex(byte[] bytes) {
    StringBuilder out = new StringBuilder();
    for (byte b : bytes) {
      out.append(String.format("%02x", b));
    }
    return out.toString();
  }
}
