package dev.dynamodouble.core.table;

import dev.dynamodouble.core.storage.PersistentSortedMap;
import dev.dynamodouble.core.value.AttributeValue;
import dev.dynamodouble.core.value.ItemSize;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The contents of one secondary index: projected items by {@link IndexKey}. Sparse: an item
 * without the index's key attributes has no entry. Immutable, like {@link TableData}.
 */
public record IndexData(IndexDefinition definition, KeySchema tableKey,
                        PersistentSortedMap<IndexKey, StoredItem> entries, long sizeBytes) {

  public static IndexData empty(IndexDefinition definition, KeySchema tableKey) {
    return new IndexData(definition, tableKey, PersistentSortedMap.empty(IndexKey.ORDER), 0);
  }

  public long itemCount() {
    return entries.size();
  }

  /** The index key of {@code item}, or null when the item is not in this index. */
  public IndexKey keyOf(ItemKey itemKey, StoredItem item) {
    if (item == null) {
      return null;
    }
    KeySchema schema = definition.keySchema();
    AttributeValue partition = indexValue(schema.partitions(), item.attributes(), KeySchema.MAX_PARTITION_KEY_BYTES);
    if (partition == null) {
      return null;
    }
    AttributeValue sort = null;
    if (schema.hasSort()) {
      sort = indexValue(schema.sorts(), item.attributes(), KeySchema.MAX_SORT_KEY_BYTES);
      if (sort == null) {
        return null;
      }
    }
    return IndexKey.of(partition, sort, itemKey);
  }

  /**
   * The value of one key part, as {@link KeySchema#composite} builds it, or null when a value
   * cannot be an index key: missing, of another type, empty, or over the part's size limit (summed
   * over its attributes). Writes refuse the others; an index added later leaves such items out, as
   * DynamoDB does.
   */
  private static AttributeValue indexValue(List<KeyAttribute> keys, Map<String, AttributeValue> item, int maxBytes) {
    long total = 0;
    for (KeyAttribute key : keys) {
      AttributeValue value = item.get(key.name());
      if (value == null || value.type() != key.type()) {
        return null;
      }
      long bytes = KeySchema.keyBytes(value);
      if (bytes == 0 && (value instanceof AttributeValue.S || value instanceof AttributeValue.B)) {
        return null;
      }
      total += keys.size() == 1 ? bytes : ItemSize.of(value);
    }
    return total > maxBytes ? null : KeySchema.composite(keys, item);
  }

  /** This index after the table item under {@code itemKey} changed from {@code before} to {@code after}. */
  public IndexData update(ItemKey itemKey, StoredItem before, StoredItem after) {
    IndexKey oldKey = keyOf(itemKey, before);
    IndexKey newKey = keyOf(itemKey, after);
    if (oldKey == null && newKey == null) {
      return this;
    }
    PersistentSortedMap<IndexKey, StoredItem> next = entries;
    long size = sizeBytes;
    if (oldKey != null) {
      StoredItem old = next.get(oldKey);
      if (old != null) {
        next = next.remove(oldKey);
        size -= old.size();
      }
    }
    if (newKey != null) {
      StoredItem projected = project(after);
      next = next.put(newKey, projected);
      size += projected.size();
    }
    return new IndexData(definition, tableKey, next, size);
  }

  /** The attributes of {@code item} this index projects: keys always, then ALL / INCLUDE. */
  public StoredItem project(StoredItem item) {
    Projection projection = definition.projection();
    if (projection.type() == Projection.ProjectionType.ALL) {
      return item; // shares the table's item: no copy
    }
    Map<String, AttributeValue> projected = new HashMap<>();
    copy(item, projected, tableKey.partition().name());
    if (tableKey.sort() != null) {
      copy(item, projected, tableKey.sort().name());
    }
    for (KeyAttribute key : definition.keySchema().attributes()) {
      copy(item, projected, key.name());
    }
    if (projection.type() == Projection.ProjectionType.INCLUDE) {
      for (String name : projection.nonKeyAttributes()) {
        copy(item, projected, name);
      }
    }
    return StoredItem.of(projected);
  }

  private static void copy(StoredItem item, Map<String, AttributeValue> into, String name) {
    AttributeValue value = item.attributes().get(name);
    if (value != null) {
      into.put(name, value);
    }
  }

  /** Builds this index from every item of a table (a GSI's backfill). */
  public static IndexData backfill(IndexDefinition definition, KeySchema tableKey,
                                   PersistentSortedMap<ItemKey, StoredItem> items) {
    IndexData index = empty(definition, tableKey);
    for (Map.Entry<ItemKey, StoredItem> e : items) {
      index = index.update(e.getKey(), null, e.getValue());
    }
    return index;
  }
}
