package dev.dynamodouble.core.fault;

import dev.dynamodouble.core.DynamoDouble;
import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** SDK clients whose retry machinery is on, without waiting between attempts. */
final class FaultClients {
  private FaultClients() {}

  /** A client that makes up to {@code attempts} attempts per call, retrying at once. */
  static DynamoDbClient retrying(DynamoDouble dynamo, int attempts) {
    return retrying(dynamo, attempts, null);
  }

  /** The same, with a per-attempt timeout (null: none). */
  static DynamoDbClient retrying(DynamoDouble dynamo, int attempts, Duration attemptTimeout) {
    return DynamoDbClient.builder()
        .endpointOverride(dynamo.endpoint())
        .region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
        .httpClient(UrlConnectionHttpClient.create())
        .overrideConfiguration(c -> {
          c.retryStrategy(r -> r.maxAttempts(attempts)
              .backoffStrategy(BackoffStrategy.retryImmediately())
              .throttlingBackoffStrategy(BackoffStrategy.retryImmediately()));
          if (attemptTimeout != null) {
            c.apiCallAttemptTimeout(attemptTimeout);
          }
        })
        .build();
  }
}
