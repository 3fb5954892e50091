package dev.dynamodouble.junit5;

import static dev.dynamodouble.junit5.DynamoAssertions.assertThat;
import static dev.dynamodouble.junit5.Items.item;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The shortest complete test, as the README shows it. */
@DynamoTable(name = "orders", partitionKey = "pk")
class ReadmeExampleTest {
  @Test
  void storesAnOrder(DynamoDbClient dynamo, DynamoTables tables) {
    dynamo.putItem(r -> r.tableName("orders").item(item("pk", "o-1", "total", 12)));

    assertThat(tables.table("orders")).containsItem(item("pk", "o-1", "total", 12));
  }
}
