package dev.dynamodouble.core.operation;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.dynamodouble.core.export.Export;
import dev.dynamodouble.core.export.ExportRequest;
import dev.dynamodouble.core.export.Import;
import dev.dynamodouble.core.export.ImportRequest;
import dev.dynamodouble.core.protocol.Json;
import dev.dynamodouble.core.protocol.JsonWritable;
import java.io.IOException;

/** ExportDescription, ExportSummary, ImportTableDescription and ImportSummary as the API shapes them. */
final class TransferDescriptions {
  private TransferDescriptions() {}

  /** The answer of ExportTableToPointInTime and DescribeExport: {@code {"ExportDescription": ...}}. */
  static JsonWritable exportResponse(Export export) {
    return out -> {
      out.writeStartObject();
      writeExport(out, export);
      out.writeEndObject();
    };
  }

  /** The answer of ImportTable and DescribeImport: {@code {"ImportTableDescription": ...}}. */
  static JsonWritable importResponse(Import job) {
    return out -> {
      out.writeStartObject();
      writeImport(out, job);
      out.writeEndObject();
    };
  }

  private static void writeExport(JsonGenerator out, Export export) throws IOException {
    ExportRequest request = export.request();
    out.writeObjectFieldStart("ExportDescription");
    out.writeStringField("ExportArn", export.arn());
    out.writeStringField("ExportStatus", export.status());
    TableDescriptions.writeTime(out, "StartTime", export.startTime());
    if (export.endTime() != null) {
      TableDescriptions.writeTime(out, "EndTime", export.endTime());
    }
    if (export.manifest() != null) {
      out.writeStringField("ExportManifest", export.manifest());
    }
    out.writeStringField("TableArn", export.tableArn());
    out.writeStringField("TableId", export.tableId());
    if (request.exportTime() != null) {
      TableDescriptions.writeTime(out, "ExportTime", request.exportTime());
    }
    optional(out, "ClientToken", request.clientToken());
    out.writeStringField("S3Bucket", request.s3Bucket());
    optional(out, "S3BucketOwner", request.s3BucketOwner());
    optional(out, "S3Prefix", request.s3Prefix());
    optional(out, "S3SseAlgorithm", request.sseAlgorithm());
    optional(out, "S3SseKmsKeyId", request.kmsKeyId());
    optional(out, "FailureCode", export.failureCode());
    optional(out, "FailureMessage", export.failureMessage());
    out.writeStringField("ExportFormat", request.format());
    if (Export.COMPLETED.equals(export.status())) {
      out.writeNumberField("BilledSizeBytes", export.billedSizeBytes());
      out.writeNumberField("ItemCount", export.itemCount());
    }
    out.writeStringField("ExportType", request.type());
    if (request.incremental()) {
      out.writeObjectFieldStart("IncrementalExportSpecification");
      TableDescriptions.writeTime(out, "ExportFromTime", request.fromTime());
      TableDescriptions.writeTime(out, "ExportToTime", request.toTime());
      out.writeStringField("ExportViewType", request.viewType());
      out.writeEndObject();
    }
    out.writeEndObject();
  }

  static void writeExportSummary(JsonGenerator out, Export export) throws IOException {
    out.writeStartObject();
    out.writeStringField("ExportArn", export.arn());
    out.writeStringField("ExportStatus", export.status());
    out.writeStringField("ExportType", export.request().type());
    out.writeEndObject();
  }

  private static void writeImport(JsonGenerator out, Import job) throws IOException {
    ImportRequest request = job.request();
    out.writeObjectFieldStart("ImportTableDescription");
    out.writeStringField("ImportArn", job.arn());
    out.writeStringField("ImportStatus", job.status());
    out.writeStringField("TableArn", job.tableArn());
    out.writeStringField("TableId", job.tableId());
    optional(out, "ClientToken", request.clientToken());
    writeSource(out, request);
    out.writeNumberField("ErrorCount", job.errorCount());
    out.writeStringField("CloudWatchLogGroupArn", job.cloudWatchLogGroupArn());
    out.writeStringField("InputFormat", request.inputFormat());
    if (request.csvDelimiter() != null || request.csvHeaders() != null) {
      out.writeObjectFieldStart("InputFormatOptions");
      out.writeObjectFieldStart("Csv");
      if (request.csvDelimiter() != null) {
        out.writeStringField("Delimiter", request.csvDelimiter().toString());
      }
      if (request.csvHeaders() != null) {
        out.writeArrayFieldStart("HeaderList");
        for (String header : request.csvHeaders()) {
          out.writeString(header);
        }
        out.writeEndArray();
      }
      out.writeEndObject();
      out.writeEndObject();
    }
    out.writeStringField("InputCompressionType", request.compression());
    out.writeFieldName("TableCreationParameters");
    Json.write(out, request.tableCreationParameters());
    TableDescriptions.writeTime(out, "StartTime", job.startTime());
    if (job.endTime() != null) {
      TableDescriptions.writeTime(out, "EndTime", job.endTime());
    }
    out.writeNumberField("ProcessedSizeBytes", job.processedSizeBytes());
    out.writeNumberField("ProcessedItemCount", job.processedItemCount());
    out.writeNumberField("ImportedItemCount", job.importedItemCount());
    optional(out, "FailureCode", job.failureCode());
    optional(out, "FailureMessage", job.failureMessage());
    out.writeEndObject();
  }

  static void writeImportSummary(JsonGenerator out, Import job) throws IOException {
    out.writeStartObject();
    out.writeStringField("ImportArn", job.arn());
    out.writeStringField("ImportStatus", job.status());
    out.writeStringField("TableArn", job.tableArn());
    writeSource(out, job.request());
    out.writeStringField("CloudWatchLogGroupArn", job.cloudWatchLogGroupArn());
    out.writeStringField("InputFormat", job.request().inputFormat());
    TableDescriptions.writeTime(out, "StartTime", job.startTime());
    if (job.endTime() != null) {
      TableDescriptions.writeTime(out, "EndTime", job.endTime());
    }
    out.writeEndObject();
  }

  private static void writeSource(JsonGenerator out, ImportRequest request) throws IOException {
    out.writeObjectFieldStart("S3BucketSource");
    out.writeStringField("S3Bucket", request.s3Bucket());
    optional(out, "S3BucketOwner", request.s3BucketOwner());
    optional(out, "S3KeyPrefix", request.keyPrefix());
    out.writeEndObject();
  }

  private static void optional(JsonGenerator out, String field, String value) throws IOException {
    if (value != null) {
      out.writeStringField(field, value);
    }
  }
}
