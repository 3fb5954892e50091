package dev.dynamodouble.core.operation;

import dev.dynamodouble.core.backup.Backup;
import dev.dynamodouble.core.engine.Catalog;
import dev.dynamodouble.core.error.DynamoException;
import dev.dynamodouble.core.error.ErrorCode;
import dev.dynamodouble.core.protocol.Constraints;
import dev.dynamodouble.core.protocol.JsonRequest;
import dev.dynamodouble.core.protocol.JsonWritable;
import dev.dynamodouble.core.table.Table;
import dev.dynamodouble.core.table.TableStatus;

/**
 * CreateBackup: an on-demand backup of the table as it is now, in O(1) (a reference to its current
 * root). Answers CREATING, as DynamoDB does; the backup is AVAILABLE for every later call. Backup
 * names need not be unique.
 */
public final class CreateBackup implements Operation {

  @Override
  public JsonWritable execute(RequestContext context, JsonRequest request) {
    String tableName = request.string("TableName");
    String backupName = request.string("BackupName");
    new Constraints().notNull(tableName, "tableName").tableNameOrArn(tableName, "tableName", context.region())
        .notNull(backupName, "backupName").name(backupName, "backupName").check();
    Backup backup = context.engine().write(() -> {
      Table table = context.catalog().find(tableName);
      if (table == null || table.status() == TableStatus.CREATING) {
        throw new DynamoException(ErrorCode.TABLE_NOT_FOUND, "Table not found: " + Catalog.nameOf(tableName));
      }
      return context.engine().backups().create(table, backupName);
    });
    return out -> {
      out.writeStartObject();
      BackupDescriptions.writeDetails(out, backup, "CREATING");
      out.writeEndObject();
    };
  }
}
