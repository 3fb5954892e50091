package dev.dynamodouble.core.sdk;

import dev.dynamodouble.core.DynamoDouble;
import dev.dynamodouble.core.time.DynamoClock;
import dev.dynamodouble.core.time.ManualClock;
import java.time.Duration;
import java.time.Instant;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * An engine on a manual clock with clients in three regions MRSC supports (us-east-1, us-east-2,
 * us-west-2) and an on-demand table "orders" (partition key "pk") in us-east-1, ACTIVE.
 */
final class ThreeRegions implements AutoCloseable {
  final ManualClock clock = DynamoClock.manual(Instant.parse("2026-01-01T00:00:00Z"));
  final DynamoDouble dynamo;
  final DynamoDbClient east;
  final DynamoDbClient ohio;
  final DynamoDbClient oregon;

  ThreeRegions(Duration statusDelay) {
    dynamo = DynamoDouble.builder().clock(clock).statusDelay(statusDelay).start();
    east = SdkTestSupport.client(dynamo, "us-east-1");
    ohio = SdkTestSupport.client(dynamo, "us-east-2");
    oregon = SdkTestSupport.client(dynamo, "us-west-2");
    SdkTestSupport.createTable(east, "orders", "pk", null);
    clock.advance(statusDelay);
  }

  @Override
  public void close() {
    east.close();
    ohio.close();
    oregon.close();
    dynamo.close();
  }
}
