package dev.dynamodouble.core.server;

import dev.dynamodouble.core.engine.Engine;
import dev.dynamodouble.core.insights.ContributorInsights;
import dev.dynamodouble.core.protocol.ProtocolResponse;
import dev.dynamodouble.core.table.Table;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * Contributor Insights counts over HTTP, for out-of-process users (a container's tests):
 * {@code GET /_dynamodouble/insights/keys?table=T[&index=I][&fullKey=true][&limit=N][&region=R]}
 * answers {@code {"Table": T, "Index": I, "Accessed": [{"Key": k, "Count": n}, ...], "Throttled": [...]}},
 * most counted first, as {@link ContributorInsights#topKeys} and {@link ContributorInsights#topThrottledKeys}.
 */
final class InsightsControl {
  static final int DEFAULT_LIMIT = 10;

  private InsightsControl() {}

  /** Serves {@code path}, or returns null when it is not the insights path. */
  static ProtocolResponse handle(Engine engine, boolean get, String path, Map<String, List<String>> parameters) {
    if (!path.equals("insights/keys")) {
      return null;
    }
    if (!get) {
      return ControlApi.error(405, "only GET is served on /_dynamodouble/" + path);
    }
    String name = first(parameters, "table");
    if (name == null || name.isEmpty()) {
      return ControlApi.error(400, "name the table: ?table=NAME[&index=INDEX][&fullKey=true][&limit=N][&region=R]");
    }
    String region = engine.options().regionOf(first(parameters, "region"));
    Table table = engine.region(region).find(name);
    if (table == null) {
      return ControlApi.error(404, "no table named '" + name + "' in region " + region);
    }
    String index = first(parameters, "index");
    if (index != null && table.index(index) == null) {
      return ControlApi.error(404, "table '" + name + "' has no index named '" + index + "'");
    }
    boolean fullKey = "true".equals(first(parameters, "fullKey"));
    long limit = first(parameters, "limit") == null ? DEFAULT_LIMIT : ControlApi.parameter(parameters, "limit");
    if (limit < 1 || limit > Integer.MAX_VALUE) {
      return ControlApi.error(400, "limit must be a whole number from 1");
    }
    ContributorInsights insights = engine.contributorInsights();
    List<ContributorInsights.KeyCount> accessed = insights.topKeys(table, index, fullKey, (int) limit);
    List<ContributorInsights.KeyCount> throttled = insights.topThrottledKeys(table, index, fullKey, (int) limit);
    return ControlApi.json(200, out -> {
      out.writeStringField("Table", table.name());
      if (index != null) {
        out.writeStringField("Index", index);
      }
      write(out, "Accessed", accessed);
      write(out, "Throttled", throttled);
    });
  }

  private static void write(JsonGenerator out, String field, List<ContributorInsights.KeyCount> counts) throws IOException {
    out.writeArrayFieldStart(field);
    for (ContributorInsights.KeyCount count : counts) {
      out.writeStartObject();
      out.writeStringField("Key", count.key());
      out.writeNumberField("Count", count.count());
      out.writeEndObject();
    }
    out.writeEndArray();
  }

  private static String first(Map<String, List<String>> parameters, String name) {
    List<String> values = parameters.get(name);
    return values == null || values.isEmpty() ? null : values.get(0);
  }
}
