package dev.dynamodouble.samples.orders;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Customers, through the low-level client with hand-written attribute maps. */
public class CustomerRepository {
  private final DynamoDbClient dynamo;
  private final String tableName;

  public CustomerRepository(DynamoDbClient dynamo, String tableName) {
    this.dynamo = dynamo;
    this.tableName = tableName;
  }

  public void save(Customer customer) {
    Map<String, AttributeValue> item = new HashMap<>();
    item.put("customerId", AttributeValue.fromS(customer.customerId()));
    item.put("name", AttributeValue.fromS(customer.name()));
    item.put("email", AttributeValue.fromS(customer.email()));
    item.put("blocked", AttributeValue.fromBool(customer.blocked()));
    if (!customer.tags().isEmpty()) {
      item.put("tags", AttributeValue.fromSs(new TreeSet<>(customer.tags()).stream().toList()));
    }
    dynamo.putItem(r -> r.tableName(tableName).item(item));
  }

  public Optional<Customer> find(String customerId) {
    Map<String, AttributeValue> item = dynamo.getItem(r -> r.tableName(tableName)
        .key(Map.of("customerId", AttributeValue.fromS(customerId))).consistentRead(true)).item();
    if (item == null || item.isEmpty()) {
      return Optional.empty();
    }
    AttributeValue blocked = item.get("blocked");
    AttributeValue tags = item.get("tags");
    return Optional.of(new Customer(item.get("customerId").s(), item.get("name").s(), item.get("email").s(),
        blocked != null && Boolean.TRUE.equals(blocked.bool()), tags == null ? null : new TreeSet<>(tags.ss())));
  }

  public void delete(String customerId) {
    dynamo.deleteItem(r -> r.tableName(tableName).key(Map.of("customerId", AttributeValue.fromS(customerId))));
  }
}
