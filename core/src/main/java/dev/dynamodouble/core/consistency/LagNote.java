package dev.dynamodouble.core.consistency;

import java.time.Duration;

/**
 * A call's own staleness, left by a fault rule: its eventually consistent reads may see the table
 * as it was {@code read} ago, and its index reads the index as it was {@code index} ago (on top of
 * the lags configured for the engine, the table and the index).
 */
public record LagNote(Duration read, Duration index) {
  public LagNote max(LagNote other) {
    return other == null ? this : new LagNote(longer(read, other.read), longer(index, other.index));
  }

  private static Duration longer(Duration a, Duration b) {
    return a.compareTo(b) >= 0 ? a : b;
  }
}
