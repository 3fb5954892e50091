package dev.dynamodouble.junit5;

import static dev.dynamodouble.junit5.Items.item;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.dynamodouble.core.capacity.CapacityEnforcement;
import dev.dynamodouble.core.time.ManualClock;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;

/**
 * Capacity under the extension: 40 fixture items go into a 1 WCU table without a throttle, every
 * test starts with fresh buckets, a table can opt out, and the usage can be injected.
 */
@DynamoDoubleTest(clock = "2024-01-01T00:00:00Z")
@DynamoTable(name = "orders", partitionKey = "id", billingMode = Billing.PROVISIONED, readCapacity = 1,
    writeCapacity = 1, fixtures = "CapacityExtensionTest.orders.json")
@DynamoTable(name = "unlimited", partitionKey = "id", billingMode = Billing.PROVISIONED, readCapacity = 1,
    writeCapacity = 1, capacityEnforced = false)
class CapacityExtensionTest {

  @RepeatedTest(2)
  void fixturesConsumeNothingAndEveryTestStartsWithFreshBuckets(URI endpoint, CapacityEnforcement capacity,
                                                               ManualClock clock) {
    try (DynamoDbClient dynamo = DynamoDbClient.builder().endpointOverride(endpoint).region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
        .overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.doNotRetry())).build()) {
      putTwice(dynamo, capacity, clock);
    }
  }

  private static void putTwice(DynamoDbClient dynamo, CapacityEnforcement capacity, ManualClock clock) {
    assertThat(capacity.usage("orders").consumedWrite()).isZero();
    assertThat(capacity.usage("orders").remainingWrite()).isEqualTo(1.0);
    dynamo.putItem(r -> r.tableName("orders").item(item("id", "new")));
    ProvisionedThroughputExceededException e = catchThrowableOfType(ProvisionedThroughputExceededException.class,
        () -> dynamo.putItem(r -> r.tableName("orders").item(item("id", "throttled"))));
    assertThat(e).isNotNull();
    assertThat(capacity.usage("orders").throttledWrites()).isEqualTo(1);
    clock.advance(Duration.ofSeconds(1));
    dynamo.putItem(r -> r.tableName("orders").item(item("id", "later")));
  }

  @Test
  void aTableDeclaredWithCapacityEnforcedFalseIsNeverThrottled(DynamoDbClient dynamo) {
    for (int i = 0; i < 20; i++) {
      String id = "u" + i;
      dynamo.putItem(r -> r.tableName("unlimited").item(item("id", id)));
    }
    assertThat(dynamo.scan(r -> r.tableName("unlimited")).count()).isEqualTo(20);
  }

  /** A class can turn enforcement off for the tables it declares. */
  @Nested
  @DynamoDoubleTest(capacityEnforced = false)
  @DynamoTable(name = "nestedOrders", partitionKey = "id", billingMode = Billing.PROVISIONED, readCapacity = 1,
      writeCapacity = 1)
  class WithoutEnforcement {
    @Test
    void itsTablesAreNeverThrottled(DynamoDbClient dynamo) {
      for (int i = 0; i < 20; i++) {
        String id = "n" + i;
        dynamo.putItem(r -> r.tableName("nestedOrders").item(item("id", id)));
      }
      assertThat(dynamo.scan(r -> r.tableName("nestedOrders")).count()).isEqualTo(20);
    }
  }
}
