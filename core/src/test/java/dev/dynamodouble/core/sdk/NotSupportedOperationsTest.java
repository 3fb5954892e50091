package dev.dynamodouble.core.sdk;

import static dev.dynamodouble.core.sdk.SdkTestSupport.assertValidation;

import dev.dynamodouble.core.DynamoDouble;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Operations not built yet answer a ValidationException naming them, not UnknownOperationException. */
class NotSupportedOperationsTest {
  static DynamoDouble dynamo;
  static DynamoDbClient client;

  @BeforeAll
  static void start() {
    dynamo = DynamoDouble.builder().start();
    client = SdkTestSupport.client(dynamo);
  }

  @AfterAll
  static void stop() {
    client.close();
    dynamo.close();
  }

  @Test
  void exportsAndImportsSayTheyAreNotSupported() {
    String s3 = " is not supported by Dynamo Double yet: exports to and imports from S3 are not built";
    assertValidation(() -> client.exportTableToPointInTime(r -> r.tableArn("arn:aws:dynamodb:us-east-1:1:table/t")
        .s3Bucket("b")), "ExportTableToPointInTime" + s3);
    assertValidation(() -> client.listExports(r -> { }), "ListExports" + s3);
    assertValidation(() -> client.describeImport(r -> r.importArn("arn:x")), "DescribeImport" + s3);
  }
}
