package dev.dynamodouble.core.operation;

import dev.dynamodouble.core.error.DynamoException;
import dev.dynamodouble.core.protocol.Constraints;
import dev.dynamodouble.core.protocol.JsonRequest;
import dev.dynamodouble.core.protocol.JsonWritable;
import dev.dynamodouble.core.table.Table;
import dev.dynamodouble.core.table.TableStatus;

/** DeleteTable: the table goes DELETING and disappears through the clock. */
public final class DeleteTable implements Operation {

  @Override
  public JsonWritable execute(RequestContext context, JsonRequest request) {
    String name = request.string("TableName");
    new Constraints().notNull(name, "tableName").tableNameOrArn(name, "tableName", context.region()).check();
    Table table = context.engine().write(() -> {
      Table found = context.catalog().describedTable(name);
      // An index being changed answers first: its table is UPDATING only while a new index
      // allocates its resources, and the answer should not change when it starts to backfill.
      IndexesInFlight.requireSettled(found);
      // The API reference says a table already DELETING is no error, but the service answers
      // ResourceInUseException "... Table is being deleted: <name>" until the table is gone.
      TableChanges.requireStable(found);
      if (found.deletionProtection()) {
        throw DynamoException.validation("Resource cannot be deleted as it is currently protected against deletion. "
            + "Disable deletion protection first.");
      }
      StrongGlobalTables.checkDeleteTable(context.engine(), found);
      TableChanges.requireRoomForChange(context.catalog(), context.engine().options().quotas());
      found.status(TableStatus.DELETING);
      context.engine().resourcePolicies().removeTable(found.arn());
      context.engine().pointInTimeRecovery().tableDeleted(found); // PITR on: leaves a SYSTEM backup
      context.engine().streams().tableDeleted(found); // its records stay readable for 24 hours
      TableLifecycle.scheduleRemoval(context.engine(), found);
      return found;
    });
    return out -> {
      out.writeStartObject();
      TableDescriptions.writeDeleting(out, "TableDescription", table);
      out.writeEndObject();
    };
  }
}
