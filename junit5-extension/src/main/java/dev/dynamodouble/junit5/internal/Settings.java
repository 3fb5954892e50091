package dev.dynamodouble.junit5.internal;

import dev.dynamodouble.core.time.DynamoClock;
import dev.dynamodouble.junit5.Reset;
import dev.dynamodouble.junit5.Transport;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * The effective settings of a class or a test, after merging.
 *
 * @param clock "system", "manual" or an ISO-8601 instant
 * @param transport how the injected clients reach the engine; never DEFAULT
 */
public record Settings(Reset reset, String clock, Duration statusDelay, String region, int reportMaxItems,
                       Transport transport) {
  public static final String SYSTEM = "system";
  public static final String MANUAL = "manual";

  /** Whether two classes can share one endpoint and its clients: same clock, status delay, region and transport. */
  public boolean sameEndpointAs(Settings other) {
    return Objects.equals(clock, other.clock) && Objects.equals(statusDelay, other.statusDelay)
        && Objects.equals(region, other.region) && transport == other.transport;
  }

  public boolean manualClock() {
    return !SYSTEM.equals(clock);
  }

  /** A new clock as {@link #clock()} describes it. */
  public DynamoClock newClock() {
    if (SYSTEM.equals(clock)) {
      return DynamoClock.system();
    }
    if (MANUAL.equals(clock)) {
      return DynamoClock.manual(Instant.now().truncatedTo(ChronoUnit.SECONDS));
    }
    return DynamoClock.manual(Instant.parse(clock));
  }
}
