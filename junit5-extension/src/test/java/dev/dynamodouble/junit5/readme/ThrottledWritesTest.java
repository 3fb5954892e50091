package dev.dynamodouble.junit5.readme;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynamodouble.core.fault.Faults;
import dev.dynamodouble.junit5.DynamoTable;
import dev.dynamodouble.junit5.InjectFault;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

@DynamoTable(name = "orders", partitionKey = "pk")
class ThrottledWritesTest {
  @Test
  @InjectFault(name = "throttle", operation = "PutItem", table = "orders",
               error = "ProvisionedThroughputExceededException", times = 2)
  void theSdkRetriesThrottledWrites(DynamoDbClient dynamo, Faults faults) {
    dynamo.putItem(r -> r.tableName("orders").item(Map.of("pk", AttributeValue.fromS("o-1"))));

    assertThat(faults.rule("throttle").orElseThrow().hits()).isEqualTo(2); // throttled twice, then stored
  }
}
