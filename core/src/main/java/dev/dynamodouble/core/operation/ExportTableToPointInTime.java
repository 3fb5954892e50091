package dev.dynamodouble.core.operation;

import dev.dynamodouble.core.engine.Catalog;
import dev.dynamodouble.core.error.DynamoException;
import dev.dynamodouble.core.export.Export;
import dev.dynamodouble.core.export.ExportRequest;
import dev.dynamodouble.core.export.Exports;
import dev.dynamodouble.core.protocol.Constraints;
import dev.dynamodouble.core.protocol.JsonRequest;
import dev.dynamodouble.core.protocol.JsonWritable;
import java.time.Instant;

/**
 * ExportTableToPointInTime: a full export of the table as it was at ExportTime (now unless given),
 * or an incremental export of what changed from ExportFromTime to ExportToTime, both read from the
 * PITR history and written to the S3 stand-in directory in DynamoDB JSON or Amazon Ion (see package
 * {@code export}). Checks in this order: request shape, the S3 stand-in is configured, the table
 * exists, ClientToken reuse, PITR is enabled, the times are in its window, the concurrency quota.
 */
public final class ExportTableToPointInTime implements Operation {

  @Override
  public JsonWritable execute(RequestContext context, JsonRequest request) {
    String tableArn = request.string("TableArn");
    String bucket = request.string("S3Bucket");
    String prefix = request.string("S3Prefix");
    String owner = request.string("S3BucketOwner");
    String sse = request.string("S3SseAlgorithm");
    String kmsKey = request.string("S3SseKmsKeyId");
    String format = request.string("ExportFormat");
    String type = request.string("ExportType");
    String token = request.string("ClientToken");
    Instant exportTime = Timestamps.read(request, "ExportTime");
    JsonRequest incremental = request.structure("IncrementalExportSpecification");
    String viewType = incremental == null ? null : incremental.string("ExportViewType");
    new Constraints().notNull(tableArn, "tableArn").minLength(tableArn, 1, "tableArn").maxLength(tableArn, 1024, "tableArn")
        .notNull(bucket, "s3Bucket").maxLength(bucket, 255, "s3Bucket").maxLength(prefix, 1024, "s3Prefix")
        .minLength(kmsKey, 1, "s3SseKmsKeyId").maxLength(kmsKey, 2048, "s3SseKmsKeyId")
        .enums(request, "ExportTableToPointInTime").check();
    TransferRequests.checkBucket(bucket, owner, token);
    context.engine().transfers().exports().requireS3("ExportTableToPointInTime");
    boolean isIncremental = ExportRequest.INCREMENTAL.equals(type);
    Instant from = incremental == null ? null : Timestamps.read(incremental, "ExportFromTime");
    Instant to = incremental == null ? null : Timestamps.read(incremental, "ExportToTime");
    if (isIncremental) {
      if (exportTime != null) {
        throw DynamoException.validation("ExportTime cannot be set for an INCREMENTAL_EXPORT: its period is "
            + "IncrementalExportSpecification's ExportFromTime and ExportToTime");
      }
      if (from == null) {
        throw DynamoException.validation("IncrementalExportSpecification.ExportFromTime is required for an "
            + "INCREMENTAL_EXPORT");
      }
    } else if (incremental != null) {
      throw DynamoException.validation("IncrementalExportSpecification can only be set for an INCREMENTAL_EXPORT");
    }
    String region = TableArns.region(context, tableArn, "TableArn is not a valid table ARN: " + tableArn);
    Catalog catalog = context.engine().region(context.engine().options().regionOf(region));
    ExportRequest asked = new ExportRequest(token, bucket, owner, prefix, sse, kmsKey,
        format == null ? ExportRequest.DYNAMODB_JSON : format, isIncremental ? ExportRequest.INCREMENTAL : ExportRequest.FULL,
        exportTime, from, to, isIncremental ? (viewType == null ? "NEW_AND_OLD_IMAGES" : viewType) : null);
    Exports exports = context.engine().transfers().exports();
    Export export = context.engine().write(() -> exports.start(catalog, Catalog.nameOf(tableArn), asked));
    return TransferDescriptions.exportResponse(export);
  }
}
