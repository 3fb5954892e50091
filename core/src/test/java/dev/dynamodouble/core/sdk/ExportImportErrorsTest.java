package dev.dynamodouble.core.sdk;

import static dev.dynamodouble.core.sdk.SdkTestSupport.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dynamodouble.core.DynamoDouble;
import dev.dynamodouble.core.time.DynamoClock;
import dev.dynamodouble.core.time.ManualClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.assertj.core.api.ThrowableAssert;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ExportDescription;
import software.amazon.awssdk.services.dynamodb.model.ExportStatus;
import software.amazon.awssdk.services.dynamodb.model.ExportTableToPointInTimeRequest;
import software.amazon.awssdk.services.dynamodb.model.ExportType;
import software.amazon.awssdk.services.dynamodb.model.ImportStatus;
import software.amazon.awssdk.services.dynamodb.model.ImportTableDescription;
import software.amazon.awssdk.services.dynamodb.model.ImportTableRequest;
import software.amazon.awssdk.services.dynamodb.model.InputCompressionType;
import software.amazon.awssdk.services.dynamodb.model.InputFormat;

/** Export and import errors, table-driven: a request and the exact error DynamoDB's shape gives it. */
class ExportImportErrorsTest {
  static final Instant START = Instant.parse("2024-06-01T08:00:00Z");
  static final String ARN = "arn:aws:dynamodb:us-east-1:000000000000:table/orders";
  static final String NOT_CONFIGURED = " needs the S3 stand-in directory, which is not configured: set "
      + "DynamoDouble.builder().s3Directory(dir) or start the server with --s3-dir DIR (s3://bucket/prefix is then "
      + "DIR/bucket/prefix)";

  @TempDir
  static Path s3;
  static ManualClock clock = DynamoClock.manual(START);
  static DynamoDouble dynamo;
  static DynamoDbClient client;
  static DynamoDouble unconfigured;
  static DynamoDbClient plain;

  @BeforeAll
  static void start() throws Exception {
    Files.createDirectories(s3.resolve("bucket"));
    dynamo = DynamoDouble.builder().clock(clock).s3Directory(s3).start();
    client = SdkTestSupport.client(dynamo);
    SdkTestSupport.createTable(client, "orders", "pk", null);
    SdkTestSupport.createTable(client, "nopitr", "pk", null);
    client.updateContinuousBackups(r -> r.tableName("orders").pointInTimeRecoverySpecification(s -> s.pointInTimeRecoveryEnabled(true)));
    clock.advance(Duration.ofHours(2));
    unconfigured = DynamoDouble.builder().start();
    plain = SdkTestSupport.client(unconfigured);
  }

  @AfterAll
  static void stop() {
    client.close();
    dynamo.close();
    plain.close();
    unconfigured.close();
  }

  static ExportTableToPointInTimeRequest export(Consumer<ExportTableToPointInTimeRequest.Builder> change) {
    ExportTableToPointInTimeRequest.Builder builder = ExportTableToPointInTimeRequest.builder().tableArn(ARN).s3Bucket("bucket");
    change.accept(builder);
    return builder.build();
  }

  static ImportTableRequest importing(Consumer<ImportTableRequest.Builder> change) {
    ImportTableRequest.Builder builder = ImportTableRequest.builder().s3BucketSource(b -> b.s3Bucket("bucket"))
        .inputFormat(InputFormat.DYNAMODB_JSON).tableCreationParameters(ExportImportTest.ordersLike("imported"));
    change.accept(builder);
    return builder.build();
  }

  static Arguments refused(String what, ThrowableAssert.ThrowingCallable call, String code, String message) {
    return Arguments.of(what, call, code, message);
  }

  static Stream<Arguments> errors() {
    Instant earliest = START; // PITR was enabled on a whole second
    Instant now = START.plus(Duration.ofHours(2));
    String missingArn = ARN + "/export/01717228800000-00000000";
    return Stream.of(
        refused("export without the S3 stand-in", () -> plain.exportTableToPointInTime(export(b -> { })),
            "ValidationException", "ExportTableToPointInTime" + NOT_CONFIGURED),
        refused("describe an export without it", () -> plain.describeExport(r -> r.exportArn(missingArn)),
            "ValidationException", "DescribeExport" + NOT_CONFIGURED),
        refused("list exports without it", () -> plain.listExports(r -> { }), "ValidationException", "ListExports" + NOT_CONFIGURED),
        refused("import without it", () -> plain.importTable(importing(b -> { })), "ValidationException", "ImportTable" + NOT_CONFIGURED),
        refused("describe an import without it", () -> plain.describeImport(r -> r.importArn(missingArn)),
            "ValidationException", "DescribeImport" + NOT_CONFIGURED),
        refused("list imports without it", () -> plain.listImports(r -> { }), "ValidationException", "ListImports" + NOT_CONFIGURED),
        refused("a table that does not exist",
            () -> client.exportTableToPointInTime(export(b -> b.tableArn(ARN.replace("orders", "missing")))),
            "TableNotFoundException", "Table not found: missing"),
        refused("a table without PITR", () -> client.exportTableToPointInTime(export(b -> b.tableArn(ARN.replace("orders", "nopitr")))),
            "PointInTimeRecoveryUnavailableException", "Point in time recovery is not enabled for table 'nopitr'"),
        refused("an ExportTime before the window", () -> client.exportTableToPointInTime(export(b -> b.exportTime(START.minusSeconds(1)))),
            "InvalidExportTimeException", "ExportTime '" + START.minusSeconds(1) + "' must be within EarliestRestorableDateTime '"
                + earliest + "' and the current time '" + now + "'"),
        refused("an ExportTime in the future", () -> client.exportTableToPointInTime(export(b -> b.exportTime(now.plusSeconds(60)))),
            "InvalidExportTimeException", "ExportTime '" + now.plusSeconds(60) + "' must be within EarliestRestorableDateTime '"
                + earliest + "' and the current time '" + now + "'"),
        refused("an incremental period under 15 minutes", () -> client.exportTableToPointInTime(export(b -> b
                .exportType(ExportType.INCREMENTAL_EXPORT).incrementalExportSpecification(s -> s.exportFromTime(now.minusSeconds(600))))),
            "InvalidExportTimeException", "The incremental export period from '" + now.minusSeconds(600) + "' to '" + now
                + "' must be at least 15 minutes and at most 24 hours long"),
        refused("an incremental export without ExportFromTime", () -> client.exportTableToPointInTime(export(b -> b
                .exportType(ExportType.INCREMENTAL_EXPORT))),
            "ValidationException", "IncrementalExportSpecification.ExportFromTime is required for an INCREMENTAL_EXPORT"),
        refused("an incremental export with ExportTime", () -> client.exportTableToPointInTime(export(b -> b
                .exportType(ExportType.INCREMENTAL_EXPORT).exportTime(now))),
            "ValidationException", "ExportTime cannot be set for an INCREMENTAL_EXPORT: its period is "
                + "IncrementalExportSpecification's ExportFromTime and ExportToTime"),
        refused("a full export with an incremental specification", () -> client.exportTableToPointInTime(export(b -> b
                .incrementalExportSpecification(s -> s.exportFromTime(now)))),
            "ValidationException", "IncrementalExportSpecification can only be set for an INCREMENTAL_EXPORT"),
        refused("an invalid bucket name", () -> client.exportTableToPointInTime(export(b -> b.s3Bucket("a/b"))),
            "ValidationException", "1 validation error detected: Value 'a/b' at 's3Bucket' failed to satisfy constraint: "
                + "Member must satisfy regular expression pattern: ^[a-z0-9A-Z]+[\\.\\-\\w]*[a-z0-9A-Z]+$"),
        refused("an export format out of the enum", () -> client.exportTableToPointInTime(export(b -> b.exportFormat("CSV"))),
            "ValidationException", "1 validation error detected: Value 'CSV' at 'exportFormat' failed to satisfy constraint: "
                + "Member must satisfy enum value set: [DYNAMODB_JSON, ION]"),
        refused("a TableArn that is no table ARN", () -> client.exportTableToPointInTime(export(b -> b.tableArn("orders"))),
            "ValidationException", "TableArn is not a valid table ARN: orders"),
        refused("an export that does not exist", () -> client.describeExport(r -> r.exportArn(missingArn)),
            "ExportNotFoundException", "Export not found: " + missingArn),
        refused("an import that does not exist", () -> client.describeImport(r -> r.importArn(missingArn)),
            "ImportNotFoundException", "Import not found: " + missingArn),
        refused("a NextToken not from ListExports", () -> client.listExports(r -> r.nextToken("zz")),
            "ValidationException", "Invalid NextToken"),
        refused("ZSTD input", () -> client.importTable(importing(b -> b.inputCompressionType(InputCompressionType.ZSTD))),
            "ValidationException", "InputCompressionType ZSTD is not supported by Dynamo Double: reading Zstandard would need "
                + "a dependency, and its core depends only on Netty, Jackson and SLF4J; use GZIP or NONE"),
        refused("CSV options for JSON input", () -> client.importTable(importing(b -> b.inputFormatOptions(o -> o.csv(c -> c.delimiter(",")))))
            , "ValidationException", "InputFormatOptions can only be given with InputFormat CSV"),
        refused("a CSV delimiter outside the pattern", () -> client.importTable(importing(b -> b.inputFormat(InputFormat.CSV)
                .inputFormatOptions(o -> o.csv(c -> c.delimiter("#"))))),
            "ValidationException", "1 validation error detected: Value '#' at 'inputFormatOptions.csv.delimiter' failed to "
                + "satisfy constraint: Member must satisfy regular expression pattern: [,;:|\\t ]"),
        refused("an import into an existing table", () -> client.importTable(importing(b -> b
                .tableCreationParameters(ExportImportTest.ordersLike("orders")))),
            "ResourceInUseException", "Table already exists: orders"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("errors")
  void answersItsError(String what, ThrowableAssert.ThrowingCallable call, String code, String message) {
    assertError(call, code, message);
  }

  @Test
  void aClientTokenNamesOneExportAndOneImport() {
    ExportDescription first = client.exportTableToPointInTime(export(b -> b.clientToken("nightly"))).exportDescription();
    ExportDescription again = client.exportTableToPointInTime(export(b -> b.clientToken("nightly"))).exportDescription();
    assertThat(again.exportArn()).isEqualTo(first.exportArn());
    assertError(() -> client.exportTableToPointInTime(export(b -> b.clientToken("nightly").s3Prefix("other"))),
        "ExportConflictException", "There was a conflict when writing to the specified S3 bucket: ClientToken 'nightly' "
            + "was used by export " + first.exportArn() + " with other parameters");

    ImportTableDescription imported = client.importTable(importing(b -> b.clientToken("load")
        .tableCreationParameters(ExportImportTest.ordersLike("tokened")))).importTableDescription();
    assertThat(client.importTable(importing(b -> b.clientToken("load").tableCreationParameters(ExportImportTest.ordersLike("tokened"))))
        .importTableDescription().importArn()).isEqualTo(imported.importArn());
    assertError(() -> client.importTable(importing(b -> b.clientToken("load").inputFormat(InputFormat.ION)
            .tableCreationParameters(ExportImportTest.ordersLike("tokened")))),
        "ImportConflictException", "There was a conflict when importing from the specified S3 source: ClientToken 'load' "
            + "was used by import " + imported.importArn() + " with other parameters");
  }

  @Test
  void aMissingBucketFailsTheExportAndTheImportAndDropsTheImportedTable() {
    ExportDescription export = client.exportTableToPointInTime(export(b -> b.s3Bucket("nowhere"))).exportDescription();
    ExportDescription failed = client.describeExport(r -> r.exportArn(export.exportArn())).exportDescription();
    assertThat(failed.exportStatus()).isEqualTo(ExportStatus.FAILED);
    assertThat(failed.failureCode()).isEqualTo("S3NoSuchBucket");
    assertThat(failed.failureMessage()).startsWith("The specified bucket does not exist: nowhere");

    for (String bucket : List.of("nowhere", "bucket")) { // no bucket; a bucket with no object under the prefix
      String table = "from-" + bucket;
      ImportTableDescription started = client.importTable(importing(b -> b.s3BucketSource(s -> s.s3Bucket(bucket).s3KeyPrefix("none/"))
          .tableCreationParameters(ExportImportTest.ordersLike(table)))).importTableDescription();
      ImportTableDescription done = client.describeImport(r -> r.importArn(started.importArn())).importTableDescription();
      assertThat(done.importStatus()).isEqualTo(ImportStatus.FAILED);
      assertThat(done.failureCode()).isEqualTo(bucket.equals("nowhere") ? "S3NoSuchBucket" : "S3NoSuchKey");
      assertError(() -> client.describeTable(r -> r.tableName(table)), "ResourceNotFoundException",
          "Requested resource not found: Table: " + table + " not found");
    }
  }
}
