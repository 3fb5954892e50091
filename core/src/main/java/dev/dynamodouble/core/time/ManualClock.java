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

  /**
   * Runs the ordinary tasks and the deliveries due up to {@code target} in time order: at each
   * delivery's due time, first the ordinary tasks due by then, then the deliveries, outside every
   * task (a delivery may call into the engine, which runs due ordinary tasks itself).
   */
  private void moveTo(Instant target) {
    java.util.function.Consumer<Instant> step = due -> {
      if (due.isAfter(now)) {
        now = due;
      }
    };
    while (true) {
      Instant delivery = nextDeliveryDue();
      Instant stop = delivery == null || delivery.isAfter(target) ? target : delivery;
      runUntil(stop, step);
      step.accept(stop);
      Instant due = nextDeliveryDue();
      if (due != null && !due.isAfter(now)) {
        runDueDeliveries();
      } else if (stop.equals(target)) {
        return;
      }
    }
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
