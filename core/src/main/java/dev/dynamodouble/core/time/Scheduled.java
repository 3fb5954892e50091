package dev.dynamodouble.core.time;

/** A task waiting on a {@link DynamoClock}; it can be cancelled before it runs. */
public interface Scheduled {
  /** Stops the task from running if it has not run yet. */
  void cancel();
}
