package dev.dynamodouble.core.replication;

import dev.dynamodouble.core.table.ItemKey;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * Multi-Region strong consistency (MRSC): the settings of an MRSC global table (kept with it, in
 * {@link ReplicaGroups.GlobalTable}), and the writes not yet acknowledged by every replica.
 *
 * <p>An MRSC write is applied in every replica as it commits. It stays in flight (unacknowledged)
 * only while the link from its region to a replica is paused or a region is partitioned; a write
 * of the same item from another region meanwhile is a replicated write conflict. The writes in
 * flight are kept by global table (several may share a table name) and change only under the
 * engine's write lock.
 */
final class StrongConsistency {
  /**
   * An MRSC global table: the region whose UpdateTable made it, its witness region (null: three
   * replicas), whether the witness is ACTIVE yet, and whether the group is being dissolved.
   */
  record Group(String origin, String witness, boolean active, boolean dissolving) {
    String witnessStatus() {
      return dissolving ? "DELETING" : active ? "ACTIVE" : "CREATING";
    }
  }

  /** A write of an item still in flight: the region that made it and the replicas yet to acknowledge it. */
  private record InFlight(String region, Set<String> awaiting) {}

  /** By global table id, then item. */
  private final Map<Long, Map<ItemKey, InFlight>> inFlight = new HashMap<>();

  /** The region whose write of the item is in flight in global table {@code group}, or null. */
  String inFlightFrom(long group, ItemKey key) {
    Map<ItemKey, InFlight> items = inFlight.get(group);
    InFlight write = items == null ? null : items.get(key);
    return write == null ? null : write.region();
  }

  /** Records that {@code to} has not acknowledged {@code region}'s write of the item. */
  void awaiting(long group, ItemKey key, String region, String to) {
    inFlight.computeIfAbsent(group, t -> new HashMap<>())
        .computeIfAbsent(key, k -> new InFlight(region, new HashSet<>())).awaiting().add(to);
  }

  /** {@code to} acknowledges every write made in {@code from} (the link between them works again). */
  void acknowledge(String from, String to) {
    for (Iterator<Map<ItemKey, InFlight>> tables = inFlight.values().iterator(); tables.hasNext(); ) {
      Map<ItemKey, InFlight> items = tables.next();
      items.values().removeIf(write -> write.region().equals(from) && write.awaiting().remove(to)
          && write.awaiting().isEmpty());
      if (items.isEmpty()) {
        tables.remove();
      }
    }
  }

  /** How many writes made in {@code from} {@code to} has not acknowledged. */
  int awaiting(String from, String to) {
    int count = 0;
    for (Map<ItemKey, InFlight> items : inFlight.values()) {
      for (InFlight write : items.values()) {
        count += write.region().equals(from) && write.awaiting().contains(to) ? 1 : 0;
      }
    }
    return count;
  }

  /** How many (write, replica) acknowledgements are outstanding. */
  int awaiting() {
    int count = 0;
    for (Map<ItemKey, InFlight> items : inFlight.values()) {
      for (InFlight write : items.values()) {
        count += write.awaiting().size();
      }
    }
    return count;
  }

  /** Forgets the writes in flight in global table {@code group} (reset). */
  void drop(long group) {
    inFlight.remove(group);
  }

  void acknowledgeAll() {
    inFlight.clear();
  }
}
