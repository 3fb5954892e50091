package dev.dynamodouble.core.operation;

import dev.dynamodouble.core.error.DynamoException;
import dev.dynamodouble.core.protocol.Constraints;
import dev.dynamodouble.core.protocol.JsonRequest;
import dev.dynamodouble.core.protocol.JsonWritable;
import dev.dynamodouble.core.table.Table;
import dev.dynamodouble.core.table.TableStatus;

/**
 * UpdateTimeToLive: enables or disables TTL on one attribute. The response echoes the request's
 * TimeToLiveSpecification, as DynamoDB's does; the status moves ENABLING → ENABLED (DISABLING →
 * DISABLED) through the clock, and another change within the cooldown (an hour) is refused.
 */
public final class UpdateTimeToLive implements Operation {

  @Override
  public JsonWritable execute(RequestContext context, JsonRequest request) {
    String name = request.string("TableName");
    JsonRequest specification = request.structure("TimeToLiveSpecification");
    String attribute = specification == null ? null : specification.string("AttributeName");
    Boolean enabled = specification == null ? null : specification.bool("Enabled");
    Constraints constraints = new Constraints().notNull(name, "tableName")
        .tableNameOrArn(name, "tableName", context.region())
        .notNull(specification, "timeToLiveSpecification");
    if (specification != null) {
      constraints.notNull(attribute, "timeToLiveSpecification.attributeName")
          .minLength(attribute, 1, "timeToLiveSpecification.attributeName")
          .maxLength(attribute, 255, "timeToLiveSpecification.attributeName")
          .notNull(enabled, "timeToLiveSpecification.enabled");
    }
    constraints.check();
    context.engine().write(() -> {
      Table table = context.catalog().describedTable(name);
      if (table.status() == TableStatus.CREATING) {
        throw DynamoException.resourceInUse("Attempt to change a resource which is still in use: Table is being created: "
            + table.name());
      }
      if (table.status() == TableStatus.DELETING) {
        throw DynamoException.resourceNotFound("Requested resource not found: Table: " + table.name() + " not found");
      }
      StrongGlobalTables.checkTimeToLive(context.engine(), table, enabled);
      context.engine().timeToLive().update(table, attribute, enabled);
      ReplicaSync.timeToLive(context.engine(), table);
    });
    return out -> {
      out.writeStartObject();
      out.writeObjectFieldStart("TimeToLiveSpecification");
      out.writeStringField("AttributeName", attribute);
      out.writeBooleanField("Enabled", enabled);
      out.writeEndObject();
      out.writeEndObject();
    };
  }
}
