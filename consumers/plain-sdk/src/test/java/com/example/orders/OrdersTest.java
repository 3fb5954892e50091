package com.example.orders;

import static dev.dynamodouble.junit5.DynamoAssertions.assertThat;
import static dev.dynamodouble.junit5.Items.item;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dynamodouble.junit5.DynamoTable;
import dev.dynamodouble.junit5.DynamoTables;
import io.netty.util.Version;
import java.net.URI;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

@DynamoTable(name = "orders", partitionKey = "pk")
class OrdersTest {

  @Test
  void theYamlFixtureIsLoaded(DynamoTables tables) {
    assertThat(tables.table("orders")).containsItem(item("pk", "o-0", "total", 5));
  }

  @Test
  void injectedSyncClient(DynamoDbClient dynamo, DynamoTables tables) {
    dynamo.putItem(r -> r.tableName("orders").item(item("pk", "o-1", "total", 12)));
    assertThat(tables.table("orders")).containsItem(item("pk", "o-1", "total", 12));
  }

  @Test
  void injectedAsyncClient(DynamoDbAsyncClient dynamo, DynamoTables tables) {
    dynamo.putItem(r -> r.tableName("orders").item(item("pk", "o-2", "total", 7))).join();
    assertThat(tables.table("orders")).containsItem(item("pk", "o-2", "total", 7));
  }

  @Test
  void theApplicationsOwnNettyClient(URI endpoint) {
    try (Orders orders = new Orders(endpoint)) {
      orders.place("o-3", 30).join();
      assertThat(orders.total("o-3").join()).isEqualTo(30);
    }
  }

  @Test
  void theApplicationKeepsItsNetty() {
    assertThat(Version.identify().get("netty-common").artifactVersion()).startsWith("4.1.");
    assertThat(io.netty.channel.Channel.class.getProtectionDomain().getCodeSource().getLocation().toString())
        .contains("netty-transport").doesNotContain("dynamo-double");
  }
}
