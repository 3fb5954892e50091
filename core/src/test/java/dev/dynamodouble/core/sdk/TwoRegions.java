package dev.dynamodouble.core.sdk;

import dev.dynamodouble.core.DynamoDouble;
import dev.dynamodouble.core.time.DynamoClock;
import dev.dynamodouble.core.time.ManualClock;
import java.time.Instant;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** An engine on a manual clock with a client in us-east-1 and one in eu-west-1, for global-table tests. */
public final class TwoRegions implements AutoCloseable {
  public final ManualClock clock = DynamoClock.manual(Instant.parse("2026-01-01T00:00:00Z"));
  public final DynamoDouble dynamo = DynamoDouble.builder().clock(clock).start();
  public final DynamoDbClient east = SdkTestSupport.client(dynamo, "us-east-1");
  public final DynamoDbClient west = SdkTestSupport.client(dynamo, "eu-west-1");

  @Override
  public void close() {
    east.close();
    west.close();
    dynamo.close();
  }
}
