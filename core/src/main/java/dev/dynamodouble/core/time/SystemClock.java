package dev.dynamodouble.core.time;

import java.time.Instant;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/** The wall clock; due tasks run on one daemon thread (and before each request the engine serves). */
final class SystemClock extends DynamoClock {
  private final ScheduledThreadPoolExecutor timer;

  SystemClock() {
    timer = new ScheduledThreadPoolExecutor(1, runnable -> {
      Thread thread = new Thread(runnable, "dynamo-double-clock");
      thread.setDaemon(true);
      return thread;
    });
    timer.setRemoveOnCancelPolicy(true);
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
  }

  @Override
  public String toString() {
    return "SystemClock";
  }
}
