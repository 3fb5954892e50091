package dev.dynamodouble.core.table;

import dev.dynamodouble.core.value.AttributeValue;
import dev.dynamodouble.core.value.KeyOrder;
import java.util.Comparator;

/**
 * The key of an index entry: the index's partition and sort key, then the table key so that
 * items sharing index keys (allowed in a GSI) stay distinct. Ordered like {@link ItemKey}: by the
 * hash of the index partition key, then partition, sort key, and table key.
 */
public record IndexKey(long hash, AttributeValue partition, AttributeValue sort, ItemKey tableKey) {
  public static final Comparator<IndexKey> ORDER = IndexKey::compare;

  /** A seek key at the first position of hash {@code hash}. */
  public static IndexKey atHash(long hash) {
    return new IndexKey(hash, null, null, null);
  }

  public static IndexKey of(AttributeValue partition, AttributeValue sort, ItemKey tableKey) {
    return new IndexKey(ItemKey.hashOf(partition), partition, sort, tableKey);
  }

  private static int compare(IndexKey a, IndexKey b) {
    int byHash = Long.compareUnsigned(a.hash, b.hash);
    if (byHash != 0) {
      return byHash;
    }
    if (a.partition == null || b.partition == null) { // a hash seek sorts before its hash's keys
      return a.partition == b.partition ? 0 : a.partition == null ? -1 : 1;
    }
    int byPartition = KeyOrder.INSTANCE.compare(a.partition, b.partition);
    if (byPartition != 0) {
      return byPartition;
    }
    int bySort = ItemKey.compareSort(a.sort, b.sort);
    if (bySort != 0) {
      return bySort;
    }
    if (a.tableKey == b.tableKey) {
      return 0;
    }
    // Seek bounds: null sorts before every entry with these index keys, HIGHEST after them.
    if (a.tableKey == null || b.tableKey == ItemKey.HIGHEST) {
      return -1;
    }
    if (b.tableKey == null || a.tableKey == ItemKey.HIGHEST) {
      return 1;
    }
    return ItemKey.ORDER.compare(a.tableKey, b.tableKey);
  }
}
