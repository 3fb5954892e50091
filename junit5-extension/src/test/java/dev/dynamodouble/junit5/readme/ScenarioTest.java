package dev.dynamodouble.junit5.readme;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynamodouble.core.fault.Faults;
import dev.dynamodouble.junit5.DynamoTable;
import dev.dynamodouble.junit5.FaultScenario;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

@DynamoTable(name = "orders", partitionKey = "pk")
@FaultScenario("orders-faults.yml") // beside this class on the classpath
class ScenarioTest {
  static final Map<String, AttributeValue> KEY = Map.of("pk", AttributeValue.fromS("o-1"));

  @Test
  void survivesAFlakyRead(DynamoDbClient dynamo, Faults faults) {
    dynamo.putItem(r -> r.tableName("orders").item(KEY));
    assertThat(dynamo.getItem(r -> r.tableName("orders").key(KEY)).hasItem()).isTrue(); // a 500, then a retry

    assertThat(faults.rule("flaky-read").orElseThrow().hits()).isEqualTo(1);
    assertThat(faults.rule("slow-writes").orElseThrow().hits()).isEqualTo(1);
  }
}
