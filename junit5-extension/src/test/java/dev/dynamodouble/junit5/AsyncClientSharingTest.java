package dev.dynamodouble.junit5;

import static dev.dynamodouble.junit5.Items.item;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;

/**
 * The injected asynchronous clients of all classes share one HTTP client: closing a class's client
 * at its end must leave it working for the classes after it, also in a later run in the same JVM.
 */
class AsyncClientSharingTest {

  @Test
  void eachClassInjectsAWorkingAsyncClientAfterOthersClosedTheirs() {
    TestKit.assertAllPassed(TestKit.execute(First.class, Second.class));
    TestKit.assertAllPassed(TestKit.execute(First.class));
  }

  @TestKitOnly
  @DynamoTable(name = "orders", partitionKey = "pk")
  static class First {
    @Test
    void writesAndReads(DynamoDbAsyncClient dynamo) {
      dynamo.putItem(r -> r.tableName("orders").item(item("pk", "first"))).join();
      assertThat(dynamo.getItem(r -> r.tableName("orders").key(item("pk", "first"))).join().hasItem()).isTrue();
    }
  }

  @TestKitOnly
  @DynamoTable(name = "orders", partitionKey = "pk")
  static class Second {
    @Test
    void reads(DynamoDbAsyncClient dynamo) {
      assertThat(dynamo.getItem(r -> r.tableName("orders").key(item("pk", "none"))).join().hasItem()).isFalse();
    }
  }
}
