package dev.dynamodouble.core.trigger;

import dev.dynamodouble.core.fault.Faults;
import dev.dynamodouble.core.stream.StreamListener;
import dev.dynamodouble.core.stream.Streams;
import dev.dynamodouble.core.stream.TableStream;
import dev.dynamodouble.core.time.DynamoClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * In-JVM triggers on DynamoDB streams: Lambda's event source mapping without Lambda. Register a
 * {@link TriggerHandler} on a table's stream; every record is delivered to it in batches, per
 * shard and in commit order, off the engine's lock and off request threads, so a handler may
 * write to DynamoDB through any client (its writes make records of their own).
 *
 * <p>On a manual clock delivery is deterministic: {@code advance} (or {@link #drain()}) delivers
 * every batch due by then before it returns. On the system clock a delivery thread delivers within
 * the batching window, and {@link #awaitIdle} waits for it without sleeping.
 */
public final class Triggers implements StreamListener {
  /** Finds a table's current stream: (region, table name) to stream, or an exception. */
  @FunctionalInterface
  public interface StreamLookup {
    TableStream find(String region, String tableName);
  }

  private final DynamoClock clock;
  private final Streams streams;
  private final StreamLookup lookup;
  private final String defaultRegion;
  private final Faults faults;
  private final List<TriggerMapping> mappings = new CopyOnWriteArrayList<>();
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition delivered = lock.newCondition();
  private int counter;

  /** @param faults consulted before every invocation ({@code triggerFailure} rules) */
  public Triggers(DynamoClock clock, Streams streams, StreamLookup lookup, String defaultRegion, Faults faults) {
    this.faults = faults;
    this.clock = clock;
    this.streams = streams;
    this.lookup = lookup;
    this.defaultRegion = defaultRegion;
    streams.addListener(this);
  }

  /** Registers a trigger on the stream of a table of the default region. */
  public TriggerMapping register(String tableName, TriggerOptions options, TriggerHandler handler) {
    return register(defaultRegion, tableName, options, handler);
  }

  /**
   * Registers a trigger on the table's current stream (it must have one enabled).
   *
   * @throws IllegalArgumentException when the table has no enabled stream
   */
  public TriggerMapping register(String region, String tableName, TriggerOptions options, TriggerHandler handler) {
    TableStream stream = lookup.find(region, tableName);
    if (stream == null || !stream.isEnabled()) {
      throw new IllegalArgumentException("table " + tableName + " in " + region + " has no enabled stream");
    }
    TriggerMapping mapping = new TriggerMapping(tableName + "-trigger-" + nextNumber(), stream,
        Objects.requireNonNull(options, "options"), Objects.requireNonNull(handler, "handler"), clock,
        streams.settings().retention(), this::signal, faults);
    mappings.add(mapping);
    mapping.wake();
    return mapping;
  }

  /** The registered triggers, oldest first. */
  public List<TriggerMapping> mappings() {
    return List.copyOf(mappings);
  }

  /** Stops and forgets a trigger. */
  public void unregister(TriggerMapping mapping) {
    mapping.close();
    mappings.remove(mapping);
  }

  /** Stops and forgets every trigger. */
  public void unregisterAll() {
    for (TriggerMapping mapping : mappings) {
      unregister(mapping);
    }
  }

  /**
   * Delivers what is due. On a manual clock: every batch due now, on this thread, before it
   * returns (a handler's writes that make more batches due now are delivered too). On the system
   * clock: waits up to 30 seconds for {@link #awaitIdle}, and fails if the triggers stay busy.
   */
  public void drain() {
    if (clock.isManual()) {
      while (true) {
        clock.runDue();
        Instant due = clock.nextDeliveryDue();
        if (due == null || due.isAfter(clock.now())) {
          return;
        }
        clock.runDueDeliveries();
      }
    }
    if (!awaitIdle(Duration.ofSeconds(30))) {
      throw new IllegalStateException("triggers still busy after 30 seconds (a batch failing forever?)");
    }
  }

  /**
   * Waits until every trigger has delivered (or given up on) every record written so far and has
   * no batch waiting for a retry or its batching window; true if so within {@code timeout}.
   */
  public boolean awaitIdle(Duration timeout) {
    if (clock.isManual()) {
      drain();
      return idle();
    }
    long remaining = timeout.toNanos();
    lock.lock();
    try {
      while (!idle()) {
        if (remaining <= 0) {
          return false;
        }
        // Woken by each delivery; the slice bounds a wake-up that raced with the check above.
        long slice = Math.min(remaining, TimeUnit.MILLISECONDS.toNanos(50));
        remaining -= slice - delivered.awaitNanos(slice);
      }
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    } finally {
      lock.unlock();
    }
  }

  /** Whether no trigger has anything left to deliver now. */
  public boolean idle() {
    for (TriggerMapping mapping : mappings) {
      if (!mapping.idle()) {
        return false;
      }
    }
    return true;
  }

  @Override
  public void appended(TableStream stream) {
    for (TriggerMapping mapping : mappings) {
      if (mapping.stream() == stream) {
        mapping.wake();
      }
    }
  }

  @Override
  public void cleared(TableStream stream) {
    for (TriggerMapping mapping : mappings) {
      if (mapping.stream() == stream) {
        mapping.reset();
      }
    }
  }

  private synchronized int nextNumber() {
    return ++counter;
  }

  private void signal() {
    lock.lock();
    try {
      delivered.signalAll();
    } finally {
      lock.unlock();
    }
  }
}
