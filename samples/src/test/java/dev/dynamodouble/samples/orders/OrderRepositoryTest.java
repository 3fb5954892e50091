package dev.dynamodouble.samples.orders;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynamodouble.junit5.DynamoTable;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

/** The enhanced-client repository on its own, with the table made from the bean (empty: no fixtures). */
@DynamoTable(name = "orders", bean = Order.class)
class OrderRepositoryTest {

  @Test
  void roundTripsAnOrderWithItsLines(DynamoDbEnhancedClient enhanced, DynamoDbTable<Order> table) {
    OrderRepository orders = new OrderRepository(enhanced, "orders");
    Order order = new Order();
    order.setCustomerId("c-1");
    order.setOrderId("o-1");
    order.setStatus(OrderStatus.PAID);
    order.setLines(List.of(new OrderLine("SKU-1", 3, new BigDecimal("1.25"))));
    order.setTotal(new BigDecimal("3.75"));
    order.setCreatedAt(Instant.parse("2024-03-01T09:00:00Z"));
    orders.save(order);

    Order read = orders.find("c-1", "o-1").orElseThrow();
    assertThat(read.getStatus()).isEqualTo(OrderStatus.PAID);
    assertThat(read.getLines()).singleElement().satisfies(line -> {
      assertThat(line.getSku()).isEqualTo("SKU-1");
      assertThat(line.getUnitPrice()).isEqualByComparingTo("1.25");
    });
    assertThat(table.getItem(read).getTotal()).isEqualByComparingTo("3.75");

    orders.delete("c-1", "o-1");
    assertThat(orders.find("c-1", "o-1")).isEmpty();
  }

  @Test
  void theTableHasTheBeansStatusIndex(DynamoDbClient dynamo) {
    TableDescription table = dynamo.describeTable(r -> r.tableName("orders")).table();
    assertThat(table.globalSecondaryIndexes()).singleElement().satisfies(index -> {
      assertThat(index.indexName()).isEqualTo(Order.BY_STATUS);
      assertThat(index.keySchema()).extracting(k -> k.attributeName()).containsExactly("status", "createdAt");
    });
  }
}
