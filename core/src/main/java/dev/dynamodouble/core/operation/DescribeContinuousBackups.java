package dev.dynamodouble.core.operation;

import dev.dynamodouble.core.backup.PointInTimeRecovery;
import dev.dynamodouble.core.engine.Catalog;
import dev.dynamodouble.core.error.DynamoException;
import dev.dynamodouble.core.error.ErrorCode;
import dev.dynamodouble.core.protocol.Constraints;
import dev.dynamodouble.core.protocol.JsonRequest;
import dev.dynamodouble.core.protocol.JsonWritable;
import dev.dynamodouble.core.table.Table;
import dev.dynamodouble.core.table.TableStatus;

/**
 * DescribeContinuousBackups: ContinuousBackupsStatus (always ENABLED) and the PITR status, with the
 * recovery period and the restorable window while it is enabled.
 */
public final class DescribeContinuousBackups implements Operation {

  @Override
  public JsonWritable execute(RequestContext context, JsonRequest request) {
    String name = request.string("TableName");
    new Constraints().notNull(name, "tableName").tableNameOrArn(name, "tableName", context.region()).check();
    PointInTimeRecovery.Description description =
        context.engine().pointInTimeRecovery().describe(table(context, name, true));
    return out -> {
      out.writeStartObject();
      BackupDescriptions.writeContinuousBackups(out, description);
      out.writeEndObject();
    };
  }

  /**
   * The table of the continuous-backups calls: TableNotFoundException ("Table not found: x") when
   * it does not exist or is still CREATING, and, unless {@code deletingToo}, when it is DELETING.
   */
  static Table table(RequestContext context, String nameOrArn, boolean deletingToo) {
    Table table = context.catalog().find(nameOrArn);
    if (table == null || table.status() == TableStatus.CREATING
        || (!deletingToo && table.status() == TableStatus.DELETING)) {
      throw new DynamoException(ErrorCode.TABLE_NOT_FOUND, "Table not found: " + Catalog.nameOf(nameOrArn));
    }
    return table;
  }
}
