package dev.dynamodouble.core.capacity;

import dev.dynamodouble.core.table.IndexDefinition;
import dev.dynamodouble.core.table.KeyAttribute;
import dev.dynamodouble.core.value.AttributeValue;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

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
    List<KeyAttribute> keys = index.keySchema().partitions();
    if (keys.size() == 1) {
      return attributes.apply(keys.get(0).name());
    }
    List<AttributeValue> values = new ArrayList<>(keys.size());
    for (KeyAttribute key : keys) {
      AttributeValue value = attributes.apply(key.name());
      if (value == null) {
        return null;
      }
      values.add(value);
    }
    return new AttributeValue.L(values);
  }
}
