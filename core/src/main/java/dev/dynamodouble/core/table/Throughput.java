package dev.dynamodouble.core.table;

import java.time.Instant;

/** Provisioned throughput settings, with the bookkeeping DescribeTable reports. */
public record Throughput(long read, long write, Instant lastIncrease, Instant lastDecrease, int decreasesToday) {
  public static final Throughput NONE = new Throughput(0, 0, null, null, 0);

  public static Throughput of(long read, long write) {
    return new Throughput(read, write, null, null, 0);
  }
}
