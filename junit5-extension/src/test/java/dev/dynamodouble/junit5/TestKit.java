package dev.dynamodouble.junit5;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.discovery.ClassSelector;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

/** Runs {@link TestKitOnly} classes through the Jupiter engine and reads what happened. */
final class TestKit {
  static final String MARKER = "dynamodouble.testkit";

  private final Map<String, String> parameters = new LinkedHashMap<>();

  static TestKit kit() {
    return new TestKit();
  }

  TestKit with(String key, String value) {
    parameters.put(key, value);
    return this;
  }

  EngineExecutionResults run(Class<?>... classes) {
    List<ClassSelector> selectors = new ArrayList<>();
    for (Class<?> c : classes) {
      selectors.add(selectClass(c));
    }
    return EngineTestKit.engine("junit-jupiter")
        .configurationParameter(MARKER, "true")
        .configurationParameters(parameters)
        .selectors(selectors.toArray(new ClassSelector[0]))
        .execute();
  }

  /** Runs classes with no extra configuration and returns the results. */
  static EngineExecutionResults execute(Class<?>... testClasses) {
    return kit().run(testClasses);
  }

  /** The throwable of the first failed event (container or test). */
  static Throwable firstFailure(EngineExecutionResults results) {
    List<Event> failed = new ArrayList<>(results.allEvents().failed().list());
    if (failed.isEmpty()) {
      throw new AssertionError("nothing failed; events: " + results.allEvents().list());
    }
    return failed.get(0).getPayload(TestExecutionResult.class).orElseThrow().getThrowable().orElseThrow();
  }

  /** Fails with the causes when anything failed. */
  static void assertAllPassed(EngineExecutionResults results) {
    List<Event> failed = results.allEvents().failed().list();
    if (!failed.isEmpty()) {
      AssertionError error = new AssertionError(failed.size() + " failed: " + failed);
      for (Event event : failed) {
        event.getPayload(TestExecutionResult.class).flatMap(TestExecutionResult::getThrowable)
            .ifPresent(error::addSuppressed);
      }
      throw error;
    }
    if (results.testEvents().succeeded().count() == 0) {
      throw new AssertionError("no test ran: " + results.allEvents().list());
    }
  }

  private TestKit() {}
}
