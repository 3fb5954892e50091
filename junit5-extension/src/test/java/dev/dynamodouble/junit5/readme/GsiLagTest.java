package dev.dynamodouble.junit5.readme;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynamodouble.core.time.ManualClock;
import dev.dynamodouble.junit5.DynamoDoubleTest;
import dev.dynamodouble.junit5.DynamoTable;
import dev.dynamodouble.junit5.Index;
import dev.dynamodouble.junit5.InjectFault;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

@DynamoDoubleTest(clock = "2026-01-01T00:00:00Z")
@DynamoTable(name = "orders", partitionKey = "pk", gsi = @Index(name = "byCustomer", partitionKey = "customerId"))
class GsiLagTest {
  @Test
  @InjectFault(operation = "Query", index = "byCustomer", indexLag = "2s")
  void anIndexTrailsItsTable(DynamoDbClient dynamo, ManualClock clock) {
    dynamo.putItem(r -> r.tableName("orders").item(Map.of("pk", AttributeValue.fromS("o-1"),
        "customerId", AttributeValue.fromS("c-1"))));

    assertThat(ordersOf(dynamo, "c-1")).isZero(); // the index has not caught up yet
    clock.advance(Duration.ofSeconds(2));
    assertThat(ordersOf(dynamo, "c-1")).isEqualTo(1);
  }

  static int ordersOf(DynamoDbClient dynamo, String customer) {
    return dynamo.query(r -> r.tableName("orders").indexName("byCustomer")
        .keyConditionExpression("customerId = :c")
        .expressionAttributeValues(Map.of(":c", AttributeValue.fromS(customer)))).count();
  }
}
