package dev.dynamodouble.core.replication;

import dev.dynamodouble.core.storage.PersistentSortedMap;
import dev.dynamodouble.core.table.ItemKey;
import java.util.HashMap;
import java.util.Map;

/**
 * The stamps of a replica's items (deleted ones too), kept beside the table. Every write and every
 * replicated change reads and writes one, so the stamps written since the last snapshot are in a
 * hash map (a sorted persistent map cost as much per write as the table itself); {@link #all()}
 * folds them into a persistent map, so an engine snapshot still captures them for an O(1) restore.
 * Touched only under the engine's write lock.
 */
final class ItemStamps {
  private PersistentSortedMap<ItemKey, Stamp> base = PersistentSortedMap.empty(ItemKey.ORDER);
  private Map<ItemKey, Stamp> recent = new HashMap<>();

  Stamp get(ItemKey key) {
    Stamp stamp = recent.get(key);
    return stamp != null ? stamp : base.get(key);
  }

  void put(ItemKey key, Stamp stamp) {
    recent.put(key, stamp);
  }

  /** Every stamp, as a persistent map (the recent ones folded in: O(recent) once per snapshot). */
  PersistentSortedMap<ItemKey, Stamp> all() {
    if (!recent.isEmpty()) {
      PersistentSortedMap<ItemKey, Stamp> folded = base;
      for (Map.Entry<ItemKey, Stamp> entry : recent.entrySet()) {
        folded = folded.put(entry.getKey(), entry.getValue());
      }
      base = folded;
      recent = new HashMap<>();
    }
    return base;
  }

  void all(PersistentSortedMap<ItemKey, Stamp> restored) {
    base = restored;
    recent = new HashMap<>();
  }
}
