package dev.dynamodouble.core.export;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * CSV records (RFC 4180: fields optionally in double quotes, "" for a quote inside them, a quoted
 * field may span lines) read from {@link BoundedLines}, so a record is bounded in memory as a line
 * is.
 */
final class CsvRecords {
  /** A record that could not be read (unbalanced quotes, or too long). */
  static final class MalformedRecord extends Exception {
    private static final long serialVersionUID = 1L;

    MalformedRecord(String message) {
      super(message);
    }
  }

  private final BoundedLines lines;
  private final char delimiter;

  CsvRecords(BoundedLines lines, char delimiter) {
    this.lines = lines;
    this.delimiter = delimiter;
  }

  /** The next record's fields; null at the end; an empty list for a blank line. */
  List<String> next() throws IOException, MalformedRecord {
    String line = lines.next();
    if (line == null) {
      return null;
    }
    List<String> fields = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    long length = 0;
    boolean quoted = false;
    boolean wasQuoted = false;
    while (true) {
      if (line == BoundedLines.TOO_LONG) {
        throw new MalformedRecord("the record is longer than " + BoundedLines.MAX_LINE + " characters");
      }
      length += line.length();
      for (int i = 0; i < line.length(); i++) {
        char c = line.charAt(i);
        if (quoted) {
          if (c == '"') {
            if (i + 1 < line.length() && line.charAt(i + 1) == '"') {
              field.append('"');
              i++;
            } else {
              quoted = false;
            }
          } else {
            field.append(c);
          }
        } else if (c == delimiter) {
          fields.add(field.toString());
          field.setLength(0);
          wasQuoted = false;
        } else if (c == '"' && field.length() == 0 && !wasQuoted) {
          quoted = true;
          wasQuoted = true;
        } else {
          field.append(c);
        }
      }
      if (!quoted) {
        if (!fields.isEmpty() || field.length() > 0 || wasQuoted) {
          fields.add(field.toString());
        }
        return fields;
      }
      line = lines.next(); // a quoted field goes on on the next line
      if (line == null) {
        throw new MalformedRecord("a quoted field is not closed before the end of the file");
      }
      if (length + line.length() > BoundedLines.MAX_LINE) {
        throw new MalformedRecord("the record is longer than " + BoundedLines.MAX_LINE + " characters");
      }
      field.append('\n');
    }
  }
}
