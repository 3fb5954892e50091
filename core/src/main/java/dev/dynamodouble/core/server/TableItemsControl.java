package dev.dynamodouble.core.server;

import dev.dynamodouble.core.engine.Engine;
import dev.dynamodouble.core.protocol.AttributeValues;
import dev.dynamodouble.core.protocol.ProtocolResponse;
import dev.dynamodouble.core.table.StoredItem;
import dev.dynamodouble.core.table.Table;
import dev.dynamodouble.core.table.TableData;
import java.util.List;
import java.util.Map;

/**
 * A table's contents over HTTP: {@code GET /_dynamodouble/tables/NAME/items[?region=R]} answers
 * {@code {"Items": [...], "Count": n}}, every item in DynamoDB JSON in primary-key order, read from
 * one committed root (a consistent view), without consuming capacity or passing through faults.
 */
final class TableItemsControl {
  private TableItemsControl() {}

  /** Serves {@code path}, or returns null when it is not a table path. */
  static ProtocolResponse handle(Engine engine, boolean get, String path, Map<String, List<String>> parameters) {
    if (!path.startsWith("tables/") || !path.endsWith("/items")) {
      return null;
    }
    String name = path.substring("tables/".length(), path.length() - "/items".length());
    if (!get) {
      return ControlApi.error(405, "only GET is served on /_dynamodouble/" + path);
    }
    List<String> regions = parameters.get("region");
    String region = engine.options().regionOf(regions == null || regions.isEmpty() ? null : regions.get(0));
    Table table = engine.region(region).find(name);
    if (table == null) {
      return ControlApi.error(404, "no table named '" + name + "' in region " + region);
    }
    TableData data = table.snapshot();
    return ControlApi.json(200, out -> {
      out.writeArrayFieldStart("Items");
      for (Map.Entry<?, StoredItem> entry : data.items()) {
        AttributeValues.writeItem(out, entry.getValue().attributes());
      }
      out.writeEndArray();
      out.writeNumberField("Count", data.itemCount());
    });
  }
}
