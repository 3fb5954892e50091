package dev.dynamodouble.junit5;

import static dev.dynamodouble.junit5.DynamoAssertions.assertThat;
import static dev.dynamodouble.junit5.Items.item;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dynamodouble.core.DynamoDouble;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Under JUnit's parallel execution, classes run at the same time, each on its own endpoint with
 * the same table names and no shared data; the tests of one class never overlap.
 */
class ParallelTest {
  static CountDownLatch allClassesRunning;
  static final Set<DynamoDouble> ENDPOINTS = ConcurrentHashMap.newKeySet();
  static final java.util.Map<Class<?>, AtomicInteger> RUNNING = new ConcurrentHashMap<>();
  static final AtomicInteger MOST_AT_ONCE_IN_ONE_CLASS = new AtomicInteger();

  @Test
  void classesRunConcurrentlyEachWithItsOwnTables() {
    allClassesRunning = new CountDownLatch(4);
    ENDPOINTS.clear();
    MOST_AT_ONCE_IN_ONE_CLASS.set(0);
    RUNNING.clear();
    EngineExecutionResults results = TestKit.kit()
        .with("junit.jupiter.execution.parallel.enabled", "true")
        .with("junit.jupiter.execution.parallel.mode.default", "concurrent")
        .with("junit.jupiter.execution.parallel.mode.classes.default", "concurrent")
        .with("junit.jupiter.execution.parallel.config.strategy", "fixed")
        .with("junit.jupiter.execution.parallel.config.fixed.parallelism", "6")
        .run(A.class, B.class, C.class, D.class);
    TestKit.assertAllPassed(results);
    assertThat(results.testEvents().succeeded().count()).isEqualTo(4 * 4);
    assertThat(ENDPOINTS).hasSize(4);
    assertThat(MOST_AT_ONCE_IN_ONE_CLASS.get()).isEqualTo(1);
  }

  @TestKitOnly
  @DynamoTable(name = "orders", partitionKey = "pk", sortKey = "sk", fixtures = "orders.json")
  abstract static class Worker {
    @Test
    void meetsTheOtherClasses(DynamoDouble dynamo) throws InterruptedException {
      ENDPOINTS.add(dynamo);
      allClassesRunning.countDown();
      assertThat(allClassesRunning.await(20, TimeUnit.SECONDS)).as("the four classes ran at the same time").isTrue();
    }

    @RepeatedTest(3)
    void writesAndSeesOnlyItsOwnItems(DynamoDbClient dynamo, DynamoTables tables) throws InterruptedException {
      AtomicInteger inThisClass = RUNNING.computeIfAbsent(getClass(), c -> new AtomicInteger());
      int running = inThisClass.incrementAndGet();
      MOST_AT_ONCE_IN_ONE_CLASS.accumulateAndGet(running, Math::max);
      try {
        String me = getClass().getSimpleName();
        dynamo.putItem(r -> r.tableName("orders").item(item("pk", me, "sk", "x")));
        Thread.sleep(20);
        assertThat(tables.table("orders")).hasSize(4).containsKey(item("pk", me, "sk", "x"));
      } finally {
        inThisClass.decrementAndGet();
      }
    }
  }

  static class A extends Worker {}

  static class B extends Worker {}

  static class C extends Worker {}

  static class D extends Worker {}
}
