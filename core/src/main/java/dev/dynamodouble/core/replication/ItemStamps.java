package dev.dynamodouble.core.replication;

import dev.dynamodouble.core.storage.PersistentSortedMap;
import dev.dynamodouble.core.table.ItemKey;

/**
 * The stamps of a replica's items (deleted ones too), kept beside the table. Persistent, so an
 * engine snapshot captures them in O(1). Written under the engine's write lock.
 */
final class ItemStamps {
  private volatile PersistentSortedMap<ItemKey, Stamp> stamps = PersistentSortedMap.empty(ItemKey.ORDER);

  Stamp get(ItemKey key) {
    return stamps.get(key);
  }

  void put(ItemKey key, Stamp stamp) {
    stamps = stamps.put(key, stamp);
  }

  PersistentSortedMap<ItemKey, Stamp> all() {
    return stamps;
  }

  void all(PersistentSortedMap<ItemKey, Stamp> restored) {
    stamps = restored;
  }
}
