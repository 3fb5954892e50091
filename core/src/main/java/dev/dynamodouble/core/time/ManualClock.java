package dev.dynamodouble.core.time;

import java.time.Duration;
import java.time.Instant;

/** A clock that moves only when told to; moving it runs every task that falls due, in order. */
public final class ManualClock extends DynamoClock {
  private volatile Instant now;

  ManualClock(Instant start) {
    this.now = start;
  }

  @Override
  public Instant now() {
    return now;
  }

  @Override
  public boolean isManual() {
    return true;
  }

  /**
   * Moves time forward by {@code amount}. Each task due on the way runs with the clock set to its
   * own due time, so effects happen in order and at the instant they were due.
   */
  @Override
  public synchronized void advance(Duration amount) {
    if (amount.isNegative()) {
      throw new IllegalArgumentException("a clock cannot go back: " + amount);
    }
    moveTo(now.plus(amount));
  }

  /** Moves time forward to {@code target}, which must not be before now. */
  public synchronized void setTo(Instant target) {
    if (target.isBefore(now)) {
      throw new IllegalArgumentException("a clock cannot go back: " + target + " is before " + now);
    }
    moveTo(target);
  }

  private void moveTo(Instant target) {
    runUntil(target, due -> {
      if (due.isAfter(now)) {
        now = due;
      }
    });
    now = target;
  }

  @Override
  synchronized void rewind(Instant instant) {
    now = instant; // a reset: the state of that instant comes back with it
  }

  @Override
  public String toString() {
    return "ManualClock[" + now + "]";
  }
}
