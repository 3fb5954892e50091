package dev.dynamodouble.core.sdk;

import static dev.dynamodouble.core.sdk.LockWindows.join;
import static dev.dynamodouble.core.sdk.LockWindows.whileParked;
import static dev.dynamodouble.core.sdk.SdkTestSupport.item;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.dynamodouble.core.DynamoDouble;
import dev.dynamodouble.core.engine.Engine;
import dev.dynamodouble.core.operation.ItemWrites;
import dev.dynamodouble.core.time.DynamoClock;
import dev.dynamodouble.core.time.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.ThrottlingException;

/**
 * A write is admitted by the capacity stage, then charged what it consumed once done. A capacity
 * reset, or a billing-mode switch, in between must not lose the charge: it lands on the buckets
 * current when it is made. Each test holds that window open (the write waits for the engine's lock
 * this thread holds) and then counts what the buckets still let through, on a clock that stands
 * still so nothing refills.
 */
class CapacityChangeMidWriteTest {
  /** A 390 KB item: 390 write units (a partition gets 1,000 a second). */
  private static final String BIG = "x".repeat(390 * 1024 - 10);

  private final ManualClock clock = DynamoClock.manual(Instant.parse("2026-03-01T10:00:00Z"));
  private DynamoDouble dynamo;
  private Engine engine;
  private DynamoDbClient client;

  @BeforeEach
  void start() {
    dynamo = DynamoDouble.builder().clock(clock).start();
    engine = dynamo.engine();
    client = SdkTestSupport.client(dynamo);
  }

  @AfterEach
  void stop() {
    client.close();
    dynamo.close();
  }

  private void createOnDemand() {
    SdkTestSupport.createTable(client, "orders", "pk", null);
    clock.advance(Duration.ZERO);
  }

  private double putBig(String pk) {
    return client.putItem(r -> r.tableName("orders").item(item("pk", pk, "v", BIG))
        .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)).consumedCapacity().capacityUnits();
  }

  /** Puts the big item under {@code pk} until one is throttled; how many got through. */
  private int bigPutsUntilThrottled(String pk) {
    for (int admitted = 0; admitted < 10; admitted++) {
      try {
        putBig(pk);
      } catch (DynamoDbException throttled) {
        assertThat(throttled.isThrottlingException()).as("%s", throttled).isTrue();
        return admitted;
      }
    }
    throw new AssertionError("never throttled");
  }

  /** Runs a big put of {@code pk} that is admitted, then {@code meanwhile} before it is charged; its units. */
  private double bigPutAround(String pk, Runnable meanwhile) throws Throwable {
    AtomicReference<Double> units = new AtomicReference<>();
    join(whileParked(engine, ItemWrites.class.getName(), () -> units.set(putBig(pk)), meanwhile));
    return units.get();
  }

  @Test
  @Timeout(60)
  void aCapacityResetMidWriteKeepsItsPartitionCharge() throws Throwable {
    createOnDemand();
    double units = bigPutAround("hot", () -> dynamo.capacity().reset());

    assertThat(units).isEqualTo(390.0);
    // The key's partition, fresh since the reset, holds 1,000 - 390: two more such puts, not three.
    assertThat(bigPutsUntilThrottled("hot")).isEqualTo(2);
  }

  @Test
  @Timeout(60)
  void aCapacityResetMidWriteThatAnotherRequestAppliedFirstKeepsItsPartitionCharge() throws Throwable {
    createOnDemand();
    bigPutAround("hot", () -> {
      dynamo.capacity().reset();
      dynamo.capacity().usage("orders"); // another look at the table's meters applies the reset first
    });

    assertThat(bigPutsUntilThrottled("hot")).isEqualTo(2);
  }

  @Test
  @Timeout(60)
  void aSwitchToProvisionedMidWriteChargesTheProvisionedBucket() throws Throwable {
    createOnDemand();
    bigPutAround("a", () -> {
      LockWindows.updateTable(engine, "{\"TableName\":\"orders\",\"BillingMode\":\"PROVISIONED\","
          + "\"ProvisionedThroughput\":{\"ReadCapacityUnits\":5,\"WriteCapacityUnits\":5}}");
      clock.advance(Duration.ZERO); // ACTIVE: the provisioned throughput applies
    });

    // 5 units less 390: in debt, the next write is throttled
    DynamoDbException throttled = catchThrowableOfType(DynamoDbException.class,
        () -> client.putItem(r -> r.tableName("orders").item(item("pk", "b"))));
    assertThat(throttled).isNotNull();
    assertThat(throttled.awsErrorDetails().errorCode()).isEqualTo("ProvisionedThroughputExceededException");
  }

  @Test
  @Timeout(60)
  void aSwitchToOnDemandMidWriteChargesTheOnDemandBucket() throws Throwable {
    client.createTable(r -> r.tableName("orders").keySchema(SdkTestSupport.hash("pk"))
        .attributeDefinitions(SdkTestSupport.attr("pk", ScalarAttributeType.S))
        .provisionedThroughput(p -> p.readCapacityUnits(5L).writeCapacityUnits(5L)));
    clock.advance(Duration.ZERO);
    bigPutAround("a", () -> {
      LockWindows.updateTable(engine, "{\"TableName\":\"orders\",\"BillingMode\":\"" + BillingMode.PAY_PER_REQUEST
          + "\",\"OnDemandThroughput\":{\"MaxWriteRequestUnits\":100}}");
      clock.advance(Duration.ZERO);
    });

    // 100 units a second less 390: the on-demand maximum holds the next write back
    ThrottlingException throttled = catchThrowableOfType(ThrottlingException.class,
        () -> client.putItem(r -> r.tableName("orders").item(item("pk", "b"))));
    assertThat(throttled).isNotNull();
    assertThat(throttled.throttlingReasons()).singleElement()
        .satisfies(reason -> assertThat(reason.reason()).isEqualTo("TableWriteMaxOnDemandThroughputExceeded"));
  }
}
