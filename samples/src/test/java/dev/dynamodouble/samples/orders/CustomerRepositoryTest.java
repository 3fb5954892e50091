package dev.dynamodouble.samples.orders;

import static dev.dynamodouble.junit5.DynamoAssertions.assertThat;
import static dev.dynamodouble.junit5.Items.item;
import static dev.dynamodouble.junit5.Items.stringSet;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dynamodouble.junit5.DynamoInject;
import dev.dynamodouble.junit5.DynamoTable;
import dev.dynamodouble.junit5.DynamoTables;
import dev.dynamodouble.junit5.ExpectedItems;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The low-level repository, seeded from the team's batch-write-item file. */
@DynamoTable(name = "customers", partitionKey = "customerId", fixtures = "customers.json")
class CustomerRepositoryTest {
  @DynamoInject
  DynamoDbClient dynamo;

  @DynamoInject
  DynamoTables tables;

  CustomerRepository customers;

  @BeforeEach
  void wire() {
    customers = new CustomerRepository(dynamo, "customers");
  }

  @Test
  void readsASeededCustomer() {
    assertThat(customers.find("c-ada")).contains(
        new Customer("c-ada", "Ada Lovelace", "ada@example.com", false, Set.of("vip", "newsletter")));
    assertThat(customers.find("c-nobody")).isEmpty();
  }

  @Test
  void writesEveryAttribute() {
    customers.save(new Customer("c-linus", "Linus", "linus@example.com", false, Set.of("beta")));

    assertThat(tables.table("customers")).hasSize(4).containsItem(item("customerId", "c-linus", "name", "Linus",
        "email", "linus@example.com", "blocked", false, "tags", stringSet("beta")));
  }

  @Test
  void leavesOutEmptyTags() {
    customers.save(new Customer("c-linus", "Linus", "linus@example.com", true, Set.of()));

    assertThat(tables.table("customers")).item(item("customerId", "c-linus")).doesNotHaveAttribute("tags")
        .hasBoolean("blocked", true);
  }

  @Test
  @ExpectedItems("expected/customer-deleted.json")
  void deletes() {
    customers.delete("c-grace");
  }
}
