package dev.dynamodouble.core.operation;

import dev.dynamodouble.core.protocol.Constraints;
import dev.dynamodouble.core.protocol.JsonRequest;
import dev.dynamodouble.core.protocol.JsonWritable;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/** ListTables: names in order, up to Limit (default and maximum 100), with LastEvaluatedTableName to page on. */
public final class ListTables implements Operation {
  private static final int MAX_LIMIT = 100;

  @Override
  public JsonWritable execute(RequestContext context, JsonRequest request) {
    String start = request.string("ExclusiveStartTableName");
    Integer limit = request.intValue("Limit");
    new Constraints() // the service reports the limit first
        .min(limit, 1, "limit")
        .max(limit, MAX_LIMIT, "limit")
        .name(start, "exclusiveStartTableName")
        .check();
    int max = limit == null ? MAX_LIMIT : limit;
    List<String> names = new ArrayList<>();
    Iterator<String> it = context.catalog().tablesAfter(start).keySet().iterator();
    while (it.hasNext() && names.size() < max) {
      names.add(it.next());
    }
    String last = it.hasNext() ? names.get(names.size() - 1) : null;
    return out -> {
      out.writeStartObject();
      out.writeArrayFieldStart("TableNames");
      for (String name : names) {
        out.writeString(name);
      }
      out.writeEndArray();
      if (last != null) {
        out.writeStringField("LastEvaluatedTableName", last);
      }
      out.writeEndObject();
    };
  }
}
