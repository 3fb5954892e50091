package dev.dynamodouble.junit5.readme;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynamodouble.core.time.ManualClock;
import dev.dynamodouble.junit5.DynamoDoubleTest;
import dev.dynamodouble.junit5.DynamoTable;
import dev.dynamodouble.junit5.InRegion;
import dev.dynamodouble.junit5.InjectFault;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** README "Global tables": a fault rule that delays replication (kept as written there). */
@DynamoDoubleTest(clock = "2026-01-01T00:00:00Z")
@DynamoTable(name = "carts", partitionKey = "id", replicas = "eu-west-1")
class LaggingLinkTest {
  static final Map<String, AttributeValue> KEY = Map.of("id", AttributeValue.fromS("c1"));

  @Test
  @InjectFault(table = "carts", region = "eu-west-1", replicationLag = "5s")
  void irelandSeesTheCartFiveSecondsLater(DynamoDbClient virginia, @InRegion("eu-west-1") DynamoDbClient ireland,
                                          ManualClock clock) {
    virginia.putItem(r -> r.tableName("carts").item(KEY));
    clock.advance(Duration.ofSeconds(4));
    assertThat(ireland.getItem(r -> r.tableName("carts").key(KEY)).hasItem()).isFalse();
    clock.advance(Duration.ofSeconds(1));
    assertThat(ireland.getItem(r -> r.tableName("carts").key(KEY)).hasItem()).isTrue();
  }
}
