package dev.dynamodouble.core.table;

import dev.dynamodouble.core.storage.PersistentSortedMap;

/**
 * One immutable state of a table's contents: its items (and, as they arrive, its indexes) with
 * the totals DescribeTable reports. Every write yields a new TableData sharing all it did not
 * change, so a reader, a backup or a PITR history entry is just a reference to one.
 */
public record TableData(PersistentSortedMap<ItemKey, StoredItem> items, long sizeBytes) {

  public static TableData empty() {
    return new TableData(PersistentSortedMap.empty(ItemKey.ORDER), 0);
  }

  public long itemCount() {
    return items.size();
  }

  public StoredItem get(ItemKey key) {
    return items.get(key);
  }

  /** This state with {@code item} stored under {@code key} (replacing any item there). */
  public TableData put(ItemKey key, StoredItem item) {
    StoredItem old = items.get(key);
    long size = sizeBytes - (old == null ? 0 : old.size()) + item.size();
    return new TableData(items.put(key, item), size);
  }

  /** This state without the item under {@code key}. */
  public TableData delete(ItemKey key) {
    StoredItem old = items.get(key);
    if (old == null) {
      return this;
    }
    return new TableData(items.remove(key), sizeBytes - old.size());
  }
}
