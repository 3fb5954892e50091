package dev.dynamodouble.junit5;

import static dev.dynamodouble.junit5.DynamoAssertions.assertThat;
import static dev.dynamodouble.junit5.Items.item;
import static dev.dynamodouble.junit5.Items.key;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dynamodouble.core.DynamoDouble;
import dev.dynamodouble.core.time.DynamoClock;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * @Nested classes see their enclosing classes' tables and fixtures, add their own on the same
 * endpoint, and leave the enclosing class's state as they found it; one that needs other endpoint
 * settings (a clock) gets its own endpoint with every table.
 */
@DynamoTable(name = "orders", partitionKey = "pk", sortKey = "sk", fixtures = "orders.json")
class NestedTest {
  @DynamoInject
  DynamoDouble outerDynamo;

  @DynamoInject
  DynamoDbClient outerClient;

  @Test
  void theOuterClass(DynamoTables tables) {
    assertThat(tables.names()).containsExactly("orders");
  }

  @AfterAll
  static void nestedClassesLeaveNoTrace(DynamoTables tables) {
    assertThat(tables.names()).containsExactly("orders");
    assertThat(tables.table("orders")).hasSize(3);
  }

  @Nested
  class WithoutDeclarations {
    @Test
    void sharesTheEndpointAndItsFixtures(DynamoDouble dynamo, DynamoTables tables) {
      assertThat(dynamo).isSameAs(outerDynamo);
      assertThat(tables.table("orders")).hasSize(3);
    }
  }

  @Nested
  @DynamoTable(name = "customers", partitionKey = "id")
  @DynamoFixture("nested/customers.yml")
  @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
  class WithMoreTables {
    @Test
    @Order(1)
    void seesBothTablesAndBothFixtures(DynamoDouble dynamo, DynamoTables tables) {
      assertThat(dynamo).isSameAs(outerDynamo);
      assertThat(tables.names()).containsExactly("customers", "orders");
      assertThat(tables.table("orders")).hasSize(3);
      assertThat(tables.table("customers")).containsExactlyItems(item("id", "c-1", "name", "Ada"),
          item("id", "c-2", "name", "Grace"));
      assertThat(outerClient.listTables().tableNames()).containsExactly("customers", "orders");
    }

    @Test
    @Order(2)
    void changesThings(DynamoDbClient dynamo) {
      dynamo.deleteItem(r -> r.tableName("customers").key(key("id", "c-1")));
      dynamo.deleteItem(r -> r.tableName("orders").key(key("pk", "customer#1", "sk", "order#1")));
    }

    @Test
    @Order(3)
    void andTheNextTestStartsFromTheFixturesAgain(DynamoTables tables) {
      assertThat(tables.table("customers")).hasSize(2);
      assertThat(tables.table("orders")).hasSize(3);
    }

    @Nested
    class Deeper {
      @Test
      void seesEverythingAbove(DynamoTables tables) {
        assertThat(tables.names()).containsExactly("customers", "orders");
        assertThat(tables.table("customers")).hasSize(2);
      }
    }
  }

  @Nested
  @DynamoDoubleTest(clock = "2024-01-01T00:00:00Z")
  class WithItsOwnClock {
    @Test
    void getsItsOwnEndpointWithEveryTable(DynamoDouble dynamo, DynamoClock clock, DynamoTables tables) {
      assertThat(dynamo).isNotSameAs(outerDynamo);
      assertThat(clock.now()).isEqualTo(Instant.parse("2024-01-01T00:00:00Z"));
      assertThat(outerDynamo.clock().isManual()).isFalse();
      assertThat(tables.table("orders")).hasSize(3);
    }
  }
}
