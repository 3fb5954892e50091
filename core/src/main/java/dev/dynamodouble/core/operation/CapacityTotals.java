package dev.dynamodouble.core.operation;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.dynamodouble.core.protocol.Json;
import dev.dynamodouble.core.protocol.JsonObject;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The ConsumedCapacity of several single-item responses summed per table, as a batch reports it:
 * numbers add up member by member (Table, GlobalSecondaryIndexes ... included), names stay.
 */
final class CapacityTotals {
  private final Map<String, Map<String, Object>> byTable = new LinkedHashMap<>();

  /** Adds one response's ConsumedCapacity (a JSON object), if it has one. */
  void add(Object consumedCapacity) {
    if (consumedCapacity instanceof JsonObject object && object.get("TableName") instanceof String table) {
      merge(byTable.computeIfAbsent(table, t -> new LinkedHashMap<>()), object);
    }
  }

  private static void merge(Map<String, Object> into, JsonObject from) {
    for (int i = 0; i < from.size(); i++) {
      String name = from.name(i);
      Object value = from.value(i);
      Object existing = into.get(name);
      if (value instanceof Number n) {
        BigDecimal sum = Json.decimal(n).add(existing instanceof BigDecimal b ? b : BigDecimal.ZERO);
        into.put(name, sum);
      } else if (value instanceof JsonObject nested) {
        @SuppressWarnings("unchecked")
        Map<String, Object> target = existing instanceof Map<?, ?> m ? (Map<String, Object>) m : new LinkedHashMap<>();
        merge(target, nested);
        into.put(name, target);
      } else {
        into.put(name, value);
      }
    }
  }

  /** Writes {@code "ConsumedCapacity": [...]} when any capacity was added. */
  void write(JsonGenerator out) throws IOException {
    if (byTable.isEmpty()) {
      return;
    }
    out.writeArrayFieldStart("ConsumedCapacity");
    for (Map<String, Object> entry : byTable.values()) {
      writeMap(out, entry);
    }
    out.writeEndArray();
  }

  /** Writes {@code "ConsumedCapacity": {...}} for a response about one table, when any capacity was added. */
  void writeSingle(JsonGenerator out) throws IOException {
    if (!byTable.isEmpty()) {
      out.writeFieldName("ConsumedCapacity");
      writeMap(out, byTable.values().iterator().next());
    }
  }

  @SuppressWarnings("unchecked")
  private static void writeMap(JsonGenerator out, Map<String, Object> map) throws IOException {
    out.writeStartObject();
    for (Map.Entry<String, Object> e : map.entrySet()) {
      out.writeFieldName(e.getKey());
      if (e.getValue() instanceof Map<?, ?> nested) {
        writeMap(out, (Map<String, Object>) nested);
      } else if (e.getValue() instanceof BigDecimal d) {
        out.writeNumber(d.doubleValue());
      } else {
        Json.write(out, e.getValue());
      }
    }
    out.writeEndObject();
  }
}
