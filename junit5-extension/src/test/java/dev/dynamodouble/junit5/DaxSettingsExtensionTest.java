package dev.dynamodouble.junit5;

import static dev.dynamodouble.junit5.Items.item;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dynamodouble.core.time.ManualClock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** {@code @Dax}'s queryTtl, maxItems and maxQueries set the cluster's caches; {@code @Dax DynamoDbEnhancedClient} wraps its client. */
@DynamoDoubleTest(clock = "manual")
@Dax(queryTtl = "PT10S", maxItems = 1, maxQueries = 1)
@DynamoTable(name = "customers", bean = Customer.class)
class DaxSettingsExtensionTest {
  static Map<String, AttributeValue> id(String id) {
    return item("id", id);
  }

  static int queried(DynamoDbClient dax, String id) {
    return dax.query(r -> r.tableName("customers").keyConditionExpression("id = :id")
        .expressionAttributeValues(Map.of(":id", AttributeValue.fromS(id)))).count();
  }

  @Test
  void theQueryCacheLastsQueryTtlAndHoldsMaxQueries(@Dax DynamoDbClient dax, DynamoDbClient dynamo, ManualClock clock) {
    assertThat(queried(dax, "c-1")).isZero();
    dynamo.putItem(r -> r.tableName("customers").item(id("c-1")));
    clock.advance(Duration.ofSeconds(9));
    assertThat(queried(dax, "c-1")).isZero();
    clock.advance(Duration.ofSeconds(1));
    assertThat(queried(dax, "c-1")).isEqualTo(1);

    dynamo.deleteItem(r -> r.tableName("customers").key(id("c-1")));
    assertThat(queried(dax, "c-2")).isZero(); // one entry: evicts the query of c-1
    assertThat(queried(dax, "c-1")).isZero();
  }

  @Test
  void theItemCacheHoldsMaxItems(@Dax DynamoDbClient dax, DynamoDbClient dynamo) {
    assertThat(dax.getItem(r -> r.tableName("customers").key(id("c-1"))).hasItem()).isFalse();
    dynamo.putItem(r -> r.tableName("customers").item(id("c-1")));
    assertThat(dax.getItem(r -> r.tableName("customers").key(id("c-2"))).hasItem()).isFalse(); // evicts c-1's miss
    assertThat(dax.getItem(r -> r.tableName("customers").key(id("c-1"))).hasItem()).isTrue();
  }

  @Test
  void anEnhancedClientThroughDax(@Dax DynamoDbEnhancedClient enhanced, DynamoDbClient dynamo) {
    DynamoDbTable<Customer> customers = enhanced.table("customers", TableSchema.fromBean(Customer.class));
    customers.putItem(new Customer("c-3", "c3@example.com", "FR", 1L));
    dynamo.deleteItem(r -> r.tableName("customers").key(id("c-3"))); // behind DAX's back
    assertThat(customers.getItem(Key.builder().partitionValue("c-3").build()).getEmail())
        .isEqualTo("c3@example.com"); // the write through DAX is in its item cache
  }
}
