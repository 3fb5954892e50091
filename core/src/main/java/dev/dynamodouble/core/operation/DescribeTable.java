package dev.dynamodouble.core.operation;

import dev.dynamodouble.core.protocol.Constraints;
import dev.dynamodouble.core.protocol.JsonRequest;
import dev.dynamodouble.core.protocol.JsonWritable;
import dev.dynamodouble.core.table.Table;

/** DescribeTable. */
public final class DescribeTable implements Operation {

  @Override
  public JsonWritable execute(RequestContext context, JsonRequest request) {
    String name = request.string("TableName");
    new Constraints().notNull(name, "tableName").tableNameOrArn(name, "tableName", context.region()).check();
    Table table = context.catalog().describedTable(name);
    return out -> {
      out.writeStartObject();
      TableDescriptions.write(out, "Table", table);
      out.writeEndObject();
    };
  }
}
