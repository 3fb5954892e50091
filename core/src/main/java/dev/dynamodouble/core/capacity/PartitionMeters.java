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
    return partitions.computeIfAbsent(key, k -> {
      ResourceMeters created = new ResourceMeters(null, arn, index); // a partition is never reported by name
      created.read.limit(READ_UNITS_PER_SECOND, Limit.KEY_RANGE, nowNanos);
      created.write.limit(WRITE_UNITS_PER_SECOND, Limit.KEY_RANGE, nowNanos);
      return created;
    });
  }

  /** Partitions that are full again are the same as new ones: forget them. */
  private synchronized void prune(long nowNanos) {
    if (partitions.size() <= pruneAbove) {
      return; // another thread pruned
    }
    partitions.values().removeIf(m -> m.read.holds(READ_UNITS_PER_SECOND, nowNanos)
        && m.write.holds(WRITE_UNITS_PER_SECOND, nowNanos));
    pruneAbove = Math.max(PRUNE_ABOVE, 2 * partitions.size());
  }

  void clear() {
    partitions.clear();
    pruneAbove = PRUNE_ABOVE;
  }
}
