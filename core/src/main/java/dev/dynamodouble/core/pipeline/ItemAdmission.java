package dev.dynamodouble.core.pipeline;

import dev.dynamodouble.core.table.ItemKey;
import dev.dynamodouble.core.table.StoredItem;
import dev.dynamodouble.core.table.Table;

/**
 * Decides, item by item, whether one request of a batch (BatchWriteItem, BatchGetItem) is served
 * now; a refused one comes back in UnprocessedItems / UnprocessedKeys. Stages add admissions to a
 * call (capacity: a key whose partition or table is out of capacity; faults: chosen keys).
 */
@FunctionalInterface
public interface ItemAdmission {
  boolean admit(Table table, ItemKey key, boolean write);

  /**
   * As {@link #admit} for an item write of a batch or transaction that writes global secondary
   * index entries: {@code put} is the item a put writes (its index keys are the ones written), null
   * for an update or delete (the stored item's are). A condition check is an {@code admit} write.
   */
  default boolean admitWrite(Table table, ItemKey key, StoredItem put) {
    return admit(table, key, true);
  }

  /**
   * Asked right after this admission refused an item: whether it refused it because a global
   * secondary index the write goes to is out of write capacity (DynamoDB's Contributor Insights
   * does not count those throttles). False by default.
   */
  default boolean refusedForIndexWrites() {
    return false;
  }
}
