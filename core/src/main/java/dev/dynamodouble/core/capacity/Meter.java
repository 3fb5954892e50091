package dev.dynamodouble.core.capacity;

/**
 * One limited flow (the reads or the writes of a table, a GSI or a partition): its token bucket,
 * or none when nothing limits it, and what it admitted, refused and consumed. One lock guards all
 * of it, so admitting a request (refill, test, count) or charging it is a single uncontended lock
 * on the request path, not a lock and a counter update.
 */
final class Meter {
  private TokenBucket bucket; // null: unlimited
  private Limit limit;
  private long admitted;
  private long throttled;
  private long consumedMilli;
  private boolean retired; // a pruned partition's: its charges belong to its successor

  /** Sets the rate (units per second); zero or less means unlimited. */
  synchronized void limit(long rate, Limit kind, long nowNanos) {
    if (rate <= 0) {
      bucket = null;
    } else if (bucket == null || limit != kind) {
      bucket = new TokenBucket(rate, kind.burstSeconds(), nowNanos);
    } else if (bucket.rate() != rate) {
      bucket.rate(rate, kind.burstSeconds(), nowNanos);
    }
    limit = kind;
  }

  synchronized Limit limit() {
    return limit;
  }

  synchronized boolean limited() {
    return bucket != null;
  }

  /** Whether a request may start now (always, when unlimited). */
  synchronized boolean positive(long nowNanos) {
    return bucket == null || bucket.positive(nowNanos);
  }

  /** Counts a request admitted if the bucket is positive now; whether it is. */
  synchronized boolean admit(long nowNanos) {
    if (bucket != null && !bucket.positive(nowNanos)) {
      return false;
    }
    admitted++;
    return true;
  }

  /** Whether the bucket stays positive once {@code reservedMilli} more are taken. */
  synchronized boolean positiveAfter(long reservedMilli, long nowNanos) {
    return bucket == null || bucket.positiveAfter(reservedMilli, nowNanos);
  }

  /**
   * Charges {@code units}; false (and nothing charged) when this is the meter of a partition
   * {@linkplain #retireIfFull retired} since it was looked up: the caller charges its successor.
   */
  boolean charge(double units, long nowNanos) {
    return units <= 0 || chargeMilli(Math.round(units * 1000), nowNanos);
  }

  private synchronized boolean chargeMilli(long milli, long nowNanos) {
    if (retired) {
      return false;
    }
    consumedMilli += milli;
    if (bucket != null) {
      bucket.take(milli, nowNanos);
    }
    return true;
  }

  /**
   * Retires a partition's two meters if each holds its units now (the partition is full again, so
   * a new one would be the same); whether it did. Both locks are held for the test and the flag,
   * and a charge takes one of them and reads the flag: a charge is either in the buckets before
   * the test (which then fails) or refused after it, never lost in a forgotten meter. Only this
   * takes two meter locks, always read before write: no lock-order cycle.
   */
  static boolean retireIfFull(Meter read, long readUnits, Meter write, long writeUnits, long nowNanos) {
    synchronized (read) {
      synchronized (write) {
        if (!read.holds(readUnits, nowNanos) || !write.holds(writeUnits, nowNanos)) {
          return false;
        }
        read.retired = true;
        write.retired = true;
        return true;
      }
    }
  }

  /** Retires a partition's meter whatever it holds (a capacity reset forgets every partition). */
  synchronized void retire() {
    retired = true;
  }

  synchronized boolean retired() {
    return retired;
  }

  /** Takes back an {@link #admit} a later check refused; counted as throttled here if {@code throttled}. */
  synchronized void revoke(boolean throttled) {
    admitted--;
    if (throttled) {
      this.throttled++;
    }
  }

  synchronized void admitted() {
    admitted++;
  }

  synchronized void throttled() {
    throttled++;
  }

  /** The units left now; infinite when unlimited. */
  synchronized double remaining(long nowNanos) {
    return bucket == null ? Double.POSITIVE_INFINITY : bucket.remaining(nowNanos);
  }

  /** Whether the bucket holds at least {@code units} now (a partition that is full again). */
  synchronized boolean holds(long units, long nowNanos) {
    return bucket == null || bucket.remaining(nowNanos) >= units;
  }

  synchronized long admittedCount() {
    return admitted;
  }

  synchronized long throttledCount() {
    return throttled;
  }

  synchronized double consumed() {
    return consumedMilli / 1000.0;
  }

  /** A fresh start: one second of capacity, no counts. */
  synchronized void reset(long nowNanos) {
    if (bucket != null) {
      bucket.reset(nowNanos);
    }
    admitted = 0;
    throttled = 0;
    consumedMilli = 0;
  }
}
