package dev.dynamodouble.core.capacity;

import dev.dynamodouble.core.table.IndexData;
import dev.dynamodouble.core.table.IndexKey;
import dev.dynamodouble.core.table.ItemKey;
import dev.dynamodouble.core.table.StoredItem;
import dev.dynamodouble.core.table.TableData;

/**
 * The write units a write costs in each secondary index, by DynamoDB's rules: an item entering or
 * leaving an index costs one write of its projection; a change of the index key costs a delete and
 * a put; an unchanged key costs one write only if the projected attributes changed.
 */
public final class IndexWriteUnits {
  private IndexWriteUnits() {}

  /** Adds to {@code capacity} the index writes of changing {@code key} from {@code before} to {@code after}. */
  public static void add(ConsumedCapacity capacity, TableData data, ItemKey key, StoredItem before, StoredItem after) {
    for (IndexData index : data.indexes().values()) {
      IndexKey oldKey = index.keyOf(key, before);
      IndexKey newKey = index.keyOf(key, after);
      double units = units(index, oldKey, newKey, before, after);
      if (units > 0) {
        String name = index.definition().name();
        capacity.addIndex(name, index.definition().global(), 0, units);
        if (index.definition().global()) { // charged to the index partition the item is in (or leaves)
          capacity.addIndexPartition(name, (newKey != null ? newKey : oldKey).partition(), 0, units);
        }
      }
    }
  }

  static double units(IndexData index, ItemKey key, StoredItem before, StoredItem after) {
    return units(index, index.keyOf(key, before), index.keyOf(key, after), before, after);
  }

  private static double units(IndexData index, IndexKey oldKey, IndexKey newKey, StoredItem before, StoredItem after) {
    if (oldKey == null && newKey == null) {
      return 0;
    }
    StoredItem oldEntry = oldKey == null ? null : index.project(before);
    StoredItem newEntry = newKey == null ? null : index.project(after);
    if (oldKey == null) {
      return Capacity.writeUnits(newEntry.size());
    }
    if (newKey == null) {
      return Capacity.writeUnits(oldEntry.size());
    }
    if (IndexKey.ORDER.compare(oldKey, newKey) != 0) {
      return Capacity.writeUnits(oldEntry.size()) + Capacity.writeUnits(newEntry.size());
    }
    if (oldEntry.attributes().equals(newEntry.attributes())) {
      return 0;
    }
    return Capacity.writeUnits(Math.max(oldEntry.size(), newEntry.size()));
  }
}
