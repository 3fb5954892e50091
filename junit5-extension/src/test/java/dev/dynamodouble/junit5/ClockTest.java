package dev.dynamodouble.junit5;

import static dev.dynamodouble.junit5.DynamoAssertions.assertThat;
import static dev.dynamodouble.junit5.Items.item;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dynamodouble.core.time.DynamoClock;
import dev.dynamodouble.core.time.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;

/** A manual clock chosen per class or per table, moved by the test; every effect that falls due runs. */
@DynamoDoubleTest(clock = "2024-01-01T00:00:00Z", statusDelay = "PT5S")
@DynamoTable(name = "slow", partitionKey = "id")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClockTest {
  static final Instant START = Instant.parse("2024-01-01T00:00:00Z");

  @Test
  @Order(1)
  void theClockStandsAtTheGivenInstant(ManualClock clock, DynamoClock same, DynamoDbClient dynamo) {
    assertThat(clock.now()).isEqualTo(START);
    assertThat(same).isSameAs(clock);
    assertThat(dynamo.describeTable(r -> r.tableName("slow")).table().tableStatus()).isEqualTo(TableStatus.CREATING);
  }

  @Test
  @SuppressWarnings("unchecked") // the SDK's Consumer varargs
  @Order(2)
  void advancingRunsEveryEffectThatFallsDue(ManualClock clock, DynamoDbClient dynamo, java.time.Clock appClock) {
    assertThat(appClock.instant()).isEqualTo(START);
    dynamo.createTable(r -> r.tableName("later").billingMode("PAY_PER_REQUEST")
        .keySchema(k -> k.attributeName("id").keyType("HASH"))
        .attributeDefinitions(a -> a.attributeName("id").attributeType("S")));
    assertThat(status(dynamo, "later")).isEqualTo(TableStatus.CREATING);
    clock.advance(Duration.ofSeconds(4));
    assertThat(status(dynamo, "later")).isEqualTo(TableStatus.CREATING);
    clock.advance(Duration.ofSeconds(1));
    assertThat(status(dynamo, "later")).isEqualTo(TableStatus.ACTIVE);
    assertThat(status(dynamo, "slow")).isEqualTo(TableStatus.ACTIVE);
    assertThat(appClock.instant()).as("the application's clock moves with the engine's").isEqualTo(START.plusSeconds(5));
  }

  @Test
  @Order(3)
  void theResetRewindsTheClockToTheFixtureInstant(ManualClock clock, DynamoDbClient dynamo) {
    // Every test starts at the class's fixture instant, with the clock tasks then pending.
    assertThat(clock.now()).isEqualTo(START);
    assertThat(dynamo.listTables().tableNames()).containsExactly("slow");
  }

  @Nested
  class ANestedClassSharesItsEnclosingClassClock {
    @Test
    void sameClock(ManualClock clock, DynamoClock outer) {
      assertThat(clock).isSameAs(outer);
      assertThat(clock.now()).isAfterOrEqualTo(START);
    }
  }

  @Test
  void aTableLevelClock() {
    TestKit.assertAllPassed(TestKit.execute(TableLevelClock.class));
  }

  @Test
  void manualMeansTheCurrentSecond() {
    TestKit.assertAllPassed(TestKit.execute(ManualNow.class));
  }

  @Test
  void withTheSystemClockTablesAreActiveAndFilledBeforeTheFirstTest() {
    TestKit.assertAllPassed(TestKit.execute(SystemClockWithDelay.class));
  }

  @Test
  void aManualClockCannotBeInjectedOnTheSystemClock() {
    Throwable failure = TestKit.firstFailure(TestKit.execute(AsksForManualClock.class));
    assertThat(failure).isInstanceOf(ParameterResolutionException.class).hasMessage("Cannot supply parameter 0 "
        + "(dev.dynamodouble.core.time.ManualClock) of AsksForManualClock.test(...): the endpoint runs on the system "
        + "clock. Ask for a manual one with @DynamoDoubleTest(clock = \"manual\") or clock = \"2024-01-01T00:00:00Z\"");
  }

  @Test
  void tablesMustAgreeOnTheClock() {
    Throwable failure = TestKit.firstFailure(TestKit.execute(TwoClocks.class));
    assertThat(failure).hasMessage("The tables of " + TwoClocks.class.getName() + " share one clock but ask for two: "
        + "@DynamoTable on " + TwoClocks.class.getName() + " says clock = \"2024-01-01T00:00:00Z\", @DynamoTable on "
        + TwoClocks.class.getName() + " says clock = \"2025-01-01T00:00:00Z\"");
  }

  @Test
  void fixturesNeedActiveTables() {
    Throwable failure = TestKit.firstFailure(TestKit.execute(FixturesOnCreatingTables.class));
    assertThat(failure).isInstanceOf(FixtureException.class).hasMessageContaining("table \"orders\" is CREATING: "
        + "with statusDelay = PT5S on a manual clock, tables stay CREATING until the test advances the clock");
  }

  private static TableStatus status(DynamoDbClient dynamo, String table) {
    return dynamo.describeTable(r -> r.tableName(table)).table().tableStatus();
  }

  @TestKitOnly
  @DynamoTable(name = "things", partitionKey = "id", clock = "2030-05-01T12:00:00Z")
  static class TableLevelClock {
    @Test
    void test(ManualClock clock) {
      assertThat(clock.now()).isEqualTo(Instant.parse("2030-05-01T12:00:00Z"));
    }
  }

  @TestKitOnly
  @DynamoDoubleTest(clock = "manual")
  static class ManualNow {
    @Test
    void test(DynamoClock clock) {
      assertThat(clock.isManual()).isTrue();
      assertThat(clock.now()).isCloseTo(Instant.now(), org.assertj.core.api.Assertions.within(5, ChronoUnit.SECONDS));
    }
  }

  @TestKitOnly
  @DynamoDoubleTest(statusDelay = "PT0.2S")
  @DynamoTable(name = "orders", partitionKey = "pk", sortKey = "sk", fixtures = "orders.json")
  static class SystemClockWithDelay {
    @Test
    void test(DynamoDbClient dynamo, DynamoTables tables) {
      assertThat(status(dynamo, "orders")).isEqualTo(TableStatus.ACTIVE);
      assertThat(tables.table("orders")).hasSize(3);
    }
  }

  @TestKitOnly
  @DynamoTable(name = "things", partitionKey = "id")
  static class AsksForManualClock {
    @Test
    void test(ManualClock clock) {}
  }

  @TestKitOnly
  @DynamoTable(name = "a", partitionKey = "id", clock = "2024-01-01T00:00:00Z")
  @DynamoTable(name = "b", partitionKey = "id", clock = "2025-01-01T00:00:00Z")
  static class TwoClocks {
    @Test
    void test() {}
  }

  @TestKitOnly
  @DynamoDoubleTest(clock = "2024-01-01T00:00:00Z", statusDelay = "PT5S")
  @DynamoTable(name = "orders", partitionKey = "pk", sortKey = "sk", fixtures = "orders.json")
  static class FixturesOnCreatingTables {
    @Test
    void test() {}
  }

  @SuppressWarnings("unused")
  private static final Object UNUSED = item("x", 1);
}
