package dev.dynamodouble.core.operation;

import dev.dynamodouble.core.table.ItemKey;
import dev.dynamodouble.core.table.StoredItem;
import dev.dynamodouble.core.table.TableData;
import dev.dynamodouble.core.value.AttributeValue;
import java.util.Iterator;
import java.util.Map;

/** Item collections: all items that share a partition key value (what LSIs limit to 10 GB). */
final class ItemCollections {
  private ItemCollections() {}

  /** The total size of the items of one partition. */
  static long sizeOf(TableData data, AttributeValue partition) {
    ItemKey start = ItemKey.of(partition, null);
    long bytes = 0;
    Iterator<Map.Entry<ItemKey, StoredItem>> it = data.items().ascending(start, true);
    while (it.hasNext()) {
      Map.Entry<ItemKey, StoredItem> e = it.next();
      if (e.getKey().hash() != start.hash() || !e.getKey().partition().equals(partition)) {
        break;
      }
      bytes += e.getValue().size();
    }
    return bytes;
  }
}
