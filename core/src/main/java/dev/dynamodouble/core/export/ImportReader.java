package dev.dynamodouble.core.export;

import dev.dynamodouble.core.error.DynamoException;
import dev.dynamodouble.core.operation.ItemValidation;
import dev.dynamodouble.core.protocol.AttributeValues;
import dev.dynamodouble.core.protocol.Json;
import dev.dynamodouble.core.protocol.JsonObject;
import dev.dynamodouble.core.table.KeyAttribute;
import dev.dynamodouble.core.table.Table;
import dev.dynamodouble.core.table.TableData;
import dev.dynamodouble.core.value.AttributeValue;
import dev.dynamodouble.core.value.DynamoNumber;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads an import's S3 objects into a table's contents, one record at a time (linear in the input,
 * memory bounded per record besides the table itself): DynamoDB JSON ({@code {"Item":{...}}} a
 * line), Amazon Ion text ({@code $ion_1_0 {Item:{...}}} a line) or CSV, each object plain or gzip.
 *
 * <p>A record that cannot be read, or whose item DynamoDB would refuse (a key missing or of the
 * wrong type, an item over 400 KB, an invalid value ...), is counted in ErrorCount and the import
 * goes on, as DynamoDB does. DynamoDB writes each error to CloudWatch Logs; here each is logged
 * (SLF4J, WARN, the first {@link #LOGGED_ERRORS}) and the first {@link #KEPT_ERRORS} messages are
 * kept with the import. Items with the same key: the last one read wins.
 */
final class ImportReader {
  static final int KEPT_ERRORS = 100;
  static final int LOGGED_ERRORS = 1000;
  private static final Logger LOG = LoggerFactory.getLogger(ImportReader.class);

  /** The import's counts as DescribeImport reports them, and the first error messages. */
  record Counts(long processed, long imported, long errors, long bytes, List<String> errorMessages) {
  }

  private final Table table;
  private final ImportRequest request;
  private final String arn;
  private final Map<String, dev.dynamodouble.core.value.AttributeType> csvTypes = new HashMap<>();
  private TableData data;
  private long processed;
  private long imported;
  private long errors;
  private long bytes;
  private final List<String> errorMessages = new ArrayList<>();

  ImportReader(Table table, ImportRequest request, String arn) {
    this.table = table;
    this.request = request;
    this.arn = arn;
    this.data = table.snapshot();
    for (KeyAttribute attribute : table.attributeDefinitions()) {
      csvTypes.put(attribute.name(), attribute.type());
    }
  }

  Counts counts() {
    return new Counts(processed, imported, errors, bytes, errorMessages);
  }

  TableData data() {
    return data;
  }

  /** Reads one object (its key, for error messages, and its file). */
  void read(String key, Path file) throws IOException {
    bytes += Files.size(file);
    try (InputStream raw = new BufferedInputStream(Files.newInputStream(file), 64 * 1024)) {
      InputStream in = ImportRequest.GZIP.equals(request.compression()) ? new GZIPInputStream(raw, 64 * 1024) : raw;
      var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
          .onUnmappableCharacter(CodingErrorAction.REPLACE);
      BoundedLines lines = new BoundedLines(new InputStreamReader(in, decoder));
      if (ImportRequest.CSV.equals(request.inputFormat())) {
        readCsv(key, lines);
      } else {
        readLines(key, lines);
      }
    } catch (java.util.zip.ZipException e) {
      error(key, 0, "the object is not valid GZIP: " + e.getMessage());
    }
  }

  private void readLines(String key, BoundedLines lines) throws IOException {
    boolean ion = ImportRequest.ION.equals(request.inputFormat());
    long lineNumber = 0;
    for (String line = lines.next(); line != null; line = lines.next()) {
      lineNumber++;
      if (line != BoundedLines.TOO_LONG && line.isBlank()) {
        continue;
      }
      processed++;
      try {
        if (line == BoundedLines.TOO_LONG) {
          throw new IllegalArgumentException("the line is longer than " + BoundedLines.MAX_LINE + " characters");
        }
        byte[] json = ion ? IonReader.toDynamoJson(line) : line.getBytes(StandardCharsets.UTF_8);
        if (json == null) {
          processed--; // only a version marker
          continue;
        }
        Object record = Json.parse(json, 0, json.length);
        Object item = record instanceof JsonObject object ? object.get("Item") : null;
        if (!(item instanceof JsonObject)) {
          throw new IllegalArgumentException("the record has no Item object");
        }
        put(AttributeValues.readItem(item));
      } catch (Json.MalformedException | IonReader.IonException | IllegalArgumentException e) {
        error(key, lineNumber, "malformed record: " + e.getMessage());
      } catch (DynamoException e) {
        error(key, lineNumber, e.getMessage());
      }
    }
  }

  private void readCsv(String key, BoundedLines lines) throws IOException {
    CsvRecords records = new CsvRecords(lines, request.csvDelimiter() == null ? ',' : request.csvDelimiter());
    List<String> header = request.csvHeaders();
    long recordNumber = 0;
    while (true) {
      List<String> fields;
      recordNumber++;
      try {
        fields = records.next();
      } catch (CsvRecords.MalformedRecord e) {
        processed++;
        error(key, recordNumber, "malformed record: " + e.getMessage());
        continue;
      }
      if (fields == null) {
        return;
      }
      if (fields.isEmpty()) {
        continue;
      }
      if (header == null) {
        header = fields;
        continue;
      }
      processed++;
      if (fields.size() > header.size()) {
        error(key, recordNumber, "the record has " + fields.size() + " fields, the header " + header.size());
        continue;
      }
      try {
        Map<String, AttributeValue> item = new LinkedHashMap<>();
        for (int i = 0; i < fields.size(); i++) {
          String value = fields.get(i);
          if (!value.isEmpty()) { // an empty field is an absent attribute (a sparse column)
            item.put(header.get(i), csvValue(header.get(i), value));
          }
        }
        put(item);
      } catch (DynamoException | IllegalArgumentException e) {
        error(key, recordNumber, e.getMessage());
      }
    }
  }

  /** A CSV field: typed by the table's attribute definitions for key attributes, else a string. */
  private AttributeValue csvValue(String name, String text) {
    var type = csvTypes.get(name);
    if (type == null || type == dev.dynamodouble.core.value.AttributeType.S) {
      return new AttributeValue.S(text);
    }
    if (type == dev.dynamodouble.core.value.AttributeType.N) {
      return DynamoNumber.parse(text);
    }
    return new AttributeValue.B(Base64.getDecoder().decode(text));
  }

  private void put(Map<String, AttributeValue> attributes) {
    ItemValidation.Keyed keyed = ItemValidation.keyed(table, attributes);
    data = data.put(keyed.key(), keyed.item());
    imported++;
  }

  private void error(String key, long record, String message) {
    errors++;
    String text = "s3://" + request.s3Bucket() + "/" + key + (record > 0 ? " record " + record : "") + ": " + message;
    if (errors <= LOGGED_ERRORS) {
      LOG.warn("Import {}: {}", arn, text);
    }
    if (errorMessages.size() < KEPT_ERRORS) {
      errorMessages.add(text);
    }
  }
}
