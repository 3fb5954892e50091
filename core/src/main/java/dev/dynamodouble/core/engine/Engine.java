package dev.dynamodouble.core.engine;

import dev.dynamodouble.core.table.Table;
import dev.dynamodouble.core.time.DynamoClock;
import java.util.Collection;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

/**
 * The DynamoDB engine: the regions and their tables, the clock, and the one writer lock.
 *
 * <p>All writes (items, transactions, table changes) run under one lock, which makes every commit
 * serializable with no deadlock to reason about; readers never take it, they read immutable
 * roots. A write holds the lock only for an in-memory copy-on-write of a few tree nodes. The
 * exception is a single-item write or a BatchWriteItem to tables whose changes nobody follows
 * ({@link #writeSharedIfUnfollowed}): such writes hold the lock's shared side, run beside each other, and
 * commit by compare-and-set.
 */
public final class Engine {
  private final DynamoClock clock;
  private final EngineOptions options;
  private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
  private final ReentrantReadWriteLock.WriteLock writeLock = lock.writeLock();
  private final ReentrantReadWriteLock.ReadLock sharedLock = lock.readLock();
  private final ConcurrentHashMap<String, Catalog> regions = new ConcurrentHashMap<>();
  private final dev.dynamodouble.core.transaction.Transactions transactions =
      new dev.dynamodouble.core.transaction.Transactions(this);

  private final dev.dynamodouble.core.pipeline.Pipeline pipeline = new dev.dynamodouble.core.pipeline.Pipeline();
  private final dev.dynamodouble.core.auth.ResourcePolicies resourcePolicies = new dev.dynamodouble.core.auth.ResourcePolicies();
  private final dev.dynamodouble.core.feed.ChangeFeed feed = new dev.dynamodouble.core.feed.ChangeFeed();
  private final dev.dynamodouble.core.stream.Streams streams;
  private final dev.dynamodouble.core.replication.Replication replication;

  private final dev.dynamodouble.core.fault.Faults faults;
  private final dev.dynamodouble.core.consistency.Consistency consistency;
  private final dev.dynamodouble.core.insights.ContributorInsights contributorInsights =
      new dev.dynamodouble.core.insights.ContributorInsights(pipeline);

  public Engine(DynamoClock clock, EngineOptions options) {
    this.clock = clock;
    this.options = options;
    this.consistency = new dev.dynamodouble.core.consistency.Consistency(clock, this::region, regions.values(),
        options.defaultRegion());
    this.faults = new dev.dynamodouble.core.fault.Faults(clock, consistency::retainAtLeast);
    this.streams = new dev.dynamodouble.core.stream.Streams(clock, feed, options, faults);
    this.replication = new dev.dynamodouble.core.replication.Replication(clock, feed, this::region,
        write -> write(write), faults);
    pipeline.add(dev.dynamodouble.core.pipeline.Pipeline.Order.FAULTS, faults);
    participate(SnapshotParticipant.of(resourcePolicies::copy, resourcePolicies::restore));
    participate(SnapshotParticipant.of(faults::snapshot, faults::restore));
    participate(SnapshotParticipant.of(consistency::snapshot, consistency::restore));
    participate(SnapshotParticipant.of(timeToLive::capture, timeToLive::restore));
    participate(SnapshotParticipant.of(backups::capture, backups::restore));
    participate(SnapshotParticipant.of(pointInTimeRecovery::capture, pointInTimeRecovery::restore));
    this.capacity = new dev.dynamodouble.core.capacity.CapacityEnforcement(clock, this::region, options.defaultRegion(),
        options.quotas(), true);
    pipeline.add(dev.dynamodouble.core.pipeline.Pipeline.Order.CAPACITY, capacity.stage());
    participate(SnapshotParticipant.of(() -> Boolean.TRUE, ignored -> capacity.reset())); // buckets start full
    this.kinesis = new dev.dynamodouble.core.kinesis.KinesisDestinations(clock, feed, options::statusDelay,
        write -> write(write));
    participate(SnapshotParticipant.of(kinesis::capture, kinesis::restore));
    participate(SnapshotParticipant.of(() -> contributorInsights.capture(tables()),
        saved -> contributorInsights.restore(saved, tables()))); // settings back, counts from zero
  }

  /** Every table of every region. */
  private java.util.List<Table> tables() {
    java.util.List<Table> tables = new java.util.ArrayList<>();
    for (Catalog catalog : regions.values()) {
      tables.addAll(catalog.tables());
    }
    return tables;
  }

  private final dev.dynamodouble.core.capacity.CapacityEnforcement capacity;

  private final dev.dynamodouble.core.kinesis.KinesisDestinations kinesis;

  /** Kinesis streaming destinations, and the in-JVM streams they write to. */
  public dev.dynamodouble.core.kinesis.KinesisDestinations kinesis() {
    return kinesis;
  }

  /** Capacity enforcement (throttling) and usage per table and index; on by default, as in DynamoDB. */
  public dev.dynamodouble.core.capacity.CapacityEnforcement capacity() {
    return capacity;
  }

  private final java.util.List<SnapshotParticipant> participants = new java.util.concurrent.CopyOnWriteArrayList<>();

  /** Makes a service's state part of every {@link #snapshot()}, put back by {@link #restore}. */
  public void participate(SnapshotParticipant participant) {
    participants.add(participant);
  }

  /** Read consistency: the lags of eventually consistent reads and of global secondary indexes. */
  public dev.dynamodouble.core.consistency.Consistency consistency() {
    return consistency;
  }

  /** The fault rules applied to every request (a pipeline stage), and their hit counts. */
  public dev.dynamodouble.core.fault.Faults faults() {
    return faults;
  }

  /** The change feed: every committed item change, in commit order (package {@code feed}). */
  public dev.dynamodouble.core.feed.ChangeFeed feed() {
    return feed;
  }


  /** Global tables: replicas and the replication between regions (package {@code replication}). */
  public dev.dynamodouble.core.replication.Replication replication() {
    return replication;
  }

  /** DynamoDB Streams of every table of every region. */
  public dev.dynamodouble.core.stream.Streams streams() {
    return streams;
  }

  public DynamoClock clock() {
    return clock;
  }

  public EngineOptions options() {
    return options;
  }

  /** The transactions: items in flight, idempotency tokens, and the hooks to hold items in flight. */
  public dev.dynamodouble.core.transaction.Transactions transactions() {
    return transactions;
  }

  /** The stages every request passes before its operation (auth, faults, capacity). */
  public dev.dynamodouble.core.pipeline.Pipeline pipeline() {
    return pipeline;
  }

  /** Contributor Insights settings and the key access counts behind them. */
  public dev.dynamodouble.core.insights.ContributorInsights contributorInsights() {
    return contributorInsights;
  }

  /** The resource-based policies of tables and streams (evaluated only when auth is on). */
  public dev.dynamodouble.core.auth.ResourcePolicies resourcePolicies() {
    return resourcePolicies;
  }

  /** The catalog of a region, created on first use. */
  public Catalog region(String region) {
    return regions.computeIfAbsent(region, name -> new Catalog(name, consistency::tableAdded));
  }

  /** Whether {@code table} is still its region's table of its name (not deleted, not replaced). */
  public boolean isCurrent(Table table) {
    return region(table.region()).holds(table);
  }

  public Collection<Catalog> regions() {
    return regions.values();
  }

  /** Runs {@code write} under the engine's writer lock. */
  public <T> T write(Supplier<T> write) {
    writeLock.lock();
    try {
      return write.get();
    } finally {
      writeLock.unlock();
    }
  }

  /** Runs {@code write} under the engine's writer lock. */
  public void write(Runnable write) {
    writeLock.lock();
    try {
      write.run();
    } finally {
      writeLock.unlock();
    }
  }

  /** A write that runs on either side of the writer lock, told which. */
  @FunctionalInterface
  public interface SidedWrite<T> {
    /** @param shared whether it runs under the shared side: then it commits by compare-and-set */
    T run(boolean shared);
  }

  /**
   * Runs {@code write} under the shared side of the writer lock when nobody follows any of
   * {@code tables} and this thread does not hold the exclusive side, else under the exclusive side. Shared
   * writers run beside each other, never beside a {@link #write}, and commit by compare-and-set on
   * the roots of their tables (see {@code ItemWrites}, {@code BatchWrites}). Whether a table is
   * followed changes only under the exclusive side, so it is asked again under the shared one.
   * {@code write} must not call {@link #write} when shared (the lock cannot be upgraded).
   */
  public <T> T writeSharedIfUnfollowed(Collection<Table> tables, SidedWrite<T> write) {
    return sidedWrite(tables, null, write);
  }

  /** As {@link #writeSharedIfUnfollowed(Collection, SidedWrite)} for one table (a single-item write: no list). */
  public <T> T writeSharedIfUnfollowed(Table table, SidedWrite<T> write) {
    return sidedWrite(null, table, write);
  }

  private <T> T sidedWrite(Collection<Table> tables, Table table, SidedWrite<T> write) {
    if (!holdsWriteLock() && unfollowed(tables, table)) {
      sharedLock.lock();
      try {
        if (unfollowed(tables, table)) {
          return write.run(true);
        }
      } finally {
        sharedLock.unlock();
      }
    }
    writeLock.lock();
    try {
      return write.run(false);
    } finally {
      writeLock.unlock();
    }
  }

  /** Whether nobody follows {@code table}, or (when it is null) any of {@code tables}. */
  private boolean unfollowed(Collection<Table> tables, Table table) {
    if (table != null) {
      return feed.unfollowed(table);
    }
    for (Table each : tables) {
      if (!feed.unfollowed(each)) {
        return false;
      }
    }
    return true;
  }

  /** Captures the clock, every table's current root and every participant's state, in O(tables). */
  public EngineSnapshot snapshot() {
    return write(() -> {
      Object clockState = clock.capture();
      java.util.Map<SnapshotParticipant, Object> services = new java.util.LinkedHashMap<>();
      for (SnapshotParticipant participant : participants) {
        services.put(participant, participant.capture());
      }
      java.util.Map<String, java.util.List<EngineSnapshot.Entry>> byRegion = new java.util.HashMap<>();
      for (Catalog catalog : regions.values()) {
        java.util.List<EngineSnapshot.Entry> entries = new java.util.ArrayList<>();
        for (Table table : catalog.tables()) {
          entries.add(new EngineSnapshot.Entry(table, table.snapshot(), table.settings(), feed.capture(table)));
        }
        byRegion.put(catalog.region(), entries);
      }
      return new EngineSnapshot(byRegion, clockState, services);
    });
  }

  /**
   * Puts the engine back to {@code snapshot}: the clock (a manual one to that instant, with the
   * tasks then pending), every table to its root (tables created since are dropped, tables deleted
   * since come back, items and settings exactly as they were), then every participant's state.
   * O(tables), whatever the number of items.
   */
  public void restore(EngineSnapshot snapshot) {
    write(() -> {
      clock.restore(snapshot.clock());
      java.time.Instant now = clock.now();
      for (Catalog catalog : regions.values()) {
        java.util.List<EngineSnapshot.Entry> entries = snapshot.byRegion().getOrDefault(catalog.region(), java.util.List.of());
        java.util.Set<Table> kept = new java.util.HashSet<>();
        for (EngineSnapshot.Entry entry : entries) {
          kept.add(entry.table());
        }
        for (Table table : java.util.List.copyOf(catalog.tables())) {
          if (!kept.contains(table)) {
            catalog.remove(table);
            feed.reset(table, table.snapshot(), clock.now(), null); // as if it never existed
          }
        }
        for (EngineSnapshot.Entry entry : entries) {
          Table table = entry.table();
          if (!catalog.holds(table)) {
            catalog.add(table);
          }
          table.restore(entry.settings());
          feed.reset(table, entry.data(), now, entry.feedState());
        }
      }
      transactions.reset();
      snapshot.services().forEach(SnapshotParticipant::restore);
    });
  }

  public boolean holdsWriteLock() {
    return writeLock.isHeldByCurrentThread();
  }

  /** Whether this thread holds the writer lock, either side. */
  public boolean holdsLock() {
    return writeLock.isHeldByCurrentThread() || lock.getReadHoldCount() > 0;
  }

  /**
   * Whether an exclusive writer holds the lock now, or anyone waits for it (a writer queued behind
   * shared writers would make the next one wait too): then a transport does not serve a write where
   * waiting would keep other connections waiting. With durable storage ({@link #storage()}), such a
   * transport serves writes through {@link DurableWrites#serveDeferred}, which never waits for the device.
   */
  public boolean writesMayWait() {
    return lock.isWriteLocked() || lock.hasQueuedThreads();
  }

  /** Durable storage, or null when nothing waits for a disk. */
  private volatile DurableWrites storage;

  /** Set by a storage service whose commits are acknowledged after a disk has them (null: none). */
  public void storage(DurableWrites storage) {
    this.storage = storage;
  }

  /** Durable storage, or null: its commits are answered once on the device. */
  public DurableWrites storage() {
    return storage;
  }

  /**
   * Waits until durable storage has every change made so far, for a change made outside the
   * request pipeline (a reset over the control API); nothing without durable storage.
   */
  public void syncStorage() {
    DurableWrites durable = storage;
    if (durable != null) {
      durable.sync();
    }
  }

  // Time: TTL, backups and point-in-time recovery (one service each, created with the engine).
  private final dev.dynamodouble.core.ttl.TimeToLive timeToLive = new dev.dynamodouble.core.ttl.TimeToLive(this);

  /** Time to Live: per-table settings, the clock-driven sweeper, forced sweeps, deletion listeners. */
  public dev.dynamodouble.core.ttl.TimeToLive timeToLive() {
    return timeToLive;
  }

  private final dev.dynamodouble.core.backup.Backups backups = new dev.dynamodouble.core.backup.Backups(this);
  private final dev.dynamodouble.core.backup.PointInTimeRecovery pointInTimeRecovery =
      new dev.dynamodouble.core.backup.PointInTimeRecovery(this, backups);

  /** On-demand and system backups of every region. */
  public dev.dynamodouble.core.backup.Backups backups() {
    return backups;
  }

  /** Point-in-time recovery: per-table settings, the restorable window, the state at a second. */
  public dev.dynamodouble.core.backup.PointInTimeRecovery pointInTimeRecovery() {
    return pointInTimeRecovery;
  }

  private final dev.dynamodouble.core.export.DataTransfers transfers = new dev.dynamodouble.core.export.DataTransfers(this);

  /** Exports to and imports from S3, and the local directory standing in for S3. */
  public dev.dynamodouble.core.export.DataTransfers transfers() {
    return transfers;
  }
}
