package dev.dynamodouble.core.pipeline;

import dev.dynamodouble.core.table.ItemKey;
import dev.dynamodouble.core.table.Table;

/**
 * Decides, item by item, whether one request of a batch (BatchWriteItem, BatchGetItem) is served
 * now; a refused one comes back in UnprocessedItems / UnprocessedKeys. Stages add admissions to a
 * call (capacity: a key whose partition or table is out of capacity; faults: chosen keys).
 */
@FunctionalInterface
public interface ItemAdmission {
  boolean admit(Table table, ItemKey key, boolean write);
}
