package dev.dynamodouble.core.operation;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.dynamodouble.core.capacity.ConsumedCapacity;
import dev.dynamodouble.core.protocol.AttributeValues;
import dev.dynamodouble.core.protocol.JsonWritable;
import dev.dynamodouble.core.table.Table;
import dev.dynamodouble.core.value.AttributeValue;
import java.io.IOException;
import java.util.Map;

/**
 * The response of a single-item operation: an optional item under {@code itemField} ("Item" or
 * "Attributes"), ConsumedCapacity when asked for, and ItemCollectionMetrics when asked for on a
 * table with local secondary indexes.
 */
final class ItemResponse implements JsonWritable {
  private final String itemField;
  private final Map<String, AttributeValue> item;
  private final ConsumedCapacity capacity;
  private final String capacityMode;
  private final ItemCollections.Metric collection;

  private ItemResponse(String itemField, Map<String, AttributeValue> item, ConsumedCapacity capacity,
                       String capacityMode, ItemCollections.Metric collection) {
    this.itemField = itemField;
    this.item = item;
    this.capacity = capacity;
    this.capacityMode = capacityMode;
    this.collection = collection;
  }

  static ItemResponse of(String itemField, Map<String, AttributeValue> item, ConsumedCapacity capacity,
                         String capacityMode) {
    return new ItemResponse(itemField, item, capacity, capacityMode, null);
  }

  /** Adds ItemCollectionMetrics for the item collection of {@code partitionKeyValue}, when asked for. */
  ItemResponse withCollectionMetrics(String mode, Table table, Map<String, AttributeValue> item) {
    if (!"SIZE".equals(mode) || table.localIndexes().isEmpty() || item == null) {
      return this;
    }
    AttributeValue partition = item.get(table.keySchema().partition().name());
    return new ItemResponse(itemField, this.item, capacity, capacityMode, ItemCollections.metric(table, partition));
  }

  @Override
  public void write(JsonGenerator out) throws IOException {
    out.writeStartObject();
    if (item != null) {
      out.writeFieldName(itemField);
      AttributeValues.writeItem(out, item);
    }
    if (capacity != null && ConsumedCapacity.wanted(capacityMode)) {
      out.writeFieldName("ConsumedCapacity");
      capacity.write(out, capacityMode);
    }
    if (collection != null) {
      out.writeFieldName("ItemCollectionMetrics");
      ItemCollections.writeMetric(out, collection);
    }
    out.writeEndObject();
  }
}
