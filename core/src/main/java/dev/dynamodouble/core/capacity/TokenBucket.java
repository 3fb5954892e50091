package dev.dynamodouble.core.capacity;

/**
 * A token bucket on the engine clock: it fills at {@code rate} units per second up to
 * {@code burstSeconds} of unused capacity and may go into debt (a request is admitted while the
 * bucket is positive and charged what it really consumed afterwards, as DynamoDB does).
 *
 * <p>Tokens are kept in thousandths of a unit and time in nanoseconds, in longs, so a test that
 * advances a manual clock gets exact, repeatable counts (no floating-point drift at zero). Not
 * thread-safe: its {@link Meter} guards it.
 */
final class TokenBucket {
  private static final long MILLI = 1000;
  private static final long NANOS_PER_MILLI_UNIT = 1_000_000; // rate * nanos / 1e6 = milli-units

  private long rate;
  private long capacityMilli;
  private long tokensMilli;
  private long anchorNanos;
  private long residue; // rate * nanoseconds not yet worth a milli-unit

  /** A bucket that starts with one second of capacity. */
  TokenBucket(long rate, long burstSeconds, long nowNanos) {
    this.rate = rate;
    this.capacityMilli = Math.multiplyExact(rate, burstSeconds * MILLI);
    this.tokensMilli = Math.min(capacityMilli, rate * MILLI);
    this.anchorNanos = nowNanos;
  }

  long rate() {
    return rate;
  }

  /** Changes the rate (a new provisioned throughput); the tokens saved so far are kept, up to the new burst. */
  void rate(long newRate, long burstSeconds, long nowNanos) {
    refill(nowNanos);
    rate = newRate;
    capacityMilli = Math.multiplyExact(newRate, burstSeconds * MILLI);
    tokensMilli = Math.min(tokensMilli, capacityMilli);
  }

  /** Whether a request may start now: the bucket is positive. */
  boolean positive(long nowNanos) {
    refill(nowNanos);
    return tokensMilli > 0;
  }

  /** Whether the bucket stays positive after {@code reservedMilli} more milli-units (a batch's items so far). */
  boolean positiveAfter(long reservedMilli, long nowNanos) {
    refill(nowNanos);
    return tokensMilli - reservedMilli > 0;
  }

  /** Takes {@code milli} thousandths of a unit; the bucket may go negative. */
  void take(long milli, long nowNanos) {
    refill(nowNanos);
    tokensMilli -= milli;
  }

  /** The units left now (negative while in debt). */
  double remaining(long nowNanos) {
    refill(nowNanos);
    return tokensMilli / (double) MILLI;
  }

  /** Back to a new bucket's state: one second of capacity. */
  void reset(long nowNanos) {
    tokensMilli = Math.min(capacityMilli, rate * MILLI);
    anchorNanos = nowNanos;
    residue = 0;
  }

  private void refill(long nowNanos) {
    long elapsed = nowNanos - anchorNanos;
    if (elapsed <= 0) {
      return;
    }
    anchorNanos = nowNanos;
    if (tokensMilli >= capacityMilli) {
      residue = 0;
      return;
    }
    long maxFill = capacityMilli - tokensMilli;
    long millis = elapsed / NANOS_PER_MILLI_UNIT;
    if (rate <= 0 || millis > maxFill / rate + 1) {
      tokensMilli = capacityMilli;
      residue = 0;
      return;
    }
    // rate units per second for elapsed nanoseconds, in milli-units: whole milliseconds, then the
    // rest, keeping the fraction of a milli-unit for the next refill (frequent small steps add up)
    long fraction = rate * (elapsed % NANOS_PER_MILLI_UNIT) + residue;
    residue = fraction % NANOS_PER_MILLI_UNIT;
    tokensMilli = Math.min(capacityMilli, tokensMilli + rate * millis + fraction / NANOS_PER_MILLI_UNIT);
  }
}
