package dev.dynamodouble.core.sdk;

import dev.dynamodouble.core.DynamoDouble;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Helpers for tests that talk to a real endpoint through the AWS SDK v2. */
public final class SdkTestSupport {
  private SdkTestSupport() {}

  public static DynamoDbClient client(DynamoDouble dynamo) {
    return client(dynamo, "us-east-1");
  }

  public static DynamoDbClient client(DynamoDouble dynamo, String region) {
    return DynamoDbClient.builder()
        .endpointOverride(dynamo.endpoint())
        .region(Region.of(region))
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
        .httpClient(UrlConnectionHttpClient.create())
        .overrideConfiguration(c -> c.retryStrategy(r -> r.maxAttempts(1)))
        .build();
  }

  /** Creates an on-demand table with a string partition key and an optional string sort key. */
  public static void createTable(DynamoDbClient client, String name, String partitionKey, String sortKey) {
    CreateTableRequest.Builder request = CreateTableRequest.builder()
        .tableName(name)
        .billingMode(BillingMode.PAY_PER_REQUEST);
    if (sortKey == null) {
      request.keySchema(KeySchemaElement.builder().attributeName(partitionKey).keyType(KeyType.HASH).build())
          .attributeDefinitions(AttributeDefinition.builder().attributeName(partitionKey)
              .attributeType(ScalarAttributeType.S).build());
    } else {
      request.keySchema(KeySchemaElement.builder().attributeName(partitionKey).keyType(KeyType.HASH).build(),
              KeySchemaElement.builder().attributeName(sortKey).keyType(KeyType.RANGE).build())
          .attributeDefinitions(
              AttributeDefinition.builder().attributeName(partitionKey).attributeType(ScalarAttributeType.S).build(),
              AttributeDefinition.builder().attributeName(sortKey).attributeType(ScalarAttributeType.S).build());
    }
    client.createTable(request.build());
  }

  public static AttributeValue s(String value) {
    return AttributeValue.fromS(value);
  }

  public static AttributeValue n(String value) {
    return AttributeValue.fromN(value);
  }

  public static Map<String, AttributeValue> item(Object... pairs) {
    java.util.LinkedHashMap<String, AttributeValue> item = new java.util.LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      Object v = pairs[i + 1];
      item.put((String) pairs[i], v instanceof AttributeValue a ? a : AttributeValue.fromS(String.valueOf(v)));
    }
    return item;
  }

  /** Asserts the call fails with the given error code, status 400 and exact message. */
  public static DynamoDbException assertError(ThrowableAssert.ThrowingCallable call, String errorCode, String message) {
    DynamoDbException e = catchThrowableOfType(DynamoDbException.class, call);
    assertThat(e).as("expected %s", errorCode).isNotNull();
    assertThat(e.awsErrorDetails().errorCode()).isEqualTo(errorCode);
    assertThat(e.statusCode()).isEqualTo(400);
    if (message != null) {
      assertThat(e.awsErrorDetails().errorMessage()).isEqualTo(message);
    }
    return e;
  }
}
