package dev.dynamodouble.core.time;

import java.time.Instant;
import java.util.PriorityQueue;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/** Tasks ordered by due time, then by the order they were scheduled in. */
final class TaskQueue {
  private final PriorityQueue<Task> queue = new PriorityQueue<>();
  private final Object lock = new Object();
  /** Tasks run one at a time, outside the queue's lock, so they may schedule more tasks. */
  private final ReentrantLock running = new ReentrantLock();
  private long sequence;
  /**
   * The due time of the queue's head, or null when it is empty; written under {@link #lock} after
   * every change, so that every request's check for due tasks is one volatile read, not a monitor
   * all serving threads enter (a cache line they would pass between cores on every call).
   */
  private volatile Instant head;

  Scheduled add(Instant due, Runnable action) {
    synchronized (lock) {
      Task task = new Task(due, sequence++, action);
      queue.add(task);
      headMoved();
      return task;
    }
  }

  /** The pending tasks and whether each was cancelled, to put back with {@link #restore}. */
  Object snapshot() {
    synchronized (lock) {
      java.util.List<Object[]> pending = new java.util.ArrayList<>();
      for (Task task : queue) {
        pending.add(new Object[] {task, task.cancelled});
      }
      return pending;
    }
  }

  /** Replaces the pending tasks by those of a {@link #snapshot()}; returns their due times. */
  @SuppressWarnings("unchecked")
  java.util.List<Instant> restore(Object snapshot) {
    synchronized (lock) {
      queue.clear();
      java.util.List<Instant> due = new java.util.ArrayList<>();
      for (Object[] entry : (java.util.List<Object[]>) snapshot) {
        Task task = (Task) entry[0];
        task.cancelled = (Boolean) entry[1];
        if (!task.cancelled) {
          queue.add(task);
          due.add(task.due);
        }
      }
      headMoved();
      return due;
    }
  }

  int size() {
    synchronized (lock) {
      return queue.size();
    }
  }

  Instant nextDue() {
    return head;
  }

  /** Call under {@link #lock} after changing the queue. */
  private void headMoved() {
    Task first = queue.peek();
    head = first == null ? null : first.due;
  }

  void runDue(Instant now) {
    runUntil(now, ignored -> {});
  }

  /** Whether {@link #runDue} at {@code now} would run or wait for a task. */
  boolean busy(Instant now) {
    if (running.isLocked()) {
      return true;
    }
    Instant due = nextDue();
    return due != null && !due.isAfter(now);
  }

  /** Runs each task due at or before {@code target}, calling {@code step} with its due time first. */
  void runUntil(Instant target, Consumer<Instant> step) {
    // Nothing due and nothing running: the common case of every request, without locking (two
    // volatile reads, the head first: a task is off the queue only while `running` is held). When
    // another thread is running a task it already took off the queue, wait for it, so that what was
    // due before this call has happened when it returns.
    Instant first = head;
    if ((first == null || first.isAfter(target)) && !running.isLocked()) {
      return;
    }
    running.lock();
    try {
      while (true) {
        Task task;
        synchronized (lock) {
          task = queue.peek();
          if (task == null || task.due.isAfter(target)) {
            return;
          }
          queue.poll();
          headMoved();
        }
        if (!task.cancelled) {
          step.accept(task.due);
          task.action.run();
        }
      }
    } finally {
      running.unlock();
    }
  }

  private final class Task implements Scheduled, Comparable<Task> {
    final Instant due;
    final long order;
    final Runnable action;
    volatile boolean cancelled;

    Task(Instant due, long order, Runnable action) {
      this.due = due;
      this.order = order;
      this.action = action;
    }

    @Override
    public void cancel() {
      cancelled = true;
      synchronized (lock) {
        queue.remove(this);
        headMoved();
      }
    }

    @Override
    public int compareTo(Task other) {
      int byDue = due.compareTo(other.due);
      return byDue != 0 ? byDue : Long.compare(order, other.order);
    }
  }
}
