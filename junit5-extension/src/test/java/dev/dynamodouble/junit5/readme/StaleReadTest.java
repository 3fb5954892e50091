package dev.dynamodouble.junit5.readme;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynamodouble.core.DynamoDouble;
import dev.dynamodouble.core.time.ManualClock;
import dev.dynamodouble.junit5.DynamoDoubleTest;
import dev.dynamodouble.junit5.DynamoTable;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

@DynamoDoubleTest(clock = "2026-01-01T00:00:00Z")
@DynamoTable(name = "orders", partitionKey = "pk")
class StaleReadTest {
  static final Map<String, AttributeValue> KEY = Map.of("pk", AttributeValue.fromS("o-1"));

  @Test
  void anEventuallyConsistentReadMissesAFreshWrite(DynamoDbClient dynamo, DynamoDouble engine, ManualClock clock) {
    engine.consistency().readLag(Duration.ofSeconds(1)); // reset before the next test, like everything else
    dynamo.putItem(r -> r.tableName("orders").item(KEY));

    assertThat(dynamo.getItem(r -> r.tableName("orders").key(KEY)).hasItem()).isFalse();
    assertThat(dynamo.getItem(r -> r.tableName("orders").key(KEY).consistentRead(true)).hasItem()).isTrue();
    clock.advance(Duration.ofSeconds(1));
    assertThat(dynamo.getItem(r -> r.tableName("orders").key(KEY)).hasItem()).isTrue();
  }
}
