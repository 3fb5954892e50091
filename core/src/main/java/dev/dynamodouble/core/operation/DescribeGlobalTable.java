package dev.dynamodouble.core.operation;

import dev.dynamodouble.core.protocol.Constraints;
import dev.dynamodouble.core.protocol.JsonRequest;
import dev.dynamodouble.core.protocol.JsonWritable;
import dev.dynamodouble.core.replication.LegacyGlobalTables;

/** DescribeGlobalTable (version 2017.11.29): a version 2019.11.21 global table is not one it finds. */
public final class DescribeGlobalTable implements Operation {

  @Override
  public JsonWritable execute(RequestContext context, JsonRequest request) {
    String name = request.string("GlobalTableName");
    new Constraints().notNull(name, "globalTableName").name(name, "globalTableName").check();
    LegacyGlobalTables.Entry entry = LegacyGlobalTableRules.require(context.engine(), name);
    return GlobalTableDescriptions.answer(context.engine(), entry);
  }
}
