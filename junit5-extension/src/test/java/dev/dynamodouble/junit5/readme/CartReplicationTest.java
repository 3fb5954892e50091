package dev.dynamodouble.junit5.readme;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynamodouble.core.DynamoDouble;
import dev.dynamodouble.core.time.ManualClock;
import dev.dynamodouble.junit5.DynamoDoubleTest;
import dev.dynamodouble.junit5.DynamoTable;
import dev.dynamodouble.junit5.InRegion;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

@DynamoDoubleTest(clock = "2026-01-01T00:00:00Z")
@DynamoTable(name = "carts", partitionKey = "id", replicas = "eu-west-1")
class CartReplicationTest {
  static final Map<String, AttributeValue> KEY = Map.of("id", AttributeValue.fromS("c1"));

  @Test
  void theLaterWriteWinsInEveryRegion(DynamoDbClient virginia, @InRegion("eu-west-1") DynamoDbClient ireland,
                                      ManualClock clock, DynamoDouble dynamo) {
    virginia.putItem(r -> r.tableName("carts").item(Map.of("id", AttributeValue.fromS("c1"),
        "state", AttributeValue.fromS("open"))));
    assertThat(ireland.getItem(r -> r.tableName("carts").key(KEY)).hasItem()).isFalse(); // not there yet
    clock.advance(Duration.ofSeconds(1));                                                  // the default lag
    assertThat(ireland.getItem(r -> r.tableName("carts").key(KEY)).item().get("state").s()).isEqualTo("open");

    dynamo.replication().pause("eu-west-1", "us-east-1");
    virginia.putItem(r -> r.tableName("carts").item(Map.of("id", AttributeValue.fromS("c1"),
        "state", AttributeValue.fromS("paid"))));
    clock.advance(Duration.ofMillis(10));
    ireland.putItem(r -> r.tableName("carts").item(Map.of("id", AttributeValue.fromS("c1"),
        "state", AttributeValue.fromS("abandoned"))));                                     // the later write
    dynamo.replication().resume("eu-west-1", "us-east-1");
    clock.advance(Duration.ofSeconds(1));
    for (DynamoDbClient region : new DynamoDbClient[] {virginia, ireland}) {
      assertThat(region.getItem(r -> r.tableName("carts").key(KEY)).item().get("state").s()).isEqualTo("abandoned");
    }
  }
}
