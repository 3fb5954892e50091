package dev.dynamodouble.junit5;

import static dev.dynamodouble.junit5.Items.item;
import static dev.dynamodouble.junit5.Items.key;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dynamodouble.core.DynamoDouble;
import dev.dynamodouble.core.time.DynamoClock;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.time.Instant;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Settings merge attribute by attribute: method annotation, then class annotations (superclasses,
 * meta-annotations, enclosing classes), then JUnit configuration parameters, then defaults.
 */
class ConfigurationTest {

  @Test
  void theDefaultIsAResetBeforeEveryTest() {
    TestKit.assertAllPassed(TestKit.execute(ExpectsReset.class));
  }

  @Test
  void aConfigurationParameterChangesTheDefault() {
    TestKit.assertAllPassed(TestKit.kit().with("dynamodouble.reset", "never").run(ExpectsNoReset.class));
  }

  @Test
  void aClassAnnotationWinsOverTheConfigurationParameter() {
    TestKit.assertAllPassed(TestKit.kit().with("dynamodouble.reset", "never").run(ClassSaysPerTest.class));
  }

  @Test
  void aMethodAnnotationWinsOverTheClass() {
    TestKit.assertAllPassed(TestKit.execute(MethodSaysNever.class));
  }

  @Test
  void perClassSharesStateBetweenTheTestsOfAClassButNotWithItsNestedClasses() {
    TestKit.assertAllPassed(TestKit.execute(PerClass.class));
  }

  @Test
  void attributeByAttribute() {
    TestKit.assertAllPassed(TestKit.kit().with("dynamodouble.clock", "2020-02-02T00:00:00Z")
        .with("dynamodouble.region", "eu-west-1").with("dynamodouble.reset", "never").run(AttributeByAttribute.class));
  }

  @Test
  void superclassesMetaAnnotationsAndEnclosingClasses() {
    TestKit.assertAllPassed(TestKit.execute(FromComposedAnnotation.class, InheritsSettings.class,
        EnclosingSettings.class));
  }

  @Test
  void badValuesAreReportedWithWhereTheyCameFrom() {
    assertThat(failure(TestKit.kit().with("dynamodouble.reset", "sometimes").run(ExpectsReset.class)))
        .isEqualTo("configuration parameter dynamodouble.reset = \"sometimes\": expected per_test, per_class or never");
    assertThat(failure(TestKit.kit().with("dynamodouble.clock", "yesterday").run(ExpectsReset.class)))
        .isEqualTo("configuration parameter dynamodouble.clock: clock = \"yesterday\" is not \"system\", \"manual\" "
            + "or an ISO-8601 instant such as \"2024-01-01T00:00:00Z\"");
    assertThat(failure(TestKit.kit().with("dynamodouble.statusDelay", "5s").run(ExpectsReset.class)))
        .isEqualTo("configuration parameter dynamodouble.statusDelay: statusDelay = \"5s\" is not an ISO-8601 "
            + "duration such as \"PT2S\"");
    assertThat(failure(TestKit.kit().with("dynamodouble.reportMaxItems", "-3").run(ExpectsReset.class)))
        .isEqualTo("configuration parameter dynamodouble.reportMaxItems: reportMaxItems = \"-3\" is not a count "
            + "(0 or more)");
    assertThat(failure(TestKit.execute(BadClassClock.class))).isEqualTo("@DynamoDoubleTest on "
        + BadClassClock.class.getName() + ": clock = \"noon\" is not \"system\", \"manual\" or an ISO-8601 instant "
        + "such as \"2024-01-01T00:00:00Z\"");
    assertThat(failure(TestKit.execute(MethodClock.class))).isEqualTo("@DynamoDoubleTest on MethodClock.test(): "
        + "clock, statusDelay, region and transport are settings of the endpoint, which the tests of a class share; "
        + "set them on the class");
    assertThat(failure(TestKit.kit().with("dynamodouble.transport", "pigeon").run(ExpectsReset.class)))
        .isEqualTo("configuration parameter dynamodouble.transport = \"pigeon\": expected in-process or http");
  }

  private static String failure(EngineExecutionResults results) {
    return TestKit.firstFailure(results).getMessage();
  }

  /** Writes in its first test; the second checks whether the write is still there. */
  @TestKitOnly
  @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
  @DynamoTable(name = "things", partitionKey = "id")
  abstract static class WriteThenLook {
    abstract boolean expectWriteKept();

    @Test
    @Order(1)
    void writes(DynamoDbClient dynamo) {
      dynamo.putItem(r -> r.tableName("things").item(item("id", "written")));
    }

    @Test
    @Order(2)
    void looks(DynamoTables tables) {
      assertThat(tables.table("things").item(key("id", "written")).isPresent()).isEqualTo(expectWriteKept());
    }
  }

  static class ExpectsReset extends WriteThenLook {
    @Override
    boolean expectWriteKept() {
      return false;
    }
  }

  static class ExpectsNoReset extends WriteThenLook {
    @Override
    boolean expectWriteKept() {
      return true;
    }
  }

  @DynamoDoubleTest(reset = Reset.PER_TEST)
  static class ClassSaysPerTest extends ExpectsReset {}

  @TestKitOnly
  @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
  @DynamoTable(name = "things", partitionKey = "id")
  static class MethodSaysNever {
    @Test
    @Order(1)
    void writes(DynamoDbClient dynamo) {
      dynamo.putItem(r -> r.tableName("things").item(item("id", "written")));
    }

    @Test
    @Order(2)
    @DynamoDoubleTest(reset = Reset.NEVER)
    void looksWithoutReset(DynamoTables tables) {
      assertThat(tables.table("things").item(key("id", "written"))).isPresent();
    }

    @Test
    @Order(3)
    void looksAfterReset(DynamoTables tables) {
      assertThat(tables.table("things").item(key("id", "written"))).isEmpty();
    }
  }

  @DynamoDoubleTest(reset = Reset.PER_CLASS)
  static class PerClass extends ExpectsNoReset {
    @Nested
    class Inner {
      @Test
      void startsFromTheFixtures(DynamoTables tables) {
        assertThat(tables.table("things").item(key("id", "written"))).isEmpty();
      }
    }
  }

  @TestKitOnly
  @DynamoDoubleTest(reset = Reset.PER_TEST)
  @DynamoTable(name = "things", partitionKey = "id")
  static class AttributeByAttribute {
    @Test
    void eachSettingFromItsOwnLevel(DynamoClock clock, DynamoDbClient dynamo, DynamoDouble engine,
        DynamoTables tables) {
      assertThat(clock.now()).isEqualTo(Instant.parse("2020-02-02T00:00:00Z"));
      assertThat(dynamo.serviceClientConfiguration().region()).isEqualTo(Region.EU_WEST_1);
      assertThat(engine.engine().region("eu-west-1").find("things")).isNotNull();
      assertThat(engine.engine().region("us-east-1").tables()).isEmpty();
      assertThat(tables.region()).isEqualTo("eu-west-1");
      dynamo.putItem(r -> r.tableName("things").item(item("id", "x")));
    }

    @Test
    void andTheClassResetWins(DynamoTables tables) {
      assertThat(tables.table("things").isEmpty()).isTrue();
    }
  }

  /** A team's own annotation. */
  @Retention(RetentionPolicy.RUNTIME)
  @DynamoDoubleTest(clock = "2021-01-01T00:00:00Z", region = "ap-south-1")
  @DynamoTable(name = "things", partitionKey = "id")
  @interface TeamDefaults {}

  @TestKitOnly
  @TeamDefaults
  static class FromComposedAnnotation {
    @Test
    void test(DynamoClock clock, DynamoTables tables) {
      assertThat(clock.now()).isEqualTo(Instant.parse("2021-01-01T00:00:00Z"));
      assertThat(tables.region()).isEqualTo("ap-south-1");
      assertThat(tables.names()).containsExactly("things");
    }
  }

  @TeamDefaults
  @DynamoDoubleTest(region = "eu-central-1")
  abstract static class Base {}

  @TestKitOnly
  static class InheritsSettings extends Base {
    @Test
    void theClosestDeclarationWinsPerAttribute(DynamoClock clock, DynamoTables tables) {
      assertThat(tables.region()).isEqualTo("eu-central-1");
      assertThat(clock.now()).isEqualTo(Instant.parse("2021-01-01T00:00:00Z"));
    }
  }

  @TestKitOnly
  @DynamoDoubleTest(clock = "2022-06-01T00:00:00Z", reset = Reset.NEVER)
  static class EnclosingSettings {
    @Nested
    @DynamoTable(name = "inner", partitionKey = "id")
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    class Inner {
      @Test
      @Order(1)
      void seesTheEnclosingClock(DynamoClock clock, DynamoDbClient dynamo) {
        assertThat(clock.now()).isEqualTo(Instant.parse("2022-06-01T00:00:00Z"));
        dynamo.putItem(r -> r.tableName("inner").item(item("id", "kept")));
      }

      @Test
      @Order(2)
      void andItsReset(DynamoTables tables) {
        assertThat(tables.table("inner").item(key("id", "kept"))).isPresent();
      }
    }
  }

  @TestKitOnly
  @DynamoDoubleTest(clock = "noon")
  static class BadClassClock {
    @Test
    void test() {}
  }

  @TestKitOnly
  @DynamoDoubleTest
  static class MethodClock {
    @Test
    @DynamoDoubleTest(clock = "manual")
    void test() {}
  }
}
