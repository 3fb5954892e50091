package dev.dynamodouble.junit5;

import static dev.dynamodouble.junit5.DynamoAssertions.assertThat;
import static dev.dynamodouble.junit5.DynamoAssertions.assertThatItem;
import static dev.dynamodouble.junit5.Items.item;
import static dev.dynamodouble.junit5.Items.key;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dynamodouble.core.DynamoDouble;
import dev.dynamodouble.core.time.DynamoClock;
import java.net.URI;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The everyday use: one annotation, fixtures, injected clients, a fresh state for every test. */
@DynamoTable(name = "orders", partitionKey = "pk", sortKey = "sk", fixtures = "orders.json")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BasicUsageTest {
  @DynamoInject
  DynamoDbClient fieldClient;

  @DynamoInject
  static DynamoDouble staticDynamo;

  @Test
  @Order(1)
  void theFixtureItemsAreThere(DynamoDbClient dynamo, DynamoTables tables) {
    var item = dynamo.getItem(r -> r.tableName("orders").key(key("pk", "customer#1", "sk", "order#1"))).item();
    assertThatItem(item).hasString("status", "NEW").hasNumber("total", 12.5)
        .hasAttribute("tags", Items.stringSet("express", "gift"))
        .hasAttribute("lines", java.util.List.of(java.util.Map.of("sku", "A-1", "qty", 2)));
    assertThat(tables.table("orders")).hasSize(3)
        .containsItem(item("pk", "customer#2", "sk", "order#3", "status", "NEW", "total", 7, "note", null,
            "paid", true));
  }

  @Test
  @SuppressWarnings("unchecked") // the SDK's Consumer varargs
  @Order(2)
  void aTestChangesTheTables(DynamoDbClient dynamo, DynamoTables tables) {
    dynamo.deleteItem(r -> r.tableName("orders").key(key("pk", "customer#1", "sk", "order#1")));
    dynamo.putItem(r -> r.tableName("orders").item(item("pk", "customer#9", "sk", "order#9", "status", "NEW")));
    dynamo.createTable(r -> r.tableName("scratch").billingMode("PAY_PER_REQUEST")
        .keySchema(k -> k.attributeName("id").keyType("HASH"))
        .attributeDefinitions(a -> a.attributeName("id").attributeType("S")));
    assertThat(tables.table("orders")).hasSize(3).doesNotContainKey(key("pk", "customer#1", "sk", "order#1"));
    assertThat(tables.names()).containsExactly("orders", "scratch");
  }

  @Test
  @Order(3)
  void theNextTestStartsFromTheFixturesAgain(DynamoTables tables) {
    assertThat(tables.table("orders")).hasSize(3).containsKey(key("pk", "customer#1", "sk", "order#1"))
        .doesNotContainKey(key("pk", "customer#9", "sk", "order#9"));
    assertThat(tables.names()).containsExactly("orders");
  }

  @Test
  @Order(4)
  void aTestDeletesATable(DynamoDbClient dynamo) {
    dynamo.deleteTable(r -> r.tableName("orders"));
    assertThat(dynamo.listTables().tableNames()).isEmpty();
  }

  @Test
  @Order(5)
  void theNextTestHasItBackWithItsItems(DynamoTables tables) {
    assertThat(tables.table("orders")).hasSize(3);
  }

  @Test
  @Order(6)
  void everythingIsInjectedFromOneEndpoint(DynamoDbClient client, URI endpoint, DynamoDouble dynamo,
      DynamoClock clock) {
    assertThat(client).isSameAs(fieldClient);
    assertThat(dynamo).isSameAs(staticDynamo);
    assertThat(endpoint).isEqualTo(dynamo.endpoint());
    assertThat(endpoint.getHost()).isEqualTo("127.0.0.1");
    assertThat(clock).isSameAs(dynamo.clock());
    assertThat(clock.isManual()).isFalse();
    assertThat(client.listTables().tableNames()).containsExactly("orders");
  }
}
