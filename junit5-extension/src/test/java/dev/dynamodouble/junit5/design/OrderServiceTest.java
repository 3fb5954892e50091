package dev.dynamodouble.junit5.design;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynamodouble.core.time.DynamoClock;
import dev.dynamodouble.junit5.DynamoTable;
import dev.dynamodouble.junit5.Index;
import dev.dynamodouble.junit5.InjectFault;
import dev.dynamodouble.junit5.StreamView;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The JUnit example of DESIGN.md, as written there (the elided body filled in). It needs a manual
 * clock, which {@link DesignExampleTest} sets with the {@code dynamodouble.clock} configuration
 * parameter; run on its own (system clock) it would fail at {@code clock.advance}.
 */
@DesignExampleOnly
@DynamoTable(name = "orders", partitionKey = "pk", sortKey = "sk",
             gsi = @Index(name = "byCustomer", partitionKey = "customerId", sortKey = "createdAt"),
             stream = StreamView.NEW_AND_OLD_IMAGES, ttlAttribute = "expiresAt",
             fixtures = "orders.json")
class OrderServiceTest {
  @Test
  void expiredOrdersDisappear(DynamoDbClient dynamo, DynamoClock clock) {
    clock.advance(Duration.ofDays(2));
    assertThat(dynamo.scan(r -> r.tableName("orders")).items()).isEmpty();
  }

  @Test
  @InjectFault(operation = "PutItem", error = "ProvisionedThroughputExceededException", times = 2)
  void retriesThrottledWrites(DynamoDbClient dynamo) {
    dynamo.putItem(r -> r.tableName("orders").item(Map.of("pk", AttributeValue.fromS("customer#3"),
        "sk", AttributeValue.fromS("order#3"))));
    assertThat(dynamo.getItem(r -> r.tableName("orders").key(Map.of("pk", AttributeValue.fromS("customer#3"),
        "sk", AttributeValue.fromS("order#3")))).hasItem()).isTrue();
  }
}
