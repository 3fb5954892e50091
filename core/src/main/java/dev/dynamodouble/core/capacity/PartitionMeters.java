package dev.dynamodouble.core.capacity;

import dev.dynamodouble.core.value.AttributeValue;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Per-partition limits (hot keys). The model: every partition-key value is a partition of its
 * own, so one partition key never gets more than 3,000 read units and 1,000 write units per
 * second, whatever the table's capacity, in both capacity modes. A partition starts with one
 * second of capacity and keeps no more than that. (DynamoDB puts many keys in one partition; a
 * test cannot see which, so this is the one limit every layout guarantees.)
 */
final class PartitionMeters {
  static final long READ_UNITS_PER_SECOND = 3_000;
  static final long WRITE_UNITS_PER_SECOND = 1_000;
  private static final int PRUNE_ABOVE = 10_000;

  private final Map<AttributeValue, ResourceMeters> partitions = new ConcurrentHashMap<>();
  private final String arn;
  private final boolean index;
  // Pruning scans every partition: the next one waits until the map has doubled, so a stream of
  // new keys whose partitions are all still busy costs amortized O(1), not a scan per new key.
  private volatile int pruneAbove = PRUNE_ABOVE;

  /** The partitions of a table, or of a global secondary index ({@code index}) with that ARN. */
  PartitionMeters(String arn, boolean index) {
    this.arn = arn;
    this.index = index;
  }

  /** The meters of the partition of {@code key}, created full on first use. */
  ResourceMeters of(AttributeValue key, long nowNanos) {
    ResourceMeters meters = partitions.get(key);
    if (meters != null) {
      return meters;
    }
    if (partitions.size() > pruneAbove) {
      prune(nowNanos);
    }
    return partitions.computeIfAbsent(key, k -> created(nowNanos));
  }

  /**
   * Charges the partition of {@code key}, whose meters were looked up (by {@link #of}) as
   * {@code fetched}: on them, or, when a prune retired them since, on the key's partition now.
   */
  void charge(ResourceMeters fetched, AttributeValue key, double read, double write, long nowNanos) {
    ResourceMeters meters = fetched;
    while (!meters.read.charge(read, nowNanos)) {
      meters = successor(key, nowNanos);
    }
    while (!meters.write.charge(write, nowNanos)) {
      meters = successor(key, nowNanos);
    }
  }

  /** The key's partition in place of retired meters, which the prune may not have taken out of the map yet. */
  private ResourceMeters successor(AttributeValue key, long nowNanos) {
    return partitions.compute(key, (k, meters) -> meters == null || meters.read.retired() ? created(nowNanos) : meters);
  }

  private ResourceMeters created(long nowNanos) {
    ResourceMeters created = new ResourceMeters(null, arn, index); // a partition is never reported by name
    created.read.limit(READ_UNITS_PER_SECOND, Limit.KEY_RANGE, nowNanos);
    created.write.limit(WRITE_UNITS_PER_SECOND, Limit.KEY_RANGE, nowNanos);
    return created;
  }

  /**
   * Partitions that are full again are the same as new ones: forget them. Each is retired first,
   * atomically with the test, so a request that looked it up before and charges it after is sent
   * to its successor (see {@link #charge}); the removal is by value, so a successor that took its
   * place meanwhile stays.
   */
  private synchronized void prune(long nowNanos) {
    if (partitions.size() <= pruneAbove) {
      return; // another thread pruned
    }
    for (Map.Entry<AttributeValue, ResourceMeters> partition : partitions.entrySet()) {
      ResourceMeters meters = partition.getValue();
      if (Meter.retireIfFull(meters.read, READ_UNITS_PER_SECOND, meters.write, WRITE_UNITS_PER_SECOND, nowNanos)) {
        partitions.remove(partition.getKey(), meters);
      }
    }
    pruneAbove = Math.max(PRUNE_ABOVE, 2 * partitions.size());
  }

  /**
   * Forgets every partition (a capacity reset). Each is retired first, as a prune retires one: a
   * request that looked it up before and charges it after is sent to the key's partition now,
   * rather than charging meters nobody reads again. Removal is by value, so a successor that took
   * a place meanwhile stays.
   */
  synchronized void clear() {
    for (Map.Entry<AttributeValue, ResourceMeters> partition : partitions.entrySet()) {
      ResourceMeters meters = partition.getValue();
      meters.read.retire();
      meters.write.retire();
      partitions.remove(partition.getKey(), meters);
    }
    pruneAbove = PRUNE_ABOVE;
  }
}
