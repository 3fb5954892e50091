package dev.dynamodouble.core.table;

import dev.dynamodouble.core.storage.PersistentSortedMap;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One immutable state of a table's contents: its items, its secondary indexes, and the totals
 * DescribeTable reports. Every write yields a new TableData that shares all it did not change and
 * updates every index in the same step, so a reader, a backup or a PITR entry is a reference to a
 * consistent whole.
 */
public record TableData(PersistentSortedMap<ItemKey, StoredItem> items, long sizeBytes,
                        Map<String, IndexData> indexes) {

  public static TableData empty() {
    return new TableData(PersistentSortedMap.empty(ItemKey.ORDER), 0, Map.of());
  }

  /** An empty table with the given secondary indexes. */
  public static TableData empty(KeySchema tableKey, Collection<IndexDefinition> indexDefinitions) {
    Map<String, IndexData> indexes = new LinkedHashMap<>();
    for (IndexDefinition definition : indexDefinitions) {
      indexes.put(definition.name(), IndexData.empty(definition, tableKey));
    }
    return new TableData(PersistentSortedMap.empty(ItemKey.ORDER), 0, Map.copyOf(indexes));
  }

  public long itemCount() {
    return items.size();
  }

  public StoredItem get(ItemKey key) {
    return items.get(key);
  }

  /** The contents of the index of that name, or null. */
  public IndexData index(String name) {
    return indexes.get(name);
  }

  /** This state with {@code item} stored under {@code key} (replacing any item there). */
  public TableData put(ItemKey key, StoredItem item) {
    return write(key, item).data();
  }

  /**
   * This state with {@code item} stored under {@code key}, when the caller already looked up the
   * item there now ({@code old}, or null): saves a search of the tree.
   */
  public TableData put(ItemKey key, StoredItem item, StoredItem old) {
    long size = sizeBytes - (old == null ? 0 : old.size()) + item.size();
    return new TableData(items.put(key, item), size, updateIndexes(key, old, item));
  }

  /** A state after a write, and the item the key had before it (null when none). */
  public record Written(TableData data, StoredItem before) {}

  /** As {@link #put(ItemKey, StoredItem)}, also telling the item it replaced, in one search of the tree. */
  public Written write(ItemKey key, StoredItem item) {
    PersistentSortedMap.Replaced<ItemKey, StoredItem> replaced = items.replace(key, item);
    StoredItem old = replaced.previous();
    long size = sizeBytes - (old == null ? 0 : old.size()) + item.size();
    return new Written(new TableData(replaced.map(), size, updateIndexes(key, old, item)), old);
  }

  /** This state without the item under {@code key}. */
  public TableData delete(ItemKey key) {
    StoredItem old = items.get(key);
    if (old == null) {
      return this;
    }
    return new TableData(items.remove(key), sizeBytes - old.size(), updateIndexes(key, old, null));
  }

  private Map<String, IndexData> updateIndexes(ItemKey key, StoredItem before, StoredItem after) {
    if (indexes.isEmpty()) {
      return indexes;
    }
    Map<String, IndexData> next = new LinkedHashMap<>(indexes.size() * 2);
    for (Map.Entry<String, IndexData> e : indexes.entrySet()) {
      next.put(e.getKey(), e.getValue().update(key, before, after));
    }
    return Map.copyOf(next);
  }

  /** This state with an index added and filled from the current items (a GSI's backfill). */
  public TableData withIndex(IndexDefinition definition, KeySchema tableKey) {
    Map<String, IndexData> next = new LinkedHashMap<>(indexes);
    next.put(definition.name(), IndexData.backfill(definition, tableKey, items));
    return new TableData(items, sizeBytes, Map.copyOf(next));
  }

  /** This state without the index of that name. */
  public TableData withoutIndex(String name) {
    if (!indexes.containsKey(name)) {
      return this;
    }
    Map<String, IndexData> next = new LinkedHashMap<>(indexes);
    next.remove(name);
    return new TableData(items, sizeBytes, Map.copyOf(next));
  }
}
