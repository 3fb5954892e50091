package dev.dynamodouble.core.capacity;

import dev.dynamodouble.core.protocol.JsonRequest;
import dev.dynamodouble.core.table.ItemKey;
import dev.dynamodouble.core.table.StoredItem;
import dev.dynamodouble.core.table.Table;
import dev.dynamodouble.core.value.AttributeValue;
import java.util.function.Function;

/**
 * Hot keys of global secondary indexes on a single-item write: the write is throttled when the
 * index partition its item is in (see {@link IndexPartitions}) has no write capacity left (1,000
 * units a second), with the index's key-range reason. The item's index keys come from the
 * PutItem's Item, or for UpdateItem/DeleteItem from the item as stored (a new index key an update
 * sets is charged afterwards, not checked before).
 */
final class IndexPartitionAdmission {
  private IndexPartitionAdmission() {}

  static void admit(Table table, TableMeters meters, JsonRequest request, String keyField, long now, Meter counted) {
    Function<String, AttributeValue> item = itemOf(table, request, keyField);
    if (item == null) {
      return;
    }
    ResourceMeters full = IndexPartitions.firstRefused(table, meters, item, now, partition -> partition.positive(now));
    if (full != null) {
      counted.revoke(true);
      throw Throttles.of(full, true, Limit.KEY_RANGE, CapacityStage.onDemand(table));
    }
  }

  /** The attributes the write's index keys are read from, or null when unknown (a malformed or new item). */
  private static Function<String, AttributeValue> itemOf(Table table, JsonRequest request, String keyField) {
    try {
      JsonRequest given = request.structure(keyField);
      if (given == null) {
        return null;
      }
      if ("Item".equals(keyField)) {
        return name -> valueOrNull(given, name);
      }
      AttributeValue partition = given.value(table.keySchema().partition().name());
      AttributeValue sort = table.keySchema().sort() == null ? null : given.value(table.keySchema().sort().name());
      StoredItem stored = partition == null ? null : table.snapshot().get(ItemKey.of(partition, sort));
      return stored == null ? null : name -> stored.attributes().get(name);
    } catch (RuntimeException malformed) {
      return null; // the operation answers it
    }
  }

  private static AttributeValue valueOrNull(JsonRequest item, String name) {
    try {
      return item.value(name);
    } catch (RuntimeException malformed) {
      return null;
    }
  }
}
