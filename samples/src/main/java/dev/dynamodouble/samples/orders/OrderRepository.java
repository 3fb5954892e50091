package dev.dynamodouble.samples.orders;

import java.util.Optional;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;

/**
 * Orders, through the enhanced client. Listing a customer's orders (Query) and orders by status
 * (Query on {@link Order#BY_STATUS}) belong here too, with their tests, once the engine serves Query.
 */
public class OrderRepository {
  private static final TableSchema<Order> SCHEMA = TableSchema.fromBean(Order.class);

  private final DynamoDbTable<Order> table;

  public OrderRepository(DynamoDbEnhancedClient enhanced, String tableName) {
    this.table = enhanced.table(tableName, SCHEMA);
  }

  public void save(Order order) {
    table.putItem(order);
  }

  public Optional<Order> find(String customerId, String orderId) {
    return Optional.ofNullable(table.getItem(key(customerId, orderId)));
  }

  public void delete(String customerId, String orderId) {
    table.deleteItem(key(customerId, orderId));
  }

  private static Key key(String customerId, String orderId) {
    return Key.builder().partitionValue(customerId).sortValue(orderId).build();
  }
}
