package dev.dynamodouble.junit5;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynamodouble.core.time.ManualClock;
import java.time.Duration;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;

/**
 * The per-test reset rewinds table statuses in transition: a table a test left UPDATING is back as
 * the fixtures left it (here CREATING, as a status delay on a manual clock leaves it) and that
 * change finishes again, with the declared throughput.
 */
class ResetTableStatusTest {

  @Test
  void aTableATestLeftUpdatingIsActiveForTheNextTest() {
    TestKit.assertAllPassed(TestKit.execute(LeftUpdating.class));
  }

  @TestKitOnly
  @DynamoDoubleTest(clock = "2026-01-01T00:00:00Z", statusDelay = "PT10S")
  @DynamoTable(name = "orders", partitionKey = "pk", billingMode = Billing.PROVISIONED, readCapacity = 5,
      writeCapacity = 5)
  @TestMethodOrder(MethodOrderer.MethodName.class)
  static class LeftUpdating {
    private static TableStatus status(DynamoDbClient dynamo) {
      return dynamo.describeTable(r -> r.tableName("orders")).table().tableStatus();
    }

    @Test
    void a_endsWhileTheTableIsUpdating(DynamoDbClient dynamo, ManualClock clock) {
      clock.advance(Duration.ofSeconds(10));
      assertThat(status(dynamo)).isEqualTo(TableStatus.ACTIVE);
      dynamo.updateTable(r -> r.tableName("orders").provisionedThroughput(p -> p.readCapacityUnits(50L)
          .writeCapacityUnits(50L)));
      assertThat(status(dynamo)).isEqualTo(TableStatus.UPDATING);
    }

    @Test
    void b_findsItAsTheFixturesLeftIt(DynamoDbClient dynamo, ManualClock clock) {
      assertThat(status(dynamo)).isEqualTo(TableStatus.CREATING);
      clock.advance(Duration.ofMinutes(1));
      assertThat(status(dynamo)).isEqualTo(TableStatus.ACTIVE);
      assertThat(dynamo.describeTable(r -> r.tableName("orders")).table().provisionedThroughput().readCapacityUnits())
          .isEqualTo(5L);
    }
  }
}
