package dev.dynamodouble.core.capacity;

/** Capacity units by DynamoDB's rules: reads in 4 KB units (halved when eventually consistent), writes in 1 KB units. */
public final class Capacity {
  private static final int READ_UNIT = 4096;
  private static final int WRITE_UNIT = 1024;

  private Capacity() {}

  /** Read units for one item read of {@code bytes} (at least one unit, even for a missing item). */
  public static double readUnits(long bytes, boolean consistent) {
    long units = Math.max(1, (bytes + READ_UNIT - 1) / READ_UNIT);
    return consistent ? units : units / 2.0;
  }

  /** Write units for one item write of {@code bytes} (at least one). */
  public static double writeUnits(long bytes) {
    return Math.max(1, (bytes + WRITE_UNIT - 1) / WRITE_UNIT);
  }
}
