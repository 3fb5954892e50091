package dev.dynamodouble.junit5.design;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

/** DESIGN.md's JUnit example compiles (it is {@link OrderServiceTest}) and passes. */
class DesignExampleTest {
  @Test
  void theExamplePasses() {
    EngineExecutionResults results = EngineTestKit.engine("junit-jupiter")
        .configurationParameter("dynamodouble.clock", "2026-01-01T00:00:00Z")
        .selectors(selectClass(OrderServiceTest.class))
        .execute();
    assertThat(results.allEvents().failed().list()).as("failures").isEmpty();
    assertThat(results.testEvents().succeeded().count()).isEqualTo(2);
  }
}
