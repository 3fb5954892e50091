package dev.dynamodouble.core.capacity;

import dev.dynamodouble.core.engine.Catalog;
import dev.dynamodouble.core.engine.Quotas;
import dev.dynamodouble.core.pipeline.RequestStage;
import dev.dynamodouble.core.table.Table;
import dev.dynamodouble.core.time.DynamoClock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Capacity enforcement: token buckets per table and GSI (provisioned throughput with 300 seconds
 * of burst, or an on-demand table's maximum), per-partition limits, all on the engine clock, and
 * what they admitted and refused. On by default, as in DynamoDB; it can be switched off for the
 * whole engine or for single tables, and suspended while fixtures load (which DynamoDB would not
 * charge either).
 */
public final class CapacityEnforcement {
  private final DynamoClock clock;
  private final Function<String, Catalog> regions;
  private final String defaultRegion;
  private final Quotas quotas;
  private final CapacityStage stage = new CapacityStage(this);
  private final Set<String> exemptTables = ConcurrentHashMap.newKeySet();
  private final AtomicInteger suspended = new AtomicInteger();
  private final AtomicLong generation = new AtomicLong();
  private volatile boolean enabled;
  private volatile long resetAt = Long.MIN_VALUE;

  /** {@code quotas} give the per-table maximum an on-demand table without a maximum is held to. */
  public CapacityEnforcement(DynamoClock clock, Function<String, Catalog> regions, String defaultRegion,
                             Quotas quotas, boolean enabled) {
    this.clock = clock;
    this.quotas = quotas;
    this.regions = regions;
    this.defaultRegion = defaultRegion;
    this.enabled = enabled;
  }

  /** The pipeline stage to register at {@code Pipeline.Order.CAPACITY}. */
  public RequestStage stage() {
    return stage;
  }

  public boolean enabled() {
    return enabled;
  }

  /** Turns enforcement on or off for every table (usage is still counted only while it is on). */
  public CapacityEnforcement enabled(boolean on) {
    this.enabled = on;
    return this;
  }

  /** Stops (or, with {@code false}, resumes) enforcing the capacity of the table of that name, in every region. */
  public CapacityEnforcement exempt(String tableName, boolean exempt) {
    if (exempt) {
      exemptTables.add(tableName);
    } else {
      exemptTables.remove(tableName);
    }
    return this;
  }

  /** Runs {@code work} with nothing metered (fixture loading): it consumes no capacity and is never throttled. */
  public <T> T unmetered(Supplier<T> work) {
    suspended.incrementAndGet();
    try {
      return work.get();
    } finally {
      suspended.decrementAndGet();
    }
  }

  public void unmetered(Runnable work) {
    unmetered(() -> {
      work.run();
      return null;
    });
  }

  /**
   * Every bucket back to a new table's state (one second of capacity), every count to zero, every
   * partition forgotten: what a test starts from. O(1); each table catches up on its next request.
   */
  public void reset() {
    resetAt = nanos();
    generation.incrementAndGet();
  }

  /** Usage of a table of the default region. */
  public ThroughputUsage usage(String tableName) {
    return usage(defaultRegion, tableName, null);
  }

  /** Usage of a global secondary index of a table of the default region. */
  public ThroughputUsage usage(String tableName, String indexName) {
    return usage(defaultRegion, tableName, indexName);
  }

  /** Usage of a table ({@code indexName} null) or of one of its global secondary indexes, in a region. */
  public ThroughputUsage usage(String region, String tableName, String indexName) {
    Table table = regions.apply(region).find(tableName);
    if (table == null) {
      throw new IllegalArgumentException("no table " + tableName + " in " + region);
    }
    TableMeters meters = meters(table);
    if (indexName == null) {
      return meters.table.usage(nanos());
    }
    ResourceMeters index = meters.index(indexName);
    if (index == null) {
      throw new IllegalArgumentException("table " + tableName + " has no global secondary index " + indexName);
    }
    return index.usage(nanos());
  }

  /** Usage of a table and each of its global secondary indexes (the table first). */
  public List<ThroughputUsage> usages(String region, String tableName) {
    List<ThroughputUsage> all = new ArrayList<>();
    all.add(usage(region, tableName, null));
    Table table = regions.apply(region).find(tableName);
    for (ResourceMeters index : meters(table).indexes()) {
      all.add(index.usage(nanos()));
    }
    return all;
  }

  /** Whether requests to {@code table} are metered now. */
  boolean metered(Table table) {
    return enabled && suspended.get() == 0 && (exemptTables.isEmpty() || !exemptTables.contains(table.name()));
  }

  /** The table's meters, in line with its current settings. */
  TableMeters meters(Table table) {
    return meters(table, nanos());
  }

  /** As {@link #meters(Table)}, at {@code nowNanos} (read once per request: the clock is not free). */
  TableMeters meters(Table table, long nowNanos) {
    long current = generation.get();
    TableMeters meters = table.attachment(TableMeters.class);
    if (meters == null) {
      meters = table.attachment(TableMeters.class, t -> new TableMeters(t, current, Math.max(nanos(t.created()), resetAt), quotas));
    }
    meters.sync(table, current, nowNanos);
    return meters;
  }

  /**
   * Brings meters looked up earlier for {@code table} in line with its settings and the engine's
   * resets now (a charge after its admission): the same object {@link #meters} gives, synced.
   */
  void sync(Table table, TableMeters meters, long nowNanos) {
    meters.sync(table, generation.get(), nowNanos);
  }

  /** The engine clock's time in nanoseconds. */
  long nanos() {
    return nanos(clock.now());
  }

  private static long nanos(Instant at) {
    return at.getEpochSecond() * 1_000_000_000L + at.getNano();
  }
}
