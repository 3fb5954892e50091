package dev.dynamodouble.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynamodouble.core.DynamoDouble;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.async.SdkAsyncHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The README's "In-process transport" example, as written there. */
class ReadmeExampleTest {
  @Test
  void theReadmeExampleRuns() {
    DynamoDouble kept;
    try (DynamoDouble dynamo = DynamoDouble.builder().build();   // build(), not start(): no server
         DynamoDbClient client = DynamoDbClient.builder()
             .endpointOverride(InProcess.ENDPOINT)                // never connected to
             .httpClient(InProcess.httpClient(dynamo))
             .region(Region.US_EAST_1)
             .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("x", "x")))
             .build();
         SdkAsyncHttpClient asyncHttp = InProcess.asyncHttpClient(dynamo);   // has threads: close it
         DynamoDbAsyncClient async = DynamoDbAsyncClient.builder()
             .endpointOverride(InProcess.ENDPOINT)
             .httpClient(asyncHttp)
             .region(Region.US_EAST_1)
             .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("x", "x")))
             .build()) {
      client.listTables();
      async.listTables().join();
      kept = dynamo;
      assertThat(dynamo.listening()).isFalse();
    }
    assertThat(kept.listening()).isFalse();
  }
}
