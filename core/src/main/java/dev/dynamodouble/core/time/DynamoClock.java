package dev.dynamodouble.core.time;

import java.time.Duration;
import java.time.Instant;

/**
 * The engine's only source of time, and the scheduler of everything that falls due: table status
 * changes, TTL sweeps, PITR windows, stream retention, replication. Nothing in the engine reads
 * the wall clock or sleeps; it asks a DynamoClock.
 *
 * <p>{@link #manual(Instant)} gives a clock that moves only when a test calls
 * {@link ManualClock#advance(Duration)}, which runs every task that falls due, in order of due
 * time, before it returns. {@link #system()} follows the wall clock and runs due tasks on one
 * daemon thread; either way the engine also runs due tasks before each request it serves, so what
 * a request sees never depends on that thread's timing.
 */
public abstract class DynamoClock {
  private final TaskQueue tasks = new TaskQueue();
  /** Tasks that may run user code: never on a request thread, never inside another task. */
  private final TaskQueue deliveries = new TaskQueue();

  /** The current instant of this clock. */
  public abstract Instant now();

  /** The current time in epoch milliseconds. */
  public long millis() {
    return now().toEpochMilli();
  }

  /** A clock that follows the system time. */
  public static DynamoClock system() {
    return new SystemClock();
  }

  /** A clock that stands still at {@code start} until advanced. */
  public static ManualClock manual(Instant start) {
    return new ManualClock(start);
  }

  /**
   * Moves this clock forward by {@code amount}, running every task that falls due on the way (see
   * {@link ManualClock#advance}). Only a manual clock moves: the system clock refuses.
   */
  public void advance(Duration amount) {
    throw new UnsupportedOperationException("the system clock cannot be moved: use a manual clock "
        + "(DynamoClock.manual(...), or @DynamoDoubleTest(clock = \"manual\") in JUnit)");
  }

  /** Whether this clock moves only when told to. */
  public boolean isManual() {
    return false;
  }

  /** Runs {@code task} once this clock reaches {@code due}. */
  public Scheduled schedule(Instant due, Runnable task) {
    Scheduled scheduled = tasks.add(due, task);
    onScheduled(due);
    return scheduled;
  }

  /** Runs {@code task} after {@code delay} of this clock's time. */
  public Scheduled scheduleAfter(Duration delay, Runnable task) {
    return schedule(now().plus(delay), task);
  }

  /**
   * The clock's state now (its time and its pending tasks), for an engine snapshot: restoring it
   * puts the tasks back as they were (those added since are dropped, those run since will run
   * again) and a manual clock back at that time.
   */
  public Object capture() {
    return new Object[] {now(), tasks.snapshot()};
  }

  /** Puts back a {@link #capture()}: see there. Only a manual clock goes back in time. */
  public void restore(Object state) {
    Object[] s = (Object[]) state;
    rewind((Instant) s[0]);
    for (Instant due : tasks.restore(s[1])) {
      onScheduled(due);
    }
  }

  /** Sets a manual clock back to {@code instant}; the system clock cannot go back. */
  void rewind(Instant instant) {}

  /**
   * Runs {@code task} once this clock reaches {@code due}, as a delivery: a task that may run user
   * code which calls back into the engine (a trigger handler writing through an SDK client). It
   * never runs on a thread that serves requests nor inside another task: a manual clock runs it on
   * the thread that advances it, at its due time, after the ordinary tasks due by then; the system
   * clock runs it on its own delivery thread.
   */
  public Scheduled scheduleDelivery(Instant due, Runnable task) {
    Scheduled scheduled = deliveries.add(due, task);
    onDeliveryScheduled(due);
    return scheduled;
  }

  /**
   * Runs, on the calling thread, every delivery due now (and any it makes due now). For a test
   * that wants the effects of deliveries without moving a manual clock; do not call it from a
   * request thread.
   */
  public void runDueDeliveries() {
    deliveries.runDue(now());
  }

  /** The due time of the next delivery, or null. */
  public Instant nextDeliveryDue() {
    return deliveries.nextDue();
  }

  /** Hook for clocks that run deliveries on a thread of their own. */
  void onDeliveryScheduled(Instant due) {}

  /** Whether a task is due now or running: {@link #runDue} would run it or wait for it. */
  public boolean hasDueTask() {
    return tasks.busy(now());
  }

  /** Runs every task already due. Cheap when nothing is due. */
  public void runDue() {
    tasks.runDue(now());
  }

  /** The number of tasks waiting (for tests and inspection). */
  public int pendingTasks() {
    return tasks.size();
  }

  /** The due time of the next task, or null. */
  public Instant nextDue() {
    return tasks.nextDue();
  }

  /** Runs tasks due up to {@code target} in order, letting {@code step} move time to each. */
  void runUntil(Instant target, java.util.function.Consumer<Instant> step) {
    tasks.runUntil(target, step);
  }

  /** Hook for clocks that wake a thread when something new is scheduled. */
  void onScheduled(Instant due) {}

  /** Stops any thread this clock runs. */
  public void close() {}
}
