package dev.dynamodouble.core.server;

import dev.dynamodouble.core.capacity.CapacityEnforcement;
import dev.dynamodouble.core.capacity.ThroughputUsage;
import dev.dynamodouble.core.engine.Engine;
import dev.dynamodouble.core.protocol.ProtocolResponse;
import java.util.List;
import java.util.Map;

/**
 * The capacity part of the control API:
 * {@code GET /_dynamodouble/capacity?table=T[&region=R]} (remaining units and counts of the table
 * and each GSI), {@code POST /_dynamodouble/capacity/reset} (every bucket back to a new table's
 * state, counts to zero) and {@code POST /_dynamodouble/capacity/enforcement?enabled=true|false}.
 */
final class CapacityControl {
  private CapacityControl() {}

  static ProtocolResponse handle(Engine engine, String path, boolean post, Map<String, List<String>> parameters) {
    CapacityEnforcement capacity = engine.capacity();
    if (path.equals("capacity") && !post) {
      String table = first(parameters, "table");
      if (table == null) {
        return ControlApi.json(400, "{\"error\":\"name the table: ?table=NAME\"}");
      }
      String region = first(parameters, "region");
      try {
        return ControlApi.json(200, usages(capacity.usages(engine.options().regionOf(region), table)));
      } catch (IllegalArgumentException e) {
        return ControlApi.json(404, "{\"error\":\"" + e.getMessage().replace("\"", "") + "\"}");
      }
    }
    if (path.equals("capacity/reset") && post) {
      capacity.reset();
      return ControlApi.json(200, "{\"reset\":true}");
    }
    if (path.equals("capacity/enforcement") && post) {
      String enabled = first(parameters, "enabled");
      if (!"true".equals(enabled) && !"false".equals(enabled)) {
        return ControlApi.json(400, "{\"error\":\"enabled must be true or false\"}");
      }
      capacity.enabled(Boolean.parseBoolean(enabled));
      return ControlApi.json(200, "{\"enabled\":" + capacity.enabled() + "}");
    }
    return ControlApi.json(404, "{\"error\":\"unknown control path: " + path.replace("\"", "") + "\"}");
  }

  private static String usages(List<ThroughputUsage> usages) {
    StringBuilder json = new StringBuilder("{\"table\":");
    for (int i = 0; i < usages.size(); i++) {
      if (i == 1) {
        json.append(",\"globalSecondaryIndexes\":[");
      } else if (i > 1) {
        json.append(',');
      }
      append(json, usages.get(i));
    }
    json.append(usages.size() > 1 ? "]}" : "}");
    return json.toString();
  }

  private static void append(StringBuilder json, ThroughputUsage u) {
    json.append("{\"name\":\"").append(u.resource().replace("\"", "")).append('"')
        .append(",\"remainingRead\":").append(number(u.remainingRead()))
        .append(",\"remainingWrite\":").append(number(u.remainingWrite()))
        .append(",\"admittedReads\":").append(u.admittedReads())
        .append(",\"admittedWrites\":").append(u.admittedWrites())
        .append(",\"throttledReads\":").append(u.throttledReads())
        .append(",\"throttledWrites\":").append(u.throttledWrites())
        .append(",\"consumedRead\":").append(u.consumedRead())
        .append(",\"consumedWrite\":").append(u.consumedWrite()).append('}');
  }

  /** Unlimited is JSON null (JSON has no infinity). */
  private static String number(double value) {
    return Double.isInfinite(value) ? "null" : Double.toString(value);
  }

  private static String first(Map<String, List<String>> parameters, String name) {
    List<String> values = parameters.get(name);
    return values == null || values.isEmpty() ? null : values.get(0);
  }
}
