package dev.dynamodouble.core.fault;

import dev.dynamodouble.core.DynamoDouble;
import dev.dynamodouble.core.sdk.SdkTestSupport;
import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.exception.SdkException;
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
    return build(dynamo, attempts, attemptTimeout, false);
  }

  /**
   * A retrying client that also retries the client-side errors the SDK marks retryable
   * ({@code SdkException.retryable()}: a CRC32 mismatch is one). SDK v2's default strategies do not
   * consult that flag, so by default a CRC32 mismatch fails the call at its first attempt.
   */
  static DynamoDbClient retryingRetryableClientErrors(DynamoDouble dynamo, int attempts) {
    return build(dynamo, attempts, null, true);
  }

  private static DynamoDbClient build(DynamoDouble dynamo, int attempts, Duration attemptTimeout,
                                      boolean clientErrors) {
    return SdkTestSupport.over(DynamoDbClient.builder(), dynamo)
        .region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
        .overrideConfiguration(c -> {
          // The SDK's standard strategy with its own conditions (throttles, 5xx, I/O errors, CRC32
          // mismatches), only without waiting between attempts.
          c.retryStrategy(AwsRetryStrategy.standardRetryStrategy().toBuilder().maxAttempts(attempts)
              .backoffStrategy(BackoffStrategy.retryImmediately())
              .throttlingBackoffStrategy(BackoffStrategy.retryImmediately())
              .retryOnException(e -> clientErrors && e instanceof SdkException sdk && sdk.retryable()).build());
          if (attemptTimeout != null) {
            c.apiCallAttemptTimeout(attemptTimeout);
          }
        })
        .build();
  }
}
