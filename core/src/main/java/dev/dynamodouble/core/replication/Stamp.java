package dev.dynamodouble.core.replication;

import java.time.Instant;

/**
 * The last-writer-wins stamp of an item's latest write: the time it was committed in the region
 * that made it, with the region's name as the tie-break so every replica orders two writes alike.
 */
public record Stamp(Instant at, String region) implements Comparable<Stamp> {
  @Override
  public int compareTo(Stamp other) {
    int byTime = at.compareTo(other.at);
    return byTime != 0 ? byTime : region.compareTo(other.region);
  }

  /** A stamp for a local write made now, after {@code previous} (which may carry the same time). */
  static Stamp after(Stamp previous, Instant now, String region) {
    Stamp stamp = new Stamp(now, region);
    if (previous == null || stamp.compareTo(previous) > 0) {
      return stamp;
    }
    return new Stamp(previous.at.plusNanos(1), region); // same instant, lower region name: still later
  }
}
