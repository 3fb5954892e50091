package dev.dynamodouble.core.persist;

import dev.dynamodouble.core.export.Export;
import dev.dynamodouble.core.export.ExportRequest;
import dev.dynamodouble.core.export.Import;
import dev.dynamodouble.core.export.ImportRequest;
import dev.dynamodouble.core.protocol.Json;
import java.util.List;

/** The binary form of exports and imports as DescribeExport and DescribeImport report them (format 3). */
final class TransferCodec {
  private TransferCodec() {}

  static void write(ByteSink out, LogEntry.Transfers transfers) {
    out.writeBoolean(transfers.whole());
    out.writeList(transfers.exports(), TransferCodec::writeExport);
    out.writeList(transfers.imports(), TransferCodec::writeImport);
  }

  static LogEntry.Transfers read(ByteSource in) {
    boolean whole = in.readBoolean();
    List<Export> exports = in.readList(TransferCodec::readExport);
    return new LogEntry.Transfers(whole, exports, in.readList(TransferCodec::readImport));
  }

  private static void writeExport(ByteSink out, Export e) {
    out.writeString(e.arn());
    out.writeString(e.region());
    out.writeString(e.tableArn());
    out.writeString(e.tableId());
    ExportRequest r = e.request();
    out.writeNullable(r.clientToken());
    out.writeNullable(r.s3Bucket());
    out.writeNullable(r.s3BucketOwner());
    out.writeNullable(r.s3Prefix());
    out.writeNullable(r.sseAlgorithm());
    out.writeNullable(r.kmsKeyId());
    out.writeNullable(r.format());
    out.writeNullable(r.type());
    SettingsCodec.writeInstant(out, r.exportTime());
    SettingsCodec.writeInstant(out, r.fromTime());
    SettingsCodec.writeInstant(out, r.toTime());
    out.writeNullable(r.viewType());
    SettingsCodec.writeInstant(out, e.startTime());
    out.writeString(e.status());
    SettingsCodec.writeInstant(out, e.endTime());
    out.writeNullable(e.manifest());
    out.writeLong(e.itemCount());
    out.writeLong(e.billedSizeBytes());
    out.writeNullable(e.failureCode());
    out.writeNullable(e.failureMessage());
  }

  private static Export readExport(ByteSource in) {
    String arn = in.readString();
    String region = in.readString();
    String tableArn = in.readString();
    String tableId = in.readString();
    ExportRequest request = new ExportRequest(in.readNullable(), in.readNullable(), in.readNullable(),
        in.readNullable(), in.readNullable(), in.readNullable(), in.readNullable(), in.readNullable(),
        SettingsCodec.readInstant(in), SettingsCodec.readInstant(in), SettingsCodec.readInstant(in), in.readNullable());
    return new Export(arn, region, tableArn, tableId, request, SettingsCodec.readInstant(in), in.readString(),
        SettingsCodec.readInstant(in), in.readNullable(), in.readLong(), in.readLong(), in.readNullable(),
        in.readNullable());
  }

  private static void writeImport(ByteSink out, Import i) {
    out.writeString(i.arn());
    out.writeString(i.region());
    out.writeString(i.tableArn());
    out.writeString(i.tableId());
    ImportRequest r = i.request();
    out.writeNullable(r.clientToken());
    out.writeNullable(r.s3Bucket());
    out.writeNullable(r.s3BucketOwner());
    out.writeNullable(r.keyPrefix());
    out.writeNullable(r.inputFormat());
    out.writeNullable(r.compression());
    out.writeNullable(r.csvDelimiter() == null ? null : r.csvDelimiter().toString());
    SettingsCodec.writeStrings(out, r.csvHeaders());
    out.writeNullable(r.tableName());
    out.writeNullable(r.tableCreationParameters() == null ? null : Json.toJson(r.tableCreationParameters()));
    SettingsCodec.writeInstant(out, i.startTime());
    out.writeString(i.status());
    SettingsCodec.writeInstant(out, i.endTime());
    out.writeLong(i.processedItemCount());
    out.writeLong(i.importedItemCount());
    out.writeLong(i.errorCount());
    out.writeLong(i.processedSizeBytes());
    out.writeNullable(i.failureCode());
    out.writeNullable(i.failureMessage());
    SettingsCodec.writeStrings(out, i.errors());
  }

  private static Import readImport(ByteSource in) {
    String arn = in.readString();
    String region = in.readString();
    String tableArn = in.readString();
    String tableId = in.readString();
    String token = in.readNullable();
    String bucket = in.readNullable();
    String owner = in.readNullable();
    String prefix = in.readNullable();
    String format = in.readNullable();
    String compression = in.readNullable();
    String delimiter = in.readNullable();
    List<String> headers = SettingsCodec.readStrings(in);
    String tableName = in.readNullable();
    String parameters = in.readNullable();
    ImportRequest request = new ImportRequest(token, bucket, owner, prefix, format, compression,
        delimiter == null || delimiter.isEmpty() ? null : delimiter.charAt(0), headers, tableName,
        parameters == null ? null : Json.parse(parameters));
    return new Import(arn, region, tableArn, tableId, request, SettingsCodec.readInstant(in), in.readString(),
        SettingsCodec.readInstant(in), in.readLong(), in.readLong(), in.readLong(), in.readLong(), in.readNullable(),
        in.readNullable(), SettingsCodec.readStrings(in));
  }
}
