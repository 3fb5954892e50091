package dev.dynamodouble.core.sdk;

import static dev.dynamodouble.core.sdk.SdkTestSupport.assertValidation;
import static dev.dynamodouble.core.sdk.SdkTestSupport.attr;
import static dev.dynamodouble.core.sdk.SdkTestSupport.hash;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynamodouble.core.DynamoDouble;
import dev.dynamodouble.core.persist.DataDirectory;
import dev.dynamodouble.core.time.DynamoClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.ImportStatus;
import software.amazon.awssdk.services.dynamodb.model.ImportTableDescription;
import software.amazon.awssdk.services.dynamodb.model.IndexStatus;
import software.amazon.awssdk.services.dynamodb.model.InputFormat;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TableCreationParameters;
import software.amazon.awssdk.services.dynamodb.model.VectorDistanceFunction;

/** ImportTable with TableCreationParameters.VectorIndexes, through the SDK over the endpoint. */
class VectorImportTest {
  private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

  @TempDir
  Path s3;

  @TempDir
  Path data;

  private static TableCreationParameters.Builder withVectorIndex(String table) {
    return TableCreationParameters.builder().tableName(table).keySchema(hash("pk"))
        .attributeDefinitions(attr("pk", ScalarAttributeType.S))
        .vectorIndexes(v -> v.indexName("byEmb").dimensions(2L).distanceFunction(VectorDistanceFunction.EUCLIDEAN)
            .vectorAttribute(a -> a.attributeName("emb")).projection(p -> p.projectionType(ProjectionType.ALL)));
  }

  @Test
  void importedItemsAreSearchableAndMisshapenVectorsCountAsErrors() throws Exception {
    Files.createDirectories(s3.resolve("bkt"));
    Files.writeString(s3.resolve("bkt").resolve("items.json"), String.join("\n",
        "{\"Item\":{\"pk\":{\"S\":\"a\"},\"emb\":{\"L\":[{\"N\":\"0\"},{\"N\":\"0\"}]}}}",
        "{\"Item\":{\"pk\":{\"S\":\"b\"},\"emb\":{\"L\":[{\"N\":\"3\"},{\"N\":\"4\"}]}}}",
        "{\"Item\":{\"pk\":{\"S\":\"c\"},\"emb\":{\"L\":[{\"N\":\"1\"},{\"N\":\"1\"}]}}}",
        "{\"Item\":{\"pk\":{\"S\":\"d\"}}}", // no vector: imported, not indexed
        "{\"Item\":{\"pk\":{\"S\":\"three\"},\"emb\":{\"L\":[{\"N\":\"1\"},{\"N\":\"2\"},{\"N\":\"3\"}]}}}",
        "{\"Item\":{\"pk\":{\"S\":\"text\"},\"emb\":{\"L\":[{\"N\":\"1\"},{\"S\":\"x\"}]}}}") + "\n");
    try (DynamoDouble dynamo = DynamoDouble.builder().clock(DynamoClock.manual(START)).s3Directory(s3).start();
         DynamoDbClient client = SdkTestSupport.client(dynamo)) {
      String arn = client.importTable(r -> r.s3BucketSource(b -> b.s3Bucket("bkt")).inputFormat(InputFormat.DYNAMODB_JSON)
          .tableCreationParameters(withVectorIndex("docs").billingMode(BillingMode.PAY_PER_REQUEST).build()))
          .importTableDescription().importArn();
      ImportTableDescription done = client.describeImport(r -> r.importArn(arn)).importTableDescription();
      assertThat(done.importStatus()).isEqualTo(ImportStatus.COMPLETED);
      assertThat(done.processedItemCount()).isEqualTo(6);
      assertThat(done.importedItemCount()).isEqualTo(4);
      assertThat(done.errorCount()).isEqualTo(2);
      assertThat(done.tableCreationParameters().vectorIndexes()).singleElement()
          .satisfies(v -> assertThat(v.indexName()).isEqualTo("byEmb"));
      assertThat(dynamo.engine().transfers().imports().errors(arn)).hasSize(2)
          .anyMatch(e -> e.contains("Vector dimensions mismatch for vector attribute emb: expected 2, got 3"))
          .anyMatch(e -> e.contains("Invalid parameter type for vector attribute emb[1]"));
      assertThat(client.describeTable(r -> r.tableName("docs")).table().vectorIndexes()).singleElement()
          .satisfies(v -> assertThat(v.indexStatus()).isEqualTo(IndexStatus.ACTIVE));

      var results = client.searchVectors(r -> r.tableName("docs").indexName("byEmb").topK(3)
          .searchVector(AttributeValue.fromN("2.9"), AttributeValue.fromN("3.9"))).searchResults();
      assertThat(results).extracting(item -> item.item().get("pk").s()).containsExactly("b", "c", "a");
    }
  }

  @Test
  void aProvisionedImportWithVectorIndexesIsRefusedAndCreatesNothing() throws Exception {
    Files.createDirectories(s3.resolve("bkt"));
    try (DynamoDouble dynamo = DynamoDouble.builder().clock(DynamoClock.manual(START)).s3Directory(s3).start();
         DynamoDbClient client = SdkTestSupport.client(dynamo)) {
      assertValidation(() -> client.importTable(r -> r.s3BucketSource(b -> b.s3Bucket("bkt"))
              .inputFormat(InputFormat.DYNAMODB_JSON).tableCreationParameters(withVectorIndex("prov")
                  .billingMode(BillingMode.PROVISIONED).provisionedThroughput(t -> t.readCapacityUnits(1L)
                      .writeCapacityUnits(1L)).build())),
          "One or more parameter values were invalid: Vector indexes are only supported on tables with BillingMode "
              + "PAY_PER_REQUEST");
      assertThatThrownBy(() -> client.describeTable(r -> r.tableName("prov")))
          .isInstanceOf(ResourceNotFoundException.class);
      assertThat(client.listImports(r -> r.pageSize(10)).importSummaryList()).isEmpty();
    }
  }

  @Test
  void withADataDirectoryVectorIndexesAreRefusedAsCreateTableRefusesThem() throws Exception {
    Files.createDirectories(s3.resolve("bkt"));
    DynamoDouble built = DynamoDouble.builder().clock(DynamoClock.manual(START)).s3Directory(s3).build();
    try (DataDirectory directory = DataDirectory.open(data, built.engine());
         DynamoDouble dynamo = built.start(); DynamoDbClient client = SdkTestSupport.client(dynamo)) {
      assertValidation(() -> client.importTable(r -> r.s3BucketSource(b -> b.s3Bucket("bkt"))
              .inputFormat(InputFormat.DYNAMODB_JSON)
              .tableCreationParameters(withVectorIndex("durable").billingMode(BillingMode.PAY_PER_REQUEST).build())),
          "ImportTable's TableCreationParameters.VectorIndexes is not supported by Dynamo Double yet with a data "
              + "directory (--data-dir): vector indexes are not written to it");
      assertThat(client.listTables().tableNames()).isEqualTo(List.of());
    }
  }
}
