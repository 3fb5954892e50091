package com.example.orders;

import static dev.dynamodouble.junit5.DynamoAssertions.assertThat;
import static dev.dynamodouble.junit5.Items.item;

import dev.dynamodouble.junit5.DynamoTable;
import dev.dynamodouble.junit5.DynamoTables;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

@DynamoTable(name = "orders", partitionKey = "pk")
class OrdersTest {

  @Test
  void storesAnOrder(DynamoDbClient dynamo, DynamoTables tables) {
    dynamo.putItem(r -> r.tableName("orders").item(item("pk", "o-1", "total", 12)));
    assertThat(tables.table("orders")).containsItem(item("pk", "o-1", "total", 12));
  }
}
