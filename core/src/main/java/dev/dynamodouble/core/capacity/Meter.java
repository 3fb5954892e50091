package dev.dynamodouble.core.capacity;

import java.util.concurrent.atomic.LongAdder;

/**
 * One limited flow (the reads or the writes of a table, a GSI or a partition): its token bucket,
 * or none when nothing limits it, and what it admitted, refused and consumed.
 */
final class Meter {
  private volatile TokenBucket bucket;
  private volatile Limit limit;
  private final LongAdder admitted = new LongAdder();
  private final LongAdder throttled = new LongAdder();
  private final LongAdder consumedMilli = new LongAdder();

  /** Sets the rate (units per second); zero or less means unlimited. */
  void limit(long rate, Limit kind, long nowNanos) {
    TokenBucket current = bucket;
    if (rate <= 0) {
      bucket = null;
    } else if (current == null || limit != kind) {
      bucket = new TokenBucket(rate, kind.burstSeconds(), nowNanos);
    } else if (current.rate() != rate) {
      current.rate(rate, kind.burstSeconds(), nowNanos);
    }
    limit = kind;
  }

  Limit limit() {
    return limit;
  }

  boolean limited() {
    return bucket != null;
  }

  /** Whether a request may start now (always, when unlimited). */
  boolean positive(long nowNanos) {
    TokenBucket b = bucket;
    return b == null || b.positive(nowNanos);
  }

  /** Whether the bucket stays positive once {@code reservedMilli} more are taken. */
  boolean positiveAfter(long reservedMilli, long nowNanos) {
    TokenBucket b = bucket;
    return b == null || b.positiveAfter(reservedMilli, nowNanos);
  }

  void charge(double units, long nowNanos) {
    if (units <= 0) {
      return;
    }
    consumedMilli.add(Math.round(units * 1000));
    TokenBucket b = bucket;
    if (b != null) {
      b.charge(units, nowNanos);
    }
  }

  void admitted() {
    admitted.increment();
  }

  void throttled() {
    throttled.increment();
  }

  /** The units left now; infinite when unlimited. */
  double remaining(long nowNanos) {
    TokenBucket b = bucket;
    return b == null ? Double.POSITIVE_INFINITY : b.remaining(nowNanos);
  }

  long admittedCount() {
    return admitted.sum();
  }

  long throttledCount() {
    return throttled.sum();
  }

  double consumed() {
    return consumedMilli.sum() / 1000.0;
  }

  /** A fresh start: one second of capacity, no counts. */
  void reset(long nowNanos) {
    TokenBucket b = bucket;
    if (b != null) {
      b.reset(nowNanos);
    }
    admitted.reset();
    throttled.reset();
    consumedMilli.reset();
  }
}
