package dev.dynamodouble.core.export;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.dynamodouble.core.protocol.AttributeValues;
import dev.dynamodouble.core.protocol.Json;
import dev.dynamodouble.core.value.AttributeValue;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.GZIPOutputStream;

/**
 * Writes an export into the S3 stand-in, in the layout DynamoDB writes:
 * {@code prefix/AWSDynamoDB/<ExportId>/} holding {@code _started}, {@code manifest-summary.json},
 * {@code manifest-files.json}, their {@code .checksum} files (the hex MD5 of each), and
 * {@code data/<name>.json.gz} or {@code .ion.gz}: gzip of one record a line. A file holds at most
 * {@link #RECORDS_PER_FILE} records; an export with none writes one empty data file, as an empty
 * partition does.
 */
final class ExportWriter {
  static final int RECORDS_PER_FILE = 100_000;
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  /** One record of an export: an item (full export) or a change (incremental export). */
  record Change(Map<String, AttributeValue> keys, Map<String, AttributeValue> oldImage,
                Map<String, AttributeValue> newImage, long writeTimestampMicros) {}

  /** What was written: the manifest-summary.json key and the number of records. */
  record Written(String manifestKey, long itemCount) {}

  private final Path bucket;
  private final Export export;
  private final boolean ion;
  private final String root;
  private final List<String> fileLines = new ArrayList<>();
  private S3Object object;
  private Writer writer;
  private JsonGenerator json;
  private String objectKey;
  private long inFile;
  private long total;

  ExportWriter(Path bucket, Export export) {
    this.bucket = bucket;
    this.export = export;
    this.ion = ExportRequest.ION.equals(export.request().format());
    String prefix = export.request().s3Prefix();
    this.root = (prefix == null || prefix.isEmpty() ? "" : prefix.endsWith("/") ? prefix : prefix + "/")
        + "AWSDynamoDB/" + export.id() + "/";
  }

  /** Writes {@code _started}: the export has begun and the bucket is writable. */
  void start() throws IOException {
    Path started = S3Directory.file(bucket, root + "_started");
    Files.createDirectories(started.getParent());
    Files.write(started, new byte[0]);
  }

  /** A full export's record: {@code {"Item":{...}}}. */
  void item(Map<String, AttributeValue> item) throws IOException {
    begin();
    if (ion) {
      writer.write("$ion_1_0 {Item:");
      IonWriter.struct(writer, item);
      writer.write("}\n");
    } else {
      json.writeStartObject();
      json.writeFieldName("Item");
      AttributeValues.writeItem(json, item);
      json.writeEndObject();
      json.writeRaw('\n');
    }
    end();
  }

  /** An incremental export's record: Metadata, Keys, and the images the view type asks for. */
  void change(Change change, boolean oldImages) throws IOException {
    begin();
    Map<String, AttributeValue> oldImage = oldImages ? change.oldImage() : null;
    if (ion) {
      writer.write("$ion_1_0 {Metadata:{WriteTimestampMicros:");
      writer.write(Long.toString(change.writeTimestampMicros()));
      writer.write(".},Keys:");
      IonWriter.struct(writer, change.keys());
      if (oldImage != null) {
        writer.write(",OldImage:");
        IonWriter.struct(writer, oldImage);
      }
      if (change.newImage() != null) {
        writer.write(",NewImage:");
        IonWriter.struct(writer, change.newImage());
      }
      writer.write("}\n");
    } else {
      json.writeStartObject();
      json.writeObjectFieldStart("Metadata");
      json.writeObjectFieldStart("WriteTimestampMicros");
      json.writeStringField("N", Long.toString(change.writeTimestampMicros()));
      json.writeEndObject();
      json.writeEndObject();
      json.writeFieldName("Keys");
      AttributeValues.writeItem(json, change.keys());
      if (oldImage != null) {
        json.writeFieldName("OldImage");
        AttributeValues.writeItem(json, oldImage);
      }
      if (change.newImage() != null) {
        json.writeFieldName("NewImage");
        AttributeValues.writeItem(json, change.newImage());
      }
      json.writeEndObject();
      json.writeRaw('\n');
    }
    end();
  }

  private void begin() throws IOException {
    if (object == null) {
      open();
    }
  }

  private void end() throws IOException {
    inFile++;
    total++;
    if (inFile == RECORDS_PER_FILE) {
      close();
    }
  }

  private void open() throws IOException {
    objectKey = root + "data/" + fileName(fileLines.size()) + (ion ? ".ion.gz" : ".json.gz");
    object = S3Object.create(S3Directory.file(bucket, objectKey));
    writer = new BufferedWriter(new OutputStreamWriter(new GZIPOutputStream(object, 64 * 1024), StandardCharsets.UTF_8),
        64 * 1024);
    if (!ion) {
      json = Json.FACTORY.createGenerator(writer);
      json.setRootValueSeparator(null);
    }
    inFile = 0;
  }

  private void close() throws IOException {
    if (json != null) {
      json.close(); // closes the writer too
      json = null;
    } else {
      writer.close();
    }
    byte[] digest = object.digest();
    StringBuilder line = new StringBuilder("{\"itemCount\":").append(inFile)
        .append(",\"md5Checksum\":\"").append(S3Object.base64(digest))
        .append("\",\"etag\":\"").append(S3Object.multipartEtag(digest))
        .append("\",\"dataFileS3Key\":").append(Json.toJson(objectKey)).append('}');
    fileLines.add(line.toString());
    object = null;
    writer = null;
  }

  /** Closes the last data file and writes the manifests; returns the summary's key. */
  Written finish(Instant end, long billedSizeBytes) throws IOException {
    if (object == null && fileLines.isEmpty()) {
      open(); // an empty export still has its (empty) data file
    }
    if (object != null) {
      close();
    }
    String filesKey = root + "manifest-files.json";
    writeManifest(filesKey, String.join("\n", fileLines) + "\n");
    String summaryKey = root + "manifest-summary.json";
    writeManifest(summaryKey, summary(end, filesKey, billedSizeBytes));
    return new Written(summaryKey, total);
  }

  private String summary(Instant end, String filesKey, long billedSizeBytes) {
    ExportRequest request = export.request();
    Map<String, Object> fields = new java.util.LinkedHashMap<>();
    fields.put("version", request.incremental() ? "2023-08-01" : "2020-06-30");
    fields.put("exportArn", export.arn());
    fields.put("startTime", TIME.format(export.startTime()));
    fields.put("endTime", TIME.format(end));
    fields.put("tableArn", export.tableArn());
    fields.put("tableId", export.tableId());
    if (request.incremental()) {
      fields.put("exportFromTime", TIME.format(request.fromTime()));
      fields.put("exportToTime", TIME.format(request.toTime()));
    } else {
      fields.put("exportTime", TIME.format(request.exportTime()));
    }
    fields.put("s3Bucket", request.s3Bucket());
    fields.put("s3Prefix", request.s3Prefix());
    fields.put("s3SseAlgorithm", request.sseAlgorithm());
    fields.put("s3SseKmsKeyId", request.kmsKeyId());
    fields.put("manifestFilesS3Key", filesKey);
    fields.put("billedSizeBytes", billedSizeBytes);
    fields.put("itemCount", total);
    fields.put("outputFormat", request.format());
    if (request.incremental()) {
      fields.put("outputView", request.viewType());
      fields.put("exportType", request.type());
    }
    StringBuilder out = new StringBuilder("{");
    fields.forEach((name, value) -> {
      if (out.length() > 1) {
        out.append(',');
      }
      out.append(Json.toJson(name)).append(':').append(value == null ? "null"
          : value instanceof Long ? value.toString() : Json.toJson(value));
    });
    return out.append('}').toString();
  }

  /** A manifest and its {@code .checksum} file (the manifest's MD5 in hex). */
  private void writeManifest(String key, String content) throws IOException {
    byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
    Path file = S3Directory.file(bucket, key);
    Files.createDirectories(file.getParent());
    Files.write(file, bytes);
    String checksumKey = key.substring(0, key.length() - ".json".length()) + ".checksum";
    Files.write(S3Directory.file(bucket, checksumKey),
        HexFormat.of().formatHex(S3Object.md5().digest(bytes)).getBytes(StandardCharsets.US_ASCII));
  }

  /** A data file's name: 26 lowercase base-32 characters, derived from the export and the file's place. */
  private String fileName(int index) {
    UUID uuid = UUID.nameUUIDFromBytes((export.arn() + "/" + index).getBytes(StandardCharsets.UTF_8));
    java.math.BigInteger bits = java.math.BigInteger.valueOf(uuid.getMostSignificantBits() >>> 1).shiftLeft(64)
        .or(java.math.BigInteger.valueOf(uuid.getLeastSignificantBits() >>> 1));
    String name = bits.toString(32);
    return "0".repeat(Math.max(0, 26 - name.length())) + name;
  }
}
