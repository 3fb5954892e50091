package dev.dynamodouble.core.operation;

import dev.dynamodouble.core.backup.Backup;
import dev.dynamodouble.core.backup.RestoreOrigin;
import dev.dynamodouble.core.backup.TableRestore;
import dev.dynamodouble.core.error.DynamoException;
import dev.dynamodouble.core.error.ErrorCode;
import dev.dynamodouble.core.protocol.Constraints;
import dev.dynamodouble.core.protocol.JsonRequest;
import dev.dynamodouble.core.protocol.JsonWritable;
import dev.dynamodouble.core.table.Table;

/**
 * RestoreTableFromBackup: a new table with the backup's contents and recorded settings, or the
 * overridden ones. It starts CREATING and goes ACTIVE through the clock; meanwhile the backup is
 * in use (another restore from it, or its deletion, is refused). A backup ARN of another region
 * restores across regions, which needs SSESpecificationOverride, as in DynamoDB.
 */
public final class RestoreTableFromBackup implements Operation {

  @Override
  public JsonWritable execute(RequestContext context, JsonRequest request) {
    String target = request.string("TargetTableName");
    String arn = request.string("BackupArn");
    Constraints constraints = new Constraints();
    RestoreRequests.checkShape(constraints, request, "RestoreTableFromBackup");
    BackupArns.checkShape(constraints, arn, "backupArn");
    constraints.check();
    String arnRegion = BackupArns.regionOf(arn);
    String sourceRegion = context.region();
    if (arnRegion != null && !arnRegion.isEmpty() && !arnRegion.equals(context.region())) {
      if (!request.has("SSESpecificationOverride")) {
        throw DynamoException.validation("Invalid Request: sseSpecificationOverride must be provided for cross-region restores");
      }
      sourceRegion = arnRegion;
    }
    String lookupRegion = sourceRegion;
    Table table = context.engine().write(() -> {
      Backup backup = BackupArns.resolve(context, lookupRegion, arn);
      if (backup.inUse()) {
        throw new DynamoException(ErrorCode.BACKUP_IN_USE, "Backup is being used to restore another table: " + backup.arn());
      }
      TableRestore.requireFreeName(context.catalog(), target);
      TableChanges.requireRoomForTable(context.catalog(), context.engine().options().quotas());
      return TableRestore.restore(context.engine(), context.catalog(), target, backup.source(), backup.data(),
          RestoreRequests.overrides(context, request),
          new RestoreOrigin(backup.arn(), backup.source().arn(), backup.created()), backup,
          spec -> ThroughputLimits.requireRoomForNewTable(spec, context.catalog(), context.engine().options().quotas()));
    });
    return out -> {
      out.writeStartObject();
      TableDescriptions.write(out, "TableDescription", table);
      out.writeEndObject();
    };
  }
}
