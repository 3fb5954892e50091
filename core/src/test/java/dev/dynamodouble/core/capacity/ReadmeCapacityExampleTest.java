package dev.dynamodouble.core.capacity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynamodouble.core.DynamoDouble;
import dev.dynamodouble.core.capacity.ThroughputUsage;
import dev.dynamodouble.core.time.DynamoClock;
import dev.dynamodouble.core.time.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/** The example of the README's "Capacity and throttling" section, verbatim. */
class ReadmeCapacityExampleTest {
  @Test
  void aTableProvisionedForTwoWritesASecond() {
    ManualClock clock = DynamoClock.manual(Instant.parse("2024-01-01T00:00:00Z"));
    try (DynamoDouble dynamo = DynamoDouble.builder().clock(clock).start();
         DynamoDbClient client = DynamoDbClient.builder().endpointOverride(dynamo.endpoint())
             .region(Region.US_EAST_1)
             .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("x", "x")))
             .overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.doNotRetry())) // count every attempt
             .build()) {
      client.createTable(r -> r.tableName("orders")
          .keySchema(k -> k.attributeName("id").keyType(KeyType.HASH))
          .attributeDefinitions(a -> a.attributeName("id").attributeType(ScalarAttributeType.S))
          .provisionedThroughput(p -> p.readCapacityUnits(5L).writeCapacityUnits(2L)));

      // A new table has one second of capacity: two 1 KB writes, then throttling.
      client.putItem(r -> r.tableName("orders").item(Map.of("id", AttributeValue.fromS("a"))));
      client.putItem(r -> r.tableName("orders").item(Map.of("id", AttributeValue.fromS("b"))));
      assertThatThrownBy(() -> client.putItem(r -> r.tableName("orders").item(Map.of("id", AttributeValue.fromS("c")))))
          .isInstanceOf(ProvisionedThroughputExceededException.class)
          .satisfies(e -> assertThat(((ProvisionedThroughputExceededException) e).throttlingReasons().get(0).reason())
              .isEqualTo("TableWriteProvisionedThroughputExceeded"));

      // The engine clock refills the bucket at the provisioned rate.
      clock.advance(Duration.ofSeconds(1));
      client.putItem(r -> r.tableName("orders").item(Map.of("id", AttributeValue.fromS("c"))));

      ThroughputUsage usage = dynamo.capacity().usage("orders");
      assertThat(usage.admittedWrites()).isEqualTo(3);
      assertThat(usage.throttledWrites()).isEqualTo(1);
      assertThat(usage.remainingWrite()).isEqualTo(1.0);
    }
  }
}
