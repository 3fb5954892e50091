package dev.dynamodouble.core.export;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynamodouble.core.DynamoDouble;
import dev.dynamodouble.core.time.DynamoClock;
import dev.dynamodouble.core.time.ManualClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ExportDescription;
import software.amazon.awssdk.services.dynamodb.model.ExportStatus;
import software.amazon.awssdk.services.dynamodb.model.ImportStatus;
import software.amazon.awssdk.services.dynamodb.model.ImportTableDescription;
import software.amazon.awssdk.services.dynamodb.model.InputCompressionType;
import software.amazon.awssdk.services.dynamodb.model.InputFormat;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/** The example of the README's "Export and import" section, verbatim. */
class ReadmeExportImportExampleTest {
  @TempDir
  Path s3; // stands in for S3: s3://backups/... is s3/backups/...

  @Test
  void exportATableAndImportItBack() throws Exception {
    Files.createDirectories(s3.resolve("backups")); // a bucket is a directory that must exist
    ManualClock clock = DynamoClock.manual(Instant.parse("2024-01-01T00:00:00Z"));
    try (DynamoDouble dynamo = DynamoDouble.builder().clock(clock).s3Directory(s3).start();
         DynamoDbClient client = DynamoDbClient.builder().endpointOverride(dynamo.endpoint())
             .region(Region.US_EAST_1)
             .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("x", "x")))
             .build()) {
      client.createTable(r -> r.tableName("orders").billingMode("PAY_PER_REQUEST")
          .keySchema(k -> k.attributeName("id").keyType(KeyType.HASH))
          .attributeDefinitions(a -> a.attributeName("id").attributeType(ScalarAttributeType.S)));
      client.updateContinuousBackups(r -> r.tableName("orders") // exports read the PITR history
          .pointInTimeRecoverySpecification(p -> p.pointInTimeRecoveryEnabled(true)));
      client.putItem(r -> r.tableName("orders").item(Map.of("id", AttributeValue.fromS("o-1"),
          "total", AttributeValue.fromN("12.50"))));
      clock.advance(Duration.ofMinutes(10));

      String tableArn = client.describeTable(r -> r.tableName("orders")).table().tableArn();
      ExportDescription export = client.exportTableToPointInTime(r -> r.tableArn(tableArn)
          .s3Bucket("backups").s3Prefix("nightly").exportFormat("DYNAMODB_JSON")).exportDescription();
      assertThat(export.exportStatus()).isEqualTo(ExportStatus.IN_PROGRESS);
      // The files are written by a task on the engine clock, due after the status delay (0 here):
      // the next request runs it first.
      ExportDescription done = client.describeExport(r -> r.exportArn(export.exportArn())).exportDescription();
      assertThat(done.exportStatus()).isEqualTo(ExportStatus.COMPLETED);
      assertThat(done.itemCount()).isEqualTo(1);
      String exportDir = done.exportManifest().replace("manifest-summary.json", ""); // nightly/AWSDynamoDB/<id>/
      assertThat(s3.resolve("backups").resolve(exportDir + "manifest-files.json")).exists();

      ImportTableDescription started = client.importTable(r -> r
          .s3BucketSource(s -> s.s3Bucket("backups").s3KeyPrefix(exportDir + "data/"))
          .inputFormat(InputFormat.DYNAMODB_JSON).inputCompressionType(InputCompressionType.GZIP)
          .tableCreationParameters(t -> t.tableName("orders-restored").billingMode("PAY_PER_REQUEST")
              .keySchema(k -> k.attributeName("id").keyType(KeyType.HASH))
              .attributeDefinitions(a -> a.attributeName("id").attributeType(ScalarAttributeType.S))))
          .importTableDescription();
      ImportTableDescription imported = client.describeImport(r -> r.importArn(started.importArn()))
          .importTableDescription();
      assertThat(imported.importStatus()).isEqualTo(ImportStatus.COMPLETED);
      assertThat(imported.importedItemCount()).isEqualTo(1);
      assertThat(imported.errorCount()).isZero();
      assertThat(client.getItem(r -> r.tableName("orders-restored")
          .key(Map.of("id", AttributeValue.fromS("o-1")))).item().get("total").n()).isEqualTo("12.5");
    }
  }
}
