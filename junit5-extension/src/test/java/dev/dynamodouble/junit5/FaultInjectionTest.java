package dev.dynamodouble.junit5;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynamodouble.core.fault.FaultHandle;
import dev.dynamodouble.core.fault.FaultRule;
import dev.dynamodouble.core.fault.Faults;
import dev.dynamodouble.core.fault.UnfiredFaultsError;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.Event;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;

/** {@link InjectFault} and {@link FaultScenario}: scope, hit counts, strictness, mistakes up front. */
class FaultInjectionTest {
  private static Map<String, AttributeValue> order(String id) {
    return Map.of("pk", AttributeValue.fromS(id));
  }

  @Test
  void methodRulesApplyToTheirTestAndClassRulesToEveryTestWithFreshCounts() {
    TestKit.assertAllPassed(TestKit.execute(Scoped.class));
  }

  @TestKitOnly
  @DynamoTable(name = "orders", partitionKey = "pk")
  @InjectFault(name = "deletes", operation = "DeleteItem", error = "InternalServerError", nth = 1)
  static class Scoped {
    @Test
    @InjectFault(name = "puts", operation = "PutItem", error = "ProvisionedThroughputExceededException", times = 2)
    void retried(DynamoDbClient dynamo, Faults faults) {
      dynamo.putItem(r -> r.tableName("orders").item(order("o1")));
      assertThat(faults.rule("puts").orElseThrow().hits()).isEqualTo(2);
      dynamo.deleteItem(r -> r.tableName("orders").key(order("o1")));
      assertThat(faults.rule("deletes").orElseThrow().hits()).isEqualTo(1);
    }

    @Test
    void withoutTheMethodRule(DynamoDbClient dynamo, Faults faults) {
      dynamo.putItem(r -> r.tableName("orders").item(order("o1")));
      assertThat(faults.rule("puts")).isEmpty();
      FaultHandle deletes = faults.rule("deletes").orElseThrow();
      assertThat(deletes.hits()).isZero();
      dynamo.deleteItem(r -> r.tableName("orders").key(order("o1")));
      assertThat(deletes.hits()).isEqualTo(1);
      assertThat(deletes.matched()).isEqualTo(2); // the SDK retried the 500
    }

    @Test
    void javaApiRulesLastForTheirTest(DynamoDbClient dynamo, Faults faults) {
      faults.add(FaultRule.on("GetItem").name("java").error("InternalServerError").lenient(true));
      dynamo.deleteItem(r -> r.tableName("orders").key(order("x")));
    }

    @Test
    void theJavaApiRuleIsGone(Faults faults, DynamoDbClient dynamo) {
      assertThat(faults.rule("java")).isEmpty();
      dynamo.deleteItem(r -> r.tableName("orders").key(order("x")));
    }
  }

  @Test
  void aMethodRuleThatNeverFiredFailsItsTest() {
    EngineExecutionResults results = TestKit.execute(Unfired.class);
    assertThat(results.testEvents().failed().count()).isEqualTo(1);
    assertThat(results.testEvents().succeeded().count()).isEqualTo(1);
    assertThat(TestKit.firstFailure(results)).isInstanceOf(UnfiredFaultsError.class)
        .hasMessageContaining("A fault rule never fired")
        .hasMessageContaining("[@InjectFault on Unfired.misspelled()]: PutItem, table ordres: error ThrottlingException");
    TestKit.assertAllPassed(TestKit.kit().with("dynamodouble.faults.strict", "false").run(Unfired.class));
  }

  @TestKitOnly
  @DynamoTable(name = "orders", partitionKey = "pk")
  static class Unfired {
    @Test
    @InjectFault(operation = "PutItem", table = "ordres", error = "ThrottlingException")
    void misspelled(DynamoDbClient dynamo) {
      dynamo.putItem(r -> r.tableName("orders").item(order("o1")));
    }

    @Test
    @InjectFault(operation = "PutItem", table = "ordres", error = "ThrottlingException", lenient = true)
    void lenient(DynamoDbClient dynamo) {
      dynamo.putItem(r -> r.tableName("orders").item(order("o1")));
    }
  }

  @Test
  void aClassRuleThatNeverFiredInAnyTestFailsTheClass() {
    EngineExecutionResults results = TestKit.execute(UnfiredClassRule.class);
    assertThat(results.testEvents().succeeded().count()).isEqualTo(1);
    assertThat(TestKit.firstFailure(results)).isInstanceOf(UnfiredFaultsError.class)
        .hasMessageContaining("Scan: error ThrottlingException");
  }

  @TestKitOnly
  @DynamoTable(name = "orders", partitionKey = "pk")
  @InjectFault(operation = "Scan", error = "ThrottlingException")
  static class UnfiredClassRule {
    @Test
    void neverScans(DynamoDbClient dynamo) {
      dynamo.putItem(r -> r.tableName("orders").item(order("o1")));
    }
  }

  @Test
  void aClassRuleCountsItsHitsInNestedClassesToo() {
    TestKit.assertAllPassed(TestKit.execute(FiresInNestedOrOuter.class));

    EngineExecutionResults results = TestKit.execute(FiresNowhere.class);
    assertThat(results.testEvents().succeeded().count()).isEqualTo(2);
    List<Event> failed = results.containerEvents().failed().list();
    assertThat(failed).hasSize(2); // the nested class for its own rule, the outer class for its
    assertThat(failed).extracting(e -> e.getTestDescriptor().getDisplayName() + ": " + failure(e).getMessage())
        .anySatisfy(m -> assertThat(m).startsWith("Deeper: ").contains("inner-never [").doesNotContain("outer-"))
        .anySatisfy(m -> assertThat(m).startsWith("FaultInjectionTest$FiresNowhere: ").contains("outer-never [")
            .doesNotContain("inner-never").doesNotContain("outer-fires"));
  }

  private static Throwable failure(Event event) {
    return event.getPayload(TestExecutionResult.class).orElseThrow().getThrowable().orElseThrow();
  }

  // ValidationException: the SDK does not retry it, so each test makes one call, not a throttled
  // call's retries with their back-off.
  @TestKitOnly
  @DynamoTable(name = "orders", partitionKey = "pk")
  @InjectFault(name = "outer-scan", operation = "Scan", error = "ValidationException")
  @InjectFault(name = "outer-get", operation = "GetItem", error = "ValidationException")
  static class FiresInNestedOrOuter {
    @Test
    void gets(DynamoDbClient dynamo) { // fires outer-get only
      assertThatThrownBy(() -> dynamo.getItem(r -> r.tableName("orders").key(order("o1"))))
          .isInstanceOf(DynamoDbException.class);
    }

    @Nested
    class Scanning {
      @Test
      void scans(DynamoDbClient dynamo) { // fires outer-scan only, and only here
        assertThatThrownBy(() -> dynamo.scan(r -> r.tableName("orders"))).isInstanceOf(DynamoDbException.class);
      }

      @Nested
      @InjectFault(name = "inner-put", operation = "PutItem", error = "ValidationException")
      class Deeper {
        @Test
        void puts(DynamoDbClient dynamo) { // fires inner-put only
          assertThatThrownBy(() -> dynamo.putItem(r -> r.tableName("orders").item(order("o1"))))
              .isInstanceOf(DynamoDbException.class);
        }
      }
    }
  }

  @TestKitOnly
  @DynamoTable(name = "orders", partitionKey = "pk")
  @InjectFault(name = "outer-never", operation = "Scan", error = "ValidationException")
  @InjectFault(name = "outer-fires", operation = "GetItem", error = "ValidationException")
  static class FiresNowhere {
    @Test
    void noTestHere() {
    }

    @Nested
    class Inner {
      @Nested
      @InjectFault(name = "inner-never", operation = "PutItem", error = "ValidationException")
      class Deeper {
        @Test
        void gets(DynamoDbClient dynamo) {
          assertThatThrownBy(() -> dynamo.getItem(r -> r.tableName("orders").key(order("o1"))))
              .isInstanceOf(DynamoDbException.class);
        }
      }
    }
  }

  @Test
  void mistakesFailTheClassBeforeAnyTestRuns() {
    EngineExecutionResults results = TestKit.execute(UnknownError.class);
    assertThat(results.testEvents().started().count()).isZero();
    assertThat(TestKit.firstFailure(results)).isInstanceOf(ExtensionConfigurationException.class)
        .hasMessageStartingWith("@InjectFault on UnknownError.late(): field \"error\": unknown error \"Throttled\"");

    EngineExecutionResults impossible = TestKit.execute(ImpossibleMatcher.class);
    assertThat(impossible.testEvents().started().count()).isZero();
    assertThat(TestKit.firstFailure(impossible)).hasMessageContaining("field \"operation\": leaving items "
        + "unprocessed applies to BatchExecuteStatement, BatchGetItem and BatchWriteItem only");

    EngineExecutionResults badFile = TestKit.execute(BadScenario.class);
    assertThat(badFile.testEvents().started().count()).isZero();
    assertThat(TestKit.firstFailure(badFile)).isInstanceOf(ExtensionConfigurationException.class)
        .hasMessageStartingWith("dev/dynamodouble/junit5/faults/bad.yml, line 4: field \"error\": unknown error "
            + "\"ProvisionedThroughputExceeded\"");
  }

  @TestKitOnly
  @DynamoTable(name = "orders", partitionKey = "pk")
  static class UnknownError {
    @Test
    void early() {
    }

    @Test
    @InjectFault(operation = "PutItem", error = "Throttled")
    void late() {
    }
  }

  @TestKitOnly
  @DynamoTable(name = "orders", partitionKey = "pk")
  @InjectFault(operation = "PutItem", unprocessedShare = 0.5)
  static class ImpossibleMatcher {
    @Test
    void test() {
    }
  }

  @TestKitOnly
  @DynamoTable(name = "orders", partitionKey = "pk")
  static class BadScenario {
    @Test
    @FaultScenario("faults/bad.yml")
    void test() {
    }
  }

  @Test
  void aScenarioFileOnATest() {
    TestKit.assertAllPassed(TestKit.execute(WithScenario.class));
  }

  @TestKitOnly
  @DynamoTable(name = "orders", partitionKey = "pk")
  static class WithScenario {
    @Test
    @FaultScenario("faults/throttle-orders.yml")
    void throttled(DynamoDbClient dynamo, Faults faults) {
      dynamo.putItem(r -> r.tableName("orders").item(order("o1")));
      assertThat(faults.rule("throttle-orders").orElseThrow().hits()).isEqualTo(2);
    }

    @Test
    void notThrottled(Faults faults) {
      assertThat(faults.rules()).isEmpty();
    }
  }

  @Test
  void everyTestStartsAtTheFixtureInstantWithTheClassesState() {
    TestKit.assertAllPassed(TestKit.execute(TimeReset.class));
  }

  @TestKitOnly
  @DynamoDoubleTest(clock = "2026-01-01T00:00:00Z")
  @DynamoTable(name = "orders", partitionKey = "pk")
  @org.junit.jupiter.api.TestMethodOrder(org.junit.jupiter.api.MethodOrderer.MethodName.class)
  static class TimeReset {
    @Test
    void a_movesTimeAndChangesSettings(dev.dynamodouble.core.time.ManualClock clock, DynamoDbClient dynamo,
                                      dev.dynamodouble.core.DynamoDouble engine) {
      clock.advance(java.time.Duration.ofDays(3));
      dynamo.createBackup(r -> r.tableName("orders").backupName("mine"));
      engine.consistency().readLag(java.time.Duration.ofSeconds(1));
    }

    @Test
    void b_startsAtTheFixtureInstant(dev.dynamodouble.core.time.ManualClock clock, DynamoDbClient dynamo,
                                     dev.dynamodouble.core.DynamoDouble engine) {
      assertThat(clock.now()).isEqualTo(java.time.Instant.parse("2026-01-01T00:00:00Z"));
      assertThat(dynamo.listBackups(r -> r.tableName("orders")).backupSummaries()).isEmpty();
      assertThat(engine.consistency().readLag()).isZero();
    }
  }

  @Test
  void errorsReachTheTestAsTheSdkReportsThem() {
    TestKit.assertAllPassed(TestKit.execute(Errors.class));
  }

  @TestKitOnly
  @DynamoTable(name = "orders", partitionKey = "pk")
  static class Errors {
    @Test
    @InjectFault(operation = "GetItem", error = "ValidationException", message = "injected")
    void notRetried(DynamoDbClient dynamo) {
      try {
        dynamo.getItem(r -> r.tableName("orders").key(order("o1")));
        throw new AssertionError("expected an error");
      } catch (DynamoDbException e) {
        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
        assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("injected");
        assertThat(e.numAttempts()).isEqualTo(1);
      }
    }
  }
}
