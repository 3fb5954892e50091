package dev.dynamodouble.core.sdk;

import dev.dynamodouble.core.DynamoDouble;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkBytes;
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

/**
 * Helpers for tests that talk to a real endpoint through the AWS SDK v2. The transport is HTTP
 * (the URL-connection client over a socket) unless the system property
 * {@code dynamodouble.test.transport} is {@code in-process}: then every client built through
 * {@link #over} talks to the engine in process (the sdk module runs these tests so, to show both
 * transports behave alike).
 */
public final class SdkTestSupport {
  /** The system property that selects the transport: {@code http} (the default) or {@code in-process}. */
  public static final String TRANSPORT = "dynamodouble.test.transport";

  private SdkTestSupport() {}

  /** Whether the SDK clients of these tests talk to the engine in process. */
  public static boolean inProcess() {
    return "in-process".equals(System.getProperty(TRANSPORT));
  }

  /**
   * Points a client builder at {@code dynamo} over the selected transport: the HTTP endpoint with
   * the URL-connection client, or the in-process transport of the sdk module.
   */
  public static <B extends software.amazon.awssdk.core.client.builder.SdkSyncClientBuilder<B, ?>
      & software.amazon.awssdk.core.client.builder.SdkClientBuilder<B, ?>> B over(B builder, DynamoDouble dynamo) {
    if (!inProcess()) {
      return builder.endpointOverride(dynamo.endpoint()).httpClient(UrlConnectionHttpClient.create());
    }
    try {
      Class<?> inProcess = Class.forName("dev.dynamodouble.sdk.InProcess");
      return builder.endpointOverride((java.net.URI) inProcess.getField("ENDPOINT").get(null))
          .httpClient((software.amazon.awssdk.http.SdkHttpClient)
              inProcess.getMethod("httpClient", DynamoDouble.class).invoke(null, dynamo));
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(TRANSPORT + "=in-process needs the dynamo-double-sdk module on the class path", e);
    }
  }

  public static DynamoDbClient client(DynamoDouble dynamo) {
    return client(dynamo, "us-east-1");
  }

  /** A client with retries disabled, so every call is exactly one request. */
  public static DynamoDbClient client(DynamoDouble dynamo, String region) {
    return over(DynamoDbClient.builder(), dynamo)
        .region(Region.of(region))
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
        .overrideConfiguration(c -> c.retryStrategy(r -> r.maxAttempts(1)))
        .build();
  }

  /** A DynamoDB Streams client of the region (retries as the SDK's default). */
  public static software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient streamsClient(
      DynamoDouble dynamo, String region) {
    return over(software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient.builder(), dynamo)
        .region(Region.of(region))
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
        .build();
  }

  /** Creates an on-demand table with a string partition key and an optional string sort key. */
  public static void createTable(DynamoDbClient client, String name, String partitionKey, String sortKey) {
    createTable(client, name, partitionKey, ScalarAttributeType.S, sortKey, ScalarAttributeType.S);
  }

  /** Creates an on-demand table with the given key attributes (the sort key may be null). */
  public static void createTable(DynamoDbClient client, String name, String partitionKey,
                                 ScalarAttributeType partitionType, String sortKey, ScalarAttributeType sortType) {
    CreateTableRequest.Builder request = CreateTableRequest.builder()
        .tableName(name)
        .billingMode(BillingMode.PAY_PER_REQUEST);
    if (sortKey == null) {
      request.keySchema(hash(partitionKey)).attributeDefinitions(attr(partitionKey, partitionType));
    } else {
      request.keySchema(hash(partitionKey), range(sortKey))
          .attributeDefinitions(attr(partitionKey, partitionType), attr(sortKey, sortType));
    }
    client.createTable(request.build());
  }

  public static KeySchemaElement hash(String name) {
    return KeySchemaElement.builder().attributeName(name).keyType(KeyType.HASH).build();
  }

  public static KeySchemaElement range(String name) {
    return KeySchemaElement.builder().attributeName(name).keyType(KeyType.RANGE).build();
  }

  public static AttributeDefinition attr(String name, ScalarAttributeType type) {
    return AttributeDefinition.builder().attributeName(name).attributeType(type).build();
  }

  public static AttributeValue s(String value) {
    return AttributeValue.fromS(value);
  }

  public static AttributeValue n(String value) {
    return AttributeValue.fromN(value);
  }

  public static AttributeValue b(byte... value) {
    return AttributeValue.fromB(SdkBytes.fromByteArray(value));
  }

  public static SdkBytes bytes(String utf8) {
    return SdkBytes.fromString(utf8, StandardCharsets.UTF_8);
  }

  /** A string of {@code length} copies of {@code c}. */
  public static String repeat(char c, int length) {
    char[] chars = new char[length];
    Arrays.fill(chars, c);
    return new String(chars);
  }

  /** An item from name/value pairs; a value that is not an AttributeValue becomes a string. */
  public static Map<String, AttributeValue> item(Object... pairs) {
    Map<String, AttributeValue> item = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      Object v = pairs[i + 1];
      item.put((String) pairs[i], v instanceof AttributeValue a ? a : AttributeValue.fromS(String.valueOf(v)));
    }
    return item;
  }

  /** The item of that key, read strongly consistent, or null when there is none. */
  public static Map<String, AttributeValue> consistentItem(DynamoDbClient client, String table,
                                                           Map<String, AttributeValue> key) {
    Map<String, AttributeValue> found = client.getItem(r -> r.tableName(table).key(key).consistentRead(true)).item();
    return found.isEmpty() ? null : found;
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

  /** Asserts a ValidationException (status 400) with the exact message. */
  public static DynamoDbException assertValidation(ThrowableAssert.ThrowingCallable call, String message) {
    return assertError(call, "ValidationException", message);
  }

  /** Asserts a ResourceNotFoundException (status 400) with the exact message. */
  public static DynamoDbException assertNotFound(ThrowableAssert.ThrowingCallable call, String message) {
    return assertError(call, "ResourceNotFoundException", message);
  }
}
