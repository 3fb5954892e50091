package dev.dynamodouble.core.operation;

import dev.dynamodouble.core.protocol.Constraints;
import dev.dynamodouble.core.protocol.JsonRequest;
import dev.dynamodouble.core.protocol.JsonWritable;
import dev.dynamodouble.core.table.Table;
import java.util.Map;

/** DescribeGlobalTableSettings (version 2017.11.29): every replica's billing mode, capacity and auto-scaling settings. */
public final class DescribeGlobalTableSettings implements Operation {

  @Override
  public JsonWritable execute(RequestContext context, JsonRequest request) {
    String name = request.string("GlobalTableName");
    new Constraints().notNull(name, "globalTableName").name(name, "globalTableName").check();
    LegacyGlobalTableRules.requireForSettings(context.engine(), name);
    Map<String, Table> members = context.engine().replication().members(name);
    return out -> {
      out.writeStartObject();
      GlobalTableDescriptions.writeSettings(out, name, members);
      out.writeEndObject();
    };
  }
}
