package dev.dynamodouble.core.kinesis;

import java.time.Instant;

/** ApproximateCreationDateTimePrecision: the unit of a record's creation time (microseconds by default). */
public enum Precision {
  MILLISECOND, MICROSECOND;

  /** {@code at} since the epoch in this unit. */
  long epoch(Instant at) {
    return this == MILLISECOND ? at.toEpochMilli()
        : Math.addExact(Math.multiplyExact(at.getEpochSecond(), 1_000_000L), at.getNano() / 1_000);
  }
}
