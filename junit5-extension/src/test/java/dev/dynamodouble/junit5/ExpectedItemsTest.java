package dev.dynamodouble.junit5;

import static dev.dynamodouble.junit5.Items.item;
import static dev.dynamodouble.junit5.Items.key;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.opentest4j.AssertionFailedError;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** @ExpectedItems: the state after the test, compared exactly or as "contains", with a readable diff. */
@DynamoTable(name = "orders", partitionKey = "pk", sortKey = "sk", fixtures = "orders.json")
class ExpectedItemsTest {

  @Test
  @ExpectedItems("expected/shipped.json")
  void exactlyTheseItems(DynamoDbClient dynamo) {
    dynamo.putItem(r -> r.tableName("orders")
        .item(item("pk", "customer#1", "sk", "order#1", "status", "SHIPPED", "total", 12.5)));
  }

  @Test
  @ExpectedItems(value = "expected/new-order.yml", compare = CompareMode.CONTAINS, ignore = "createdAt")
  void containsTheseItemsIgnoringSomeAttributes(DynamoDbClient dynamo) {
    dynamo.putItem(r -> r.tableName("orders").item(item("pk", "customer#3", "sk", "order#4", "status", "NEW",
        "total", 99, "createdAt", String.valueOf(System.nanoTime()))));
  }

  @Test
  @ExpectedItems(compare = CompareMode.CONTAINS)
  void theFileByConvention() {}

  @Test
  void reportsMissingExtraAndDifferentItems() {
    EngineExecutionResults results = TestKit.execute(Diff.class);
    Throwable failure = TestKit.firstFailure(results);
    assertThat(failure).isInstanceOf(AssertionFailedError.class).hasMessage(
        "The tables do not hold the expected items of dev/dynamodouble/junit5/expected/original.json:\n"
            + "Table \"orders\" (EXACT, ignoring [lines]):\n"
            + "  missing (expected, not in the table):\n"
            + "    {pk=S:\"customer#1\", sk=S:\"order#2\", status=S:\"SHIPPED\", total=N:30}  (line 5)\n"
            + "  extra (in the table, not expected):\n"
            + "    {pk=S:\"customer#3\", sk=S:\"order#4\", status=S:\"NEW\"}\n"
            + "  different:\n"
            + "    key {pk=S:\"customer#2\", sk=S:\"order#3\"}  (line 6)\n"
            + "      paid: expected BOOL:true but absent\n"
            + "      status: expected S:\"NEW\" but was S:\"CANCELLED\"");
    AssertionFailedError assertion = (AssertionFailedError) failure;
    assertThat(assertion.getExpected().getStringRepresentation()).contains("order#2").doesNotContain("order#4");
    assertThat(assertion.getActual().getStringRepresentation()).contains("order#4").doesNotContain("order#2");
  }

  @Test
  void theCheckIsSkippedWhenTheTestFailedAnyway() {
    EngineExecutionResults results = TestKit.execute(FailsFirst.class);
    assertThat(TestKit.firstFailure(results)).hasMessage("the test's own failure");
  }

  @Test
  void aMissingConventionFileIsReported() {
    Throwable failure = TestKit.firstFailure(TestKit.execute(NoFile.class));
    assertThat(failure).isInstanceOf(FixtureException.class).hasMessage("Expected items "
        + "ExpectedItemsTest.NoFile.nothing.expected.json (@ExpectedItems on NoFile.nothing()): no file named, and "
        + "no ExpectedItemsTest.NoFile.nothing.expected.json, .yml or .yaml beside " + NoFile.class.getName());
  }

  @Test
  void aClassLevelExpectationAppliesToEveryTest() {
    EngineExecutionResults results = TestKit.execute(ClassLevel.class);
    assertThat(results.testEvents().succeeded().count()).isEqualTo(1);
    assertThat(results.testEvents().failed().count()).isEqualTo(1);
    assertThat(TestKit.firstFailure(results).getMessage()).contains("missing (expected, not in the table):",
        "order#4");
  }

  @TestKitOnly
  @DynamoTable(name = "orders", partitionKey = "pk", sortKey = "sk", fixtures = "orders.json")
  static class Diff {
    @Test
    @ExpectedItems(value = "expected/original.json", ignore = "lines")
    void changesThings(DynamoDbClient dynamo) {
      dynamo.deleteItem(r -> r.tableName("orders").key(key("pk", "customer#1", "sk", "order#2")));
      dynamo.putItem(r -> r.tableName("orders")
          .item(item("pk", "customer#2", "sk", "order#3", "status", "CANCELLED", "total", 7, "note", null)));
      dynamo.putItem(r -> r.tableName("orders").item(item("pk", "customer#3", "sk", "order#4", "status", "NEW")));
    }
  }

  @TestKitOnly
  @DynamoTable(name = "orders", partitionKey = "pk", sortKey = "sk")
  static class FailsFirst {
    @Test
    @ExpectedItems("expected/original.json")
    void fails() {
      throw new AssertionError("the test's own failure");
    }
  }

  @TestKitOnly
  @DynamoTable(name = "orders", partitionKey = "pk", sortKey = "sk")
  static class NoFile {
    @Test
    @ExpectedItems
    void nothing() {}
  }

  @TestKitOnly
  @DynamoTable(name = "orders", partitionKey = "pk", sortKey = "sk")
  @ExpectedItems(value = "expected/new-order.yml", compare = CompareMode.CONTAINS)
  static class ClassLevel {
    @Test
    void writes(DynamoDbClient dynamo) {
      dynamo.putItem(r -> r.tableName("orders").item(item("pk", "customer#3", "sk", "order#4", "status", "NEW",
          "total", 99)));
    }

    @Test
    void forgets() {}
  }
}
