package dev.dynamodouble.core.table;

import java.time.Instant;

/** Provisioned throughput settings, with the bookkeeping DescribeTable reports. */
public record Throughput(long read, long write, Instant lastIncrease, Instant lastDecrease, int decreasesToday) {
  public static final Throughput NONE = new Throughput(0, 0, null, null, 0);

  public static Throughput of(long read, long write) {
    return new Throughput(read, write, null, null, 0);
  }

  /** These settings changed to {@code read}/{@code write} at {@code at}, with the increase/decrease bookkeeping. */
  public Throughput changedTo(long newRead, long newWrite, Instant at) {
    boolean increase = newRead > read || newWrite > write;
    boolean decrease = newRead < read || newWrite < write;
    return new Throughput(newRead, newWrite, increase ? at : lastIncrease, decrease ? at : lastDecrease,
        decreasesToday + (decrease ? 1 : 0));
  }
}
