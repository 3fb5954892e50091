package dev.dynamodouble.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.dynamodouble.core.DynamoDouble;
import dev.dynamodouble.core.fault.FaultRule;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.async.SdkAsyncHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/** The asynchronous in-process client: answers, errors and transport faults, as the SDK sees them over HTTP. */
class InProcessAsyncTest {
  private DynamoDouble dynamo;
  private SdkAsyncHttpClient http;
  private DynamoDbAsyncClient client;

  @BeforeEach
  void start() {
    dynamo = DynamoDouble.builder().build();
    http = InProcess.asyncHttpClient(dynamo, Duration.ofMillis(200));
    client = DynamoDbAsyncClient.builder().endpointOverride(InProcess.ENDPOINT).httpClient(http)
        .region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("a", "b")))
        .overrideConfiguration(c -> c.retryStrategy(r -> r.maxAttempts(1)))
        .build();
    client.createTable(r -> r.tableName("items").billingMode(BillingMode.PAY_PER_REQUEST)
        .keySchema(k -> k.attributeName("pk").keyType("HASH"))
        .attributeDefinitions(a -> a.attributeName("pk").attributeType(ScalarAttributeType.S))).join();
  }

  @AfterEach
  void stop() {
    client.close();
    http.close();
    dynamo.close();
  }

  @Test
  void writesReadsAndErrorsAsOverHttp() {
    client.putItem(r -> r.tableName("items").item(Map.of("pk", AttributeValue.fromS("a"), "n", AttributeValue.fromN("1"))))
        .join();
    assertThat(client.getItem(r -> r.tableName("items").key(Map.of("pk", AttributeValue.fromS("a")))).join().item())
        .containsEntry("n", AttributeValue.fromN("1"));
    Throwable e = catchThrowable(() -> client.getItem(r -> r.tableName("missing")
        .key(Map.of("pk", AttributeValue.fromS("a")))).join());
    assertThat(e).isInstanceOf(CompletionException.class).cause().isInstanceOf(ResourceNotFoundException.class)
        .hasMessageStartingWith("Requested resource not found");
    assertThat(dynamo.listening()).isFalse();
  }

  @Test
  void transportFaultsFailTheCallAsAConnectionWould() {
    dynamo.faults().add(FaultRule.on("GetItem").times(1).connectionReset());
    assertThat(catchThrowable(() -> get("a"))).cause().isInstanceOf(SdkClientException.class);
    dynamo.faults().add(FaultRule.on("GetItem").times(1).truncatedBody());
    assertThat(catchThrowable(() -> get("a"))).cause().isInstanceOf(SdkClientException.class);
    dynamo.faults().add(FaultRule.on("GetItem").times(1).noResponse());
    assertThat(catchThrowable(() -> get("a"))).cause().isInstanceOf(SdkClientException.class)
        .hasStackTraceContaining("Read timed out");
    get("a"); // every rule used up: served again
  }

  @Test
  void aHeldResponseRunsIntoTheAttemptTimeout() {
    dynamo.faults().add(FaultRule.on("GetItem").times(1).latency(Duration.ofSeconds(30)));
    try (DynamoDbAsyncClient impatient = DynamoDbAsyncClient.builder().endpointOverride(InProcess.ENDPOINT)
        .httpClient(http).region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("a", "b")))
        .overrideConfiguration(c -> c.retryStrategy(r -> r.maxAttempts(1)).apiCallAttemptTimeout(Duration.ofMillis(100)))
        .build()) {
      Throwable e = catchThrowable(() -> impatient.getItem(r -> r.tableName("items")
          .key(Map.of("pk", AttributeValue.fromS("a")))).join());
      assertThat(e).cause().isInstanceOf(ApiCallAttemptTimeoutException.class);
    }
  }

  @Test
  void aClosedDynamoDoubleServesNothing() {
    dynamo.close();
    assertThat(catchThrowable(() -> get("a"))).cause().isInstanceOf(SdkClientException.class)
        .hasStackTraceContaining("Dynamo Double is closed");
  }

  private void get(String pk) {
    client.getItem(r -> r.tableName("items").key(Map.of("pk", AttributeValue.fromS(pk)))).join();
  }
}
