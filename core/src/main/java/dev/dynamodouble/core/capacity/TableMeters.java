package dev.dynamodouble.core.capacity;

import dev.dynamodouble.core.engine.Quotas;
import dev.dynamodouble.core.table.BillingMode;
import dev.dynamodouble.core.table.IndexDefinition;
import dev.dynamodouble.core.table.OnDemandThroughput;
import dev.dynamodouble.core.table.Table;
import dev.dynamodouble.core.table.Throughput;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The capacity state of one table, kept beside it (a table attachment): the table's meters, one
 * pair per global secondary index, and its partitions. Limits follow the table's settings as they
 * are now (an UpdateTable's new throughput applies once the table is ACTIVE again, when the table
 * itself takes it).
 */
final class TableMeters {
  final ResourceMeters table;
  final PartitionMeters partitions;
  private final Map<String, ResourceMeters> indexes = new ConcurrentHashMap<>();
  private final Map<String, PartitionMeters> indexPartitions = new ConcurrentHashMap<>();
  private final String arn;
  // What the limits were last set from: settings objects are immutable, so identity tells a change.
  private volatile Object syncedMode;
  private volatile Object syncedThroughput;
  private volatile Object syncedIndexes;
  private volatile long generation;
  private final long createdNanos;
  private final Quotas quotas;

  TableMeters(Table table, long generation, long createdNanos, Quotas quotas) {
    this.quotas = quotas;
    this.createdNanos = createdNanos;
    this.arn = table.arn();
    this.table = new ResourceMeters(table.name(), arn, false);
    this.partitions = new PartitionMeters(arn, false);
    this.generation = generation;
  }

  /** Brings the limits in line with the table's settings, and resets after an engine reset. */
  void sync(Table source, long currentGeneration, long nowNanos) {
    // The common case, without the lock: nothing changed since the last request.
    BillingMode mode = source.billingMode();
    if (generation == currentGeneration && mode == syncedMode && source.globalIndexes() == syncedIndexes
        && (mode == BillingMode.PROVISIONED ? source.throughput() : source.onDemandThroughput()) == syncedThroughput) {
      return;
    }
    resync(source, currentGeneration, nowNanos);
  }

  private synchronized void resync(Table source, long currentGeneration, long nowNanos) {
    if (generation != currentGeneration) {
      reset(nowNanos);
      generation = currentGeneration; // after the reset: a request that sees it charges the buckets reset
    }
    BillingMode mode = source.billingMode();
    Object throughput = mode == BillingMode.PROVISIONED ? source.throughput() : source.onDemandThroughput();
    List<IndexDefinition> gsis = source.globalIndexes();
    if (mode == syncedMode && throughput == syncedThroughput && gsis == syncedIndexes) {
      return;
    }
    // Meters are made on a table's first request, but its buckets have been filling since it was created.
    long at = syncedMode == null ? Math.min(createdNanos, nowNanos) : nowNanos;
    if (mode == BillingMode.PROVISIONED) {
      Throughput t = source.throughput();
      long changedAt = syncedMode == BillingMode.PROVISIONED ? changedAt(t, nowNanos) : at;
      table.read.limit(t.read(), Limit.PROVISIONED, changedAt);
      table.write.limit(t.write(), Limit.PROVISIONED, changedAt);
    } else {
      OnDemandThroughput max = source.onDemandThroughput();
      onDemandLimit(table.read, max.maxRead(), quotas.tableMaxReadCapacityUnits(), at);
      onDemandLimit(table.write, max.maxWrite(), quotas.tableMaxWriteCapacityUnits(), at);
    }
    List<String> names = new ArrayList<>();
    for (IndexDefinition index : gsis) {
      names.add(index.name());
      ResourceMeters meters = indexes.computeIfAbsent(index.name(),
          name -> new ResourceMeters(name, arn + "/index/" + name, true));
      if (mode == BillingMode.PROVISIONED && index.throughput() != null) {
        Throughput t = index.throughput();
        long changedAt = syncedMode == BillingMode.PROVISIONED && meters.read.limited() ? changedAt(t, nowNanos) : at;
        meters.read.limit(t.read(), Limit.PROVISIONED, changedAt);
        meters.write.limit(t.write(), Limit.PROVISIONED, changedAt);
      } else {
        meters.read.limit(quotas.tableMaxReadCapacityUnits(), Limit.ACCOUNT_LIMIT, at);
        meters.write.limit(quotas.tableMaxWriteCapacityUnits(), Limit.ACCOUNT_LIMIT, at);
      }
    }
    indexes.keySet().retainAll(names);
    indexPartitions.entrySet().removeIf(partitions -> !names.contains(partitions.getKey()));
    syncedMode = mode;
    syncedThroughput = throughput;
    syncedIndexes = gsis;
  }

  /** An on-demand flow: its maximum when one is set, else the per-table quota. */
  private static void onDemandLimit(Meter meter, long maximum, long quota, long at) {
    if (maximum > 0) {
      meter.limit(maximum, Limit.MAX_ON_DEMAND, at);
    } else {
      meter.limit(quota, Limit.ACCOUNT_LIMIT, at);
    }
  }

  /**
   * When a new provisioned throughput took effect (the table turned ACTIVE), so the bucket refills
   * at the old rate until then and at the new one since, whenever the next request comes.
   */
  private static long changedAt(Throughput t, long nowNanos) {
    java.time.Instant latest = t.lastIncrease();
    if (t.lastDecrease() != null && (latest == null || t.lastDecrease().isAfter(latest))) {
      latest = t.lastDecrease();
    }
    if (latest == null) {
      return nowNanos;
    }
    return Math.min(nowNanos, latest.getEpochSecond() * 1_000_000_000L + latest.getNano());
  }

  /** The meters of a global secondary index, or null (a local index, or none of that name). */
  ResourceMeters index(String name) {
    return name == null ? null : indexes.get(name);
  }

  /** The partitions of a global secondary index (by its partition-key values), or of the table when null. */
  PartitionMeters partitions(String indexName) {
    return indexName == null ? partitions
        : indexPartitions.computeIfAbsent(indexName, name -> new PartitionMeters(arn + "/index/" + name, true));
  }

  boolean hasIndexes() {
    return !indexes.isEmpty();
  }

  Iterable<ResourceMeters> indexes() {
    return indexes.values();
  }

  /**
   * Every meter back to a new table's. The table's and indexes' are reset in place and each
   * partition map cleared in place, so a request admitted before and charged after pays the
   * buckets as they are at its charge, never ones dropped from sight.
   */
  private void reset(long nowNanos) {
    table.reset(nowNanos);
    for (ResourceMeters index : indexes.values()) {
      index.reset(nowNanos);
    }
    partitions.clear();
    indexPartitions.values().forEach(PartitionMeters::clear);
  }
}
