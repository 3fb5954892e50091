package dev.dynamodouble.core.operation;

import dev.dynamodouble.core.backup.Backup;
import dev.dynamodouble.core.backup.BackupType;
import dev.dynamodouble.core.backup.Backups;
import dev.dynamodouble.core.engine.Catalog;
import dev.dynamodouble.core.error.DynamoException;
import dev.dynamodouble.core.protocol.Constraints;
import dev.dynamodouble.core.protocol.JsonRequest;
import dev.dynamodouble.core.protocol.JsonWritable;
import java.time.Instant;
import java.util.function.Predicate;

/**
 * ListBackups: the region's backups in creation order, filtered by table name (also of deleted
 * tables), creation time ([lower, upper)) and type (USER by default), Limit per page (at most 100)
 * and LastEvaluatedBackupArn to continue from when more remain.
 */
public final class ListBackups implements Operation {
  private static final int MAX_LIMIT = 100;

  @Override
  public JsonWritable execute(RequestContext context, JsonRequest request) {
    String tableName = request.string("TableName");
    Integer limit = request.intValue("Limit");
    String start = request.string("ExclusiveStartBackupArn");
    String type = request.string("BackupType");
    Instant lower = Timestamps.read(request, "TimeRangeLowerBound");
    Instant upper = Timestamps.read(request, "TimeRangeUpperBound");
    new Constraints().tableNameOrArn(tableName, "tableName", context.region())
        .min(limit, 1, "limit").max(limit, MAX_LIMIT, "limit")
        .minLength(start, 37, "exclusiveStartBackupArn").maxLength(start, 1024, "exclusiveStartBackupArn")
        .enums(request, "ListBackups")
        .check();
    if (lower != null && upper != null && lower.isAfter(upper)) {
      throw DynamoException.invalidParameter("Time range lower bound must be less than or equal to upper bound");
    }
    if (start != null) {
      String region = BackupArns.regionOf(start);
      if (region != null && !region.equals(context.region())) {
        throw DynamoException.validation("Invalid Request: The supplied ExclusiveStartBackupArn does not match the region");
      }
    }
    String table = tableName == null ? null : Catalog.nameOf(tableName);
    String wanted = type == null ? "USER" : type;
    Predicate<Backup> filter = backup -> (table == null || backup.source().name().equals(table))
        && (lower == null || !backup.created().isBefore(lower))
        && (upper == null || backup.created().isBefore(upper))
        && (wanted.equals("ALL") || (!wanted.equals("AWS_BACKUP") && backup.type() == BackupType.valueOf(wanted)));
    Backups.Page page = context.engine().backups().list(context.region(), filter, start,
        limit == null ? MAX_LIMIT : limit);
    return out -> {
      out.writeStartObject();
      out.writeArrayFieldStart("BackupSummaries");
      for (Backup backup : page.backups()) {
        BackupDescriptions.writeSummary(out, backup);
      }
      out.writeEndArray();
      if (page.lastEvaluatedArn() != null) {
        out.writeStringField("LastEvaluatedBackupArn", page.lastEvaluatedArn());
      }
      out.writeEndObject();
    };
  }
}
