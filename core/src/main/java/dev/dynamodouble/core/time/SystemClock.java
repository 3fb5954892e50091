package dev.dynamodouble.core.time;

import java.time.Instant;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/** The wall clock; due tasks run on one daemon thread (and before each request the engine serves). */
final class SystemClock extends DynamoClock {
  private final ScheduledThreadPoolExecutor timer;
  /** Runs deliveries (user code) away from the timer, which must stay free for ordinary tasks. */
  private final java.util.concurrent.ExecutorService deliveryThread;

  SystemClock() {
    timer = new ScheduledThreadPoolExecutor(1, runnable -> {
      Thread thread = new Thread(runnable, "dynamo-double-clock");
      thread.setDaemon(true);
      return thread;
    });
    timer.setRemoveOnCancelPolicy(true);
    deliveryThread = java.util.concurrent.Executors.newSingleThreadExecutor(runnable -> {
      Thread thread = new Thread(runnable, "dynamo-double-deliveries");
      thread.setDaemon(true);
      return thread;
    });
  }

  @Override
  void onDeliveryScheduled(Instant due) {
    // Rounded up: nothing else runs a delivery that the timer found not yet due.
    long delayMillis = Math.max(0, java.time.temporal.ChronoUnit.MILLIS.between(Instant.now(), due) + 1);
    timer.schedule(() -> {
      try {
        deliveryThread.execute(this::runDueDeliveries);
      } catch (java.util.concurrent.RejectedExecutionException closed) {
        // closed meanwhile: nothing more is delivered
      }
    }, delayMillis, TimeUnit.MILLISECONDS);
  }

  @Override
  public Instant now() {
    return Instant.now();
  }

  @Override
  void onScheduled(Instant due) {
    long delayMillis = Math.max(0, due.toEpochMilli() - System.currentTimeMillis());
    timer.schedule(this::runDue, delayMillis, TimeUnit.MILLISECONDS);
  }

  @Override
  public void close() {
    timer.shutdownNow();
    deliveryThread.shutdownNow();
  }

  @Override
  public String toString() {
    return "SystemClock";
  }
}
