package dev.dynamodouble.core.sdk;

import static dev.dynamodouble.core.sdk.SdkTestSupport.item;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dynamodouble.core.DynamoDouble;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

class SmokeTest {
  @Test
  void putThenGetThroughTheSdk() {
    try (DynamoDouble dynamo = DynamoDouble.builder().start(); DynamoDbClient client = SdkTestSupport.client(dynamo)) {
      SdkTestSupport.createTable(client, "smoke", "pk", null);
      client.putItem(r -> r.tableName("smoke").item(item("pk", "a", "v", "1")));
      assertThat(client.getItem(r -> r.tableName("smoke").key(item("pk", "a"))).item()).isEqualTo(item("pk", "a", "v", "1"));
      assertThat(client.listTables().tableNames()).containsExactly("smoke");
    }
  }
}
