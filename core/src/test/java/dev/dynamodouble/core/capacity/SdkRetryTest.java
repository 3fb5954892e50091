package dev.dynamodouble.core.capacity;

import static dev.dynamodouble.core.sdk.SdkTestSupport.attr;
import static dev.dynamodouble.core.sdk.SdkTestSupport.hash;
import static dev.dynamodouble.core.sdk.SdkTestSupport.item;
import static dev.dynamodouble.core.sdk.SdkTestSupport.repeat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.dynamodouble.core.DynamoDouble;
import dev.dynamodouble.core.time.DynamoClock;
import dev.dynamodouble.core.time.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * The AWS SDK's retry machinery against real throttling: standard mode retries a throttled write
 * and succeeds once the engine clock has refilled the bucket, and gives up after its maximum
 * attempts. An interceptor stands for the time that passes between attempts (it moves the manual
 * clock), and the SDK's own backoff is set to retry immediately so the test does not wait.
 */
class SdkRetryTest {
  private ManualClock clock;
  private DynamoDouble dynamo;
  private final AtomicInteger attempts = new AtomicInteger();
  private volatile Duration betweenAttempts = Duration.ZERO;

  @BeforeEach
  void start() {
    clock = DynamoClock.manual(Instant.parse("2026-03-01T10:00:00Z"));
    dynamo = DynamoDouble.builder().clock(clock).start();
    try (DynamoDbClient setup = client(AwsRetryStrategy.doNotRetry())) {
      setup.createTable(r -> r.tableName("tbl").keySchema(hash("pk")).attributeDefinitions(attr("pk", ScalarAttributeType.S))
          .provisionedThroughput(p -> p.readCapacityUnits(1L).writeCapacityUnits(1L)));
      // a 3 KB write from a bucket of one unit: two units in debt
      setup.putItem(r -> r.tableName("tbl").item(item("pk", "first", "v", repeat('x', 3000))));
    }
    attempts.set(0);
  }

  @AfterEach
  void stop() {
    dynamo.close();
  }

  private DynamoDbClient client(RetryStrategy retryStrategy) {
    ExecutionInterceptor timePasses = new ExecutionInterceptor() {
      @Override
      public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
        if (attempts.getAndIncrement() > 0) {
          clock.advance(betweenAttempts);
        }
      }
    };
    return DynamoDbClient.builder().endpointOverride(dynamo.endpoint()).region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
        .httpClient(UrlConnectionHttpClient.create())
        .overrideConfiguration(c -> c.retryStrategy(retryStrategy).addExecutionInterceptor(timePasses))
        .build();
  }

  private static RetryStrategy standard(int maxAttempts) {
    return AwsRetryStrategy.standardRetryStrategy().toBuilder().maxAttempts(maxAttempts)
        .backoffStrategy(BackoffStrategy.retryImmediately())
        .throttlingBackoffStrategy(BackoffStrategy.retryImmediately()).build();
  }

  @Test
  void standardModeRetriesThrottlesUntilTheClockRefillsTheBucket() {
    betweenAttempts = Duration.ofSeconds(1); // -2, -1, 0: throttled; 1: admitted
    try (DynamoDbClient client = client(standard(5))) {
      client.putItem(r -> r.tableName("tbl").item(item("pk", "retried")));
    }
    assertThat(attempts.get()).isEqualTo(4);
    assertThat(dynamo.capacity().usage("tbl").throttledWrites()).isEqualTo(3);
    assertThat(dynamo.capacity().usage("tbl").admittedWrites()).isEqualTo(2);
  }

  @Test
  void standardModeGivesUpAfterItsMaximumAttempts() {
    try (DynamoDbClient client = client(standard(3))) {
      ProvisionedThroughputExceededException e = catchThrowableOfType(ProvisionedThroughputExceededException.class,
          () -> client.putItem(r -> r.tableName("tbl").item(item("pk", "never"))));
      assertThat(e.numAttempts()).isEqualTo(3);
    }
    assertThat(attempts.get()).isEqualTo(3);
    assertThat(dynamo.capacity().usage("tbl").throttledWrites()).isEqualTo(3);
  }

  @Test
  void adaptiveModeSettlesUnderTheProvisionedRateOnTheSystemClock() throws Exception {
    // Real threads on the system clock: every write of two adaptive clients eventually lands, and
    // what the table served never exceeds its bucket (one second plus the rate times the elapsed time).
    try (DynamoDouble system = DynamoDouble.builder().start()) {
      RetryStrategy adaptive = AwsRetryStrategy.adaptiveRetryStrategy().toBuilder().maxAttempts(50).build();
      DynamoDbClient client = DynamoDbClient.builder().endpointOverride(system.endpoint()).region(Region.US_EAST_1)
          .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
          .httpClient(UrlConnectionHttpClient.create()).overrideConfiguration(c -> c.retryStrategy(adaptive)).build();
      client.createTable(r -> r.tableName("tbl").keySchema(hash("pk")).attributeDefinitions(attr("pk", ScalarAttributeType.S))
          .provisionedThroughput(p -> p.readCapacityUnits(1L).writeCapacityUnits(40L)));
      Instant begin = system.clock().now();
      List<Thread> writers = new ArrayList<>();
      AtomicInteger failures = new AtomicInteger();
      for (int w = 0; w < 2; w++) {
        String prefix = "w" + w + "-";
        Thread writer = new Thread(() -> {
          for (int i = 0; i < 40; i++) {
            String key = prefix + i;
            try {
              client.putItem(r -> r.tableName("tbl").item(item("pk", key)));
            } catch (RuntimeException e) {
              failures.incrementAndGet();
            }
          }
        });
        writer.start();
        writers.add(writer);
      }
      for (Thread writer : writers) {
        writer.join();
      }
      double elapsedSeconds = Duration.between(begin, system.clock().now()).toNanos() / 1e9;
      ThroughputUsage usage = system.capacity().usage("tbl");
      assertThat(failures.get()).isZero();
      assertThat(usage.admittedWrites()).isEqualTo(80);
      assertThat(usage.consumedWrite()).isLessThanOrEqualTo(40 + 40 * elapsedSeconds + 1);
      client.close();
    }
  }
}
