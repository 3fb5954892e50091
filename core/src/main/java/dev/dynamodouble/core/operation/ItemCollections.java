package dev.dynamodouble.core.operation;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.dynamodouble.core.protocol.AttributeValues;
import dev.dynamodouble.core.table.ItemKey;
import dev.dynamodouble.core.table.StoredItem;
import dev.dynamodouble.core.table.Table;
import dev.dynamodouble.core.table.TableData;
import dev.dynamodouble.core.value.AttributeValue;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** Item collections: all items that share a partition key value (what LSIs limit to 10 GB). */
final class ItemCollections {
  private ItemCollections() {}

  /** The collection a write touched, as ItemCollectionMetrics reports it. */
  record Metric(Map<String, AttributeValue> key, long bytes) {}

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

  /**
   * Adds the collection of {@code partition} in {@code table} as it is now, when metrics were asked
   * for ("SIZE") and the table has local secondary indexes (only those have item collections),
   * under the table as the request named it ({@code requestedAs}, its name or its ARN), as the
   * response's other per-table members answer it.
   */
  static void add(Map<String, List<Metric>> metrics, String mode, Table table, String requestedAs,
                  AttributeValue partition) {
    if ("SIZE".equals(mode) && !table.localIndexes().isEmpty()) {
      metrics.computeIfAbsent(requestedAs, k -> new ArrayList<>()).add(metric(table, partition));
    }
  }

  /** The collection of {@code partition} in {@code table} as it is now. */
  static Metric metric(Table table, AttributeValue partition) {
    return new Metric(Map.of(table.keySchema().partition().name(), partition), sizeOf(table.snapshot(), partition));
  }

  /** Writes the batch operations' {@code "ItemCollectionMetrics": {table: [metric, ...]}}, if any. */
  static void write(JsonGenerator out, Map<String, List<Metric>> metrics) throws IOException {
    if (metrics.isEmpty()) {
      return;
    }
    out.writeObjectFieldStart("ItemCollectionMetrics");
    for (Map.Entry<String, List<Metric>> e : metrics.entrySet()) {
      out.writeArrayFieldStart(e.getKey());
      for (Metric metric : e.getValue()) {
        writeMetric(out, metric);
      }
      out.writeEndArray();
    }
    out.writeEndObject();
  }

  /** One metric object: the collection's key and DynamoDB's one-gigabyte range around its size. */
  static void writeMetric(JsonGenerator out, Metric metric) throws IOException {
    out.writeStartObject();
    out.writeFieldName("ItemCollectionKey");
    AttributeValues.writeItem(out, metric.key());
    out.writeArrayFieldStart("SizeEstimateRangeGB");
    double gb = metric.bytes() / (1024.0 * 1024 * 1024);
    out.writeNumber(Math.floor(gb));
    out.writeNumber(Math.floor(gb) + 1);
    out.writeEndArray();
    out.writeEndObject();
  }
}
