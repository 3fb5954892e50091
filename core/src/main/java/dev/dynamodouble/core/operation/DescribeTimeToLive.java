package dev.dynamodouble.core.operation;

import dev.dynamodouble.core.error.DynamoException;
import dev.dynamodouble.core.protocol.Constraints;
import dev.dynamodouble.core.protocol.JsonRequest;
import dev.dynamodouble.core.protocol.JsonWritable;
import dev.dynamodouble.core.table.Table;
import dev.dynamodouble.core.table.TableStatus;
import dev.dynamodouble.core.ttl.TtlDescription;

/** DescribeTimeToLive: the table's TTL status and attribute (the attribute only while not DISABLED). */
public final class DescribeTimeToLive implements Operation {

  @Override
  public JsonWritable execute(RequestContext context, JsonRequest request) {
    String name = request.string("TableName");
    new Constraints().notNull(name, "tableName").tableNameOrArn(name, "tableName", context.region()).check();
    Table table = context.catalog().describedTable(name);
    TableStatus status = table.status();
    if (status == TableStatus.CREATING || status == TableStatus.DELETING) {
      throw DynamoException.validation("Cannot describe time to live while table is in " + status
          + " state: Current table state is " + status);
    }
    TtlDescription description = context.engine().timeToLive().describe(table);
    return out -> {
      out.writeStartObject();
      out.writeObjectFieldStart("TimeToLiveDescription");
      out.writeStringField("TimeToLiveStatus", description.status().name());
      if (description.attributeName() != null) {
        out.writeStringField("AttributeName", description.attributeName());
      }
      out.writeEndObject();
      out.writeEndObject();
    };
  }
}
