package dev.dynamodouble.junit5;

import static dev.dynamodouble.junit5.DynamoAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Test;

/** Tables declared on a superclass, through a team's own annotation, or both. */
class InheritanceTest {
  /** A team declares its tables once. */
  @Target(ElementType.TYPE)
  @Retention(RetentionPolicy.RUNTIME)
  @DynamoTable(name = "orders", partitionKey = "pk", sortKey = "sk", fixtures = "orders.json")
  @interface OrdersTable {}

  /** Meta-annotations nest. */
  @Target(ElementType.TYPE)
  @Retention(RetentionPolicy.RUNTIME)
  @OrdersTable
  @DynamoTable(name = "customers", bean = Customer.class)
  @interface ShopTables {}

  @DynamoTable(name = "audit", partitionKey = "id")
  abstract static class AuditedTest {}

  @Test
  void throughInheritanceAndMetaAnnotations() {
    TestKit.assertAllPassed(TestKit.execute(Shop.class, SameAnnotationTwice.class));
  }

  @Test
  void twoDifferentDeclarationsOfOneTable() {
    assertThat(TestKit.firstFailure(TestKit.execute(Conflict.class))).hasMessage("Table \"orders\" is declared "
        + "twice: by @DynamoTable(name = \"orders\") on " + Conflict.class.getName() + " and by @DynamoTable(name = "
        + "\"orders\") on @OrdersTable");
  }

  @TestKitOnly
  @ShopTables
  static class Shop extends AuditedTest {
    @Test
    void everyTableIsThere(DynamoTables tables) {
      assertThat(tables.names()).containsExactly("audit", "customers", "orders");
      assertThat(tables.table("orders")).hasSize(3);
    }
  }

  @TestKitOnly
  @OrdersTable
  @ShopTables
  static class SameAnnotationTwice {
    @Test
    void isOneTable(DynamoTables tables) {
      assertThat(tables.names()).containsExactly("customers", "orders");
    }
  }

  @TestKitOnly
  @OrdersTable
  @DynamoTable(name = "orders", partitionKey = "id")
  static class Conflict {
    @Test
    void test() {}
  }
}
