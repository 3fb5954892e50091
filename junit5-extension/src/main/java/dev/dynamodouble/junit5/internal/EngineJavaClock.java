package dev.dynamodouble.junit5.internal;

import dev.dynamodouble.core.time.DynamoClock;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A {@link java.time.Clock} that reads the engine's clock, so the code under test and the engine
 * agree on the time: hand it to the application and move both with {@code ManualClock.advance}.
 */
final class EngineJavaClock extends Clock {
  private final DynamoClock clock;
  private final ZoneId zone;

  EngineJavaClock(DynamoClock clock, ZoneId zone) {
    this.clock = clock;
    this.zone = zone;
  }

  static Clock of(DynamoClock clock) {
    return new EngineJavaClock(clock, ZoneOffset.UTC);
  }

  @Override
  public ZoneId getZone() {
    return zone;
  }

  @Override
  public Clock withZone(ZoneId newZone) {
    return new EngineJavaClock(clock, newZone);
  }

  @Override
  public Instant instant() {
    return clock.now();
  }

  @Override
  public String toString() {
    return "EngineJavaClock[" + clock + ", " + zone + "]";
  }
}
