package dev.dynamodouble.core.operation;

import dev.dynamodouble.core.backup.Backups;
import dev.dynamodouble.core.backup.PointInTimeRecovery;
import dev.dynamodouble.core.backup.RestoreOrigin;
import dev.dynamodouble.core.backup.TableRestore;
import dev.dynamodouble.core.engine.Catalog;
import dev.dynamodouble.core.error.DynamoException;
import dev.dynamodouble.core.error.ErrorCode;
import dev.dynamodouble.core.protocol.Constraints;
import dev.dynamodouble.core.protocol.JsonRequest;
import dev.dynamodouble.core.protocol.JsonWritable;
import dev.dynamodouble.core.table.Table;
import dev.dynamodouble.core.table.TableStatus;
import java.time.Instant;

/**
 * RestoreTableToPointInTime: a new table with the source's contents at a second inside its PITR
 * window (RestoreDateTime, or UseLatestRestorableTime), its current settings and the indexes it
 * had then and its current vector indexes, or the overridden ones. Checks in DynamoDB's order: request shape, the source exists,
 * PITR is enabled on it, the time is in the window, the target name is free.
 */
public final class RestoreTableToPointInTime implements Operation {

  @Override
  public JsonWritable execute(RequestContext context, JsonRequest request) {
    String target = request.string("TargetTableName");
    String sourceName = request.string("SourceTableName");
    String sourceArn = request.string("SourceTableArn");
    Constraints constraints = new Constraints();
    RestoreRequests.checkShape(constraints, request, "RestoreTableToPointInTime");
    constraints.name(sourceName, "sourceTableName").maxLength(sourceArn, 1024, "sourceTableArn");
    constraints.check();
    if (sourceName != null && sourceArn != null) {
      throw DynamoException.validation("Invalid Request: Must provide exactly one of: sourceTableArn, sourceTableName");
    }
    if (sourceName == null && sourceArn == null) {
      throw DynamoException.validation("The parameter 'TableName' is required but was not present in the request");
    }
    Boolean useLatest = request.bool("UseLatestRestorableTime");
    Instant restoreTime = Timestamps.read(request, "RestoreDateTime");
    boolean latest = Boolean.TRUE.equals(useLatest);
    if (restoreTime != null && latest) {
      throw DynamoException.validation("Invalid Request: Both RestoreDateTime and UseLatestRestorableTime cannot be set "
          + "for point-in-time restore request. Please specify either RestoreDateTime time or UseLatestRestorableTime");
    }
    if (restoreTime == null && !latest) {
      throw DynamoException.validation(
          "Invalid Request: Either one of RestoreDateTime or UseLatestRestorableTime must be specified, but not both");
    }
    Catalog sourceCatalog = context.catalog();
    if (sourceArn != null) {
      String region = TableArns.region(context, sourceArn, "sourceTableArn is not a valid ARN");
      if (!region.equals(context.region())) {
        if (!request.has("SSESpecificationOverride")) {
          throw DynamoException.validation(
              "Invalid Request: sseSpecificationOverride must be provided for cross-region restores");
        }
        sourceCatalog = context.engine().region(region);
      }
    }
    Catalog from = sourceCatalog;
    String name = sourceName != null ? sourceName : Catalog.nameOf(sourceArn);
    Table table = context.engine().write(() -> {
      Table source = from.find(name);
      if (source == null || source.status() == TableStatus.CREATING || source.status() == TableStatus.DELETING) {
        throw new DynamoException(ErrorCode.TABLE_NOT_FOUND, "Table not found: " + name);
      }
      PointInTimeRecovery.PointInTime point = context.engine().pointInTimeRecovery().stateAt(source, latest ? null : restoreTime);
      TableRestore.requireFreeName(context.catalog(), target);
      TableChanges.requireRoomForTable(context.catalog(), context.engine().options().quotas());
      return TableRestore.restore(context.engine(), context.catalog(), target,
          Backups.sourceOf(source, point.data(), null, true), point.data(), RestoreRequests.overrides(context, request),
          new RestoreOrigin(null, source.arn(), point.restoreDateTime()), null,
          spec -> ThroughputLimits.requireRoomForNewTable(spec, context.catalog(), context.engine().options().quotas()));
    });
    return out -> {
      out.writeStartObject();
      TableDescriptions.write(out, "TableDescription", table);
      out.writeEndObject();
    };
  }
}
