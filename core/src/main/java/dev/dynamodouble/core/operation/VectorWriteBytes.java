package dev.dynamodouble.core.operation;

import dev.dynamodouble.core.capacity.ConsumedCapacity;
import dev.dynamodouble.core.table.IndexDefinition;
import dev.dynamodouble.core.table.StoredItem;
import dev.dynamodouble.core.table.Table;
import dev.dynamodouble.core.table.VectorIndexDefinition;
import dev.dynamodouble.core.value.AttributeValue;
import dev.dynamodouble.core.value.ItemSize;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The VectorWriteRequestBytes of one item write, per vector index. The developer guide says only
 * that they scale with the size of the data replicated to the index and that a write changing no
 * indexed attribute consumes none; the formula is Dynamo Double's: the item size of the entry the
 * index holds after the write (the vector and the projected attributes), or of the entry removed
 * when the item leaves the index. An index the write leaves alone gets no entry in the map.
 */
final class VectorWriteBytes {
  private VectorWriteBytes() {}

  /** Adds to {@code capacity} the bytes of changing an item of {@code table} from {@code before} to {@code after}. */
  static void add(ConsumedCapacity capacity, Table table, StoredItem before, StoredItem after) {
    for (VectorIndexDefinition index : table.vectorIndexes()) {
      if (index.status() == IndexDefinition.IndexStatus.DELETING) {
        continue;
      }
      Map<String, AttributeValue> oldEntry = entry(table, index, before);
      Map<String, AttributeValue> newEntry = entry(table, index, after);
      if (!Objects.equals(oldEntry, newEntry)) {
        capacity.addVectorWrite(index.name(), ItemSize.of(newEntry != null ? newEntry : oldEntry));
      }
    }
  }

  /** What is replicated to the index of {@code item} (its vector and projection), or null when it is not in it. */
  private static Map<String, AttributeValue> entry(Table table, VectorIndexDefinition index, StoredItem item) {
    if (item == null || !VectorIndexContents.indexed(index, item.attributes())) {
      return null;
    }
    Map<String, AttributeValue> projected = VectorIndexContents.projected(table, index, item.attributes());
    if (projected.containsKey(index.vectorAttribute())) {
      return projected;
    }
    Map<String, AttributeValue> entry = new LinkedHashMap<>(projected);
    entry.put(index.vectorAttribute(), item.attributes().get(index.vectorAttribute()));
    return entry;
  }
}
