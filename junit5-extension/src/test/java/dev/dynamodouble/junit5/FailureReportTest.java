package dev.dynamodouble.junit5;

import static dev.dynamodouble.junit5.Items.item;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** A failing test carries what the tables held: the ones it changed, bounded in size. */
class FailureReportTest {

  @Test
  void theTablesTheTestChanged() {
    Throwable failure = TestKit.firstFailure(TestKit.execute(ChangesOrders.class));
    assertThat(failure).hasMessage("boom");
    assertThat(failure.getSuppressed()).hasSize(1);
    assertThat(failure.getSuppressed()[0].getMessage()).isEqualTo(
        "Dynamo Double tables when the test failed (the tables the test changed):\n"
            + "table \"orders\", 3 items (the test wrote 1, deleted 1):\n"
            + "  written: {pk=S:\"customer#9\", sk=S:\"order#9\"}\n"
            + "  deleted: {pk=S:\"customer#1\", sk=S:\"order#2\", status=S:\"SHIPPED\", total=N:30}\n"
            + "  ... 2 more");
  }

  @Test
  void everyTableWhenTheTestChangedNone() {
    Throwable failure = TestKit.firstFailure(TestKit.execute(ChangesNothing.class));
    assertThat(failure.getSuppressed()[0].getMessage()).isEqualTo(
        "Dynamo Double tables when the test failed (no table changed during the test; all tables; "
            + "clock at 2024-01-01T00:00:00Z):\n"
            + "table \"customers\", 0 items\n"
            + "table \"orders\", 0 items");
  }

  @Test
  void turnedOff() {
    Throwable failure = TestKit.firstFailure(TestKit.kit().with("dynamodouble.reportMaxItems", "0")
        .run(ChangesNothing.class));
    assertThat(failure.getSuppressed()).isEmpty();
  }

  @Test
  void notAddedToPassingTests() {
    TestKit.assertAllPassed(TestKit.execute(Passes.class));
  }

  @TestKitOnly
  @DynamoTable(name = "orders", partitionKey = "pk", sortKey = "sk", fixtures = "orders.json")
  @DynamoTable(name = "customers", partitionKey = "id")
  @DynamoDoubleTest(reportMaxItems = 2)
  static class ChangesOrders {
    @Test
    void fails(DynamoDbClient dynamo) {
      dynamo.putItem(r -> r.tableName("orders").item(item("pk", "customer#9", "sk", "order#9")));
      dynamo.deleteItem(r -> r.tableName("orders").key(item("pk", "customer#1", "sk", "order#2")));
      throw new AssertionError("boom");
    }
  }

  @TestKitOnly
  @DynamoTable(name = "orders", partitionKey = "pk", sortKey = "sk")
  @DynamoTable(name = "customers", partitionKey = "id")
  @DynamoDoubleTest(clock = "2024-01-01T00:00:00Z")
  static class ChangesNothing {
    @Test
    void fails() {
      throw new IllegalStateException("boom");
    }
  }

  @TestKitOnly
  @DynamoTable(name = "orders", partitionKey = "pk", sortKey = "sk")
  static class Passes {
    @Test
    void passes() {}
  }
}
