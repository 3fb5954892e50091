package dev.dynamodouble.core.capacity;

import dev.dynamodouble.core.table.IndexDefinition;
import dev.dynamodouble.core.table.KeySchema;
import dev.dynamodouble.core.table.Table;
import dev.dynamodouble.core.value.AttributeValue;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Which partition of a global secondary index an item is in: the value of its partition key, or
 * for a multi-attribute partition key (up to four attributes) the list of all their values, the
 * same composite the index orders its entries by and a Query on it names. So two items that share
 * only the first attribute are in different partitions, as in DynamoDB.
 */
final class IndexPartitions {
  private IndexPartitions() {}

  /** The partition of {@code index} the item with these attributes is in; null when it is not in the index. */
  static AttributeValue keyOf(IndexDefinition index, Function<String, AttributeValue> attributes) {
    return KeySchema.composite(index.keySchema().partitions(), attributes);
  }

  /**
   * Offers {@code admits} the write meter of each metered GSI partition the item is in, in index
   * order, and answers the meters of the first index it refuses, or null when it admits them all.
   */
  static ResourceMeters firstRefused(Table table, TableMeters meters, Function<String, AttributeValue> item, long now,
                                     Predicate<Meter> admits) {
    for (IndexDefinition index : table.globalIndexes()) {
      ResourceMeters indexMeters = meters.index(index.name());
      AttributeValue value = keyOf(index, item);
      if (indexMeters != null && value != null && !admits.test(meters.partitions(index.name()).of(value, now).write)) {
        return indexMeters;
      }
    }
    return null;
  }
}
