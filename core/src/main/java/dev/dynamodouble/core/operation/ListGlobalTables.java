package dev.dynamodouble.core.operation;

import dev.dynamodouble.core.protocol.Constraints;
import dev.dynamodouble.core.protocol.JsonRequest;
import dev.dynamodouble.core.protocol.JsonWritable;
import dev.dynamodouble.core.replication.LegacyGlobalTables;
import dev.dynamodouble.core.replication.Replication;
import dev.dynamodouble.core.table.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * ListGlobalTables (version 2017.11.29): the account's legacy global tables by name, those with a
 * replica in RegionName when it is given, a page of Limit (default 100) at a time.
 */
public final class ListGlobalTables implements Operation {
  private static final int DEFAULT_LIMIT = 100;

  @Override
  public JsonWritable execute(RequestContext context, JsonRequest request) {
    String start = request.string("ExclusiveStartGlobalTableName");
    Integer limit = request.intValue("Limit");
    String region = request.string("RegionName");
    new Constraints().name(start, "exclusiveStartGlobalTableName").min(limit, 1, "limit").check();
    int max = limit == null ? DEFAULT_LIMIT : limit;
    Replication replication = context.engine().replication();
    List<LegacyGlobalTables.Entry> page = new ArrayList<>();
    List<Map<String, Table>> groups = new ArrayList<>();
    boolean more = false;
    for (LegacyGlobalTables.Entry entry : replication.legacy().all()) {
      if (start != null && entry.name().compareTo(start) <= 0) {
        continue;
      }
      Map<String, Table> members = replication.members(entry.name());
      if (region != null && !members.containsKey(region)) {
        continue;
      }
      if (page.size() == max) {
        more = true;
        break;
      }
      page.add(entry);
      groups.add(members);
    }
    boolean truncated = more;
    return out -> {
      out.writeStartObject();
      out.writeArrayFieldStart("GlobalTables");
      for (int i = 0; i < page.size(); i++) {
        out.writeStartObject();
        out.writeStringField("GlobalTableName", page.get(i).name());
        GlobalTableDescriptions.writeReplicationGroup(out, groups.get(i));
        out.writeEndObject();
      }
      out.writeEndArray();
      if (truncated) {
        out.writeStringField("LastEvaluatedGlobalTableName", page.get(page.size() - 1).name());
      }
      out.writeEndObject();
    };
  }
}
