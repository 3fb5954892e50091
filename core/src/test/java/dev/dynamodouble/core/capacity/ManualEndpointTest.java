package dev.dynamodouble.core.capacity;

import dev.dynamodouble.core.DynamoDouble;
import dev.dynamodouble.core.time.ManualClock;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** A fresh {@link ManualEndpoint} for every test (subclasses' {@code @BeforeEach} run after it starts). */
abstract class ManualEndpointTest {
  protected ManualEndpoint endpoint;
  protected ManualClock clock;
  protected DynamoDouble dynamo;
  protected DynamoDbClient client;

  /** Settings of the endpoint beyond its manual clock. */
  protected UnaryOperator<DynamoDouble.Builder> settings() {
    return builder -> builder;
  }

  @BeforeEach
  final void startEndpoint() {
    endpoint = new ManualEndpoint(settings());
    clock = endpoint.clock;
    dynamo = endpoint.dynamo;
    client = endpoint.client;
  }

  @AfterEach
  final void stopEndpoint() {
    endpoint.close();
  }
}
