package dev.dynamodouble.core.export;

import java.io.IOException;
import java.io.Reader;

/**
 * Lines of a text stream, each held in memory only up to {@link #MAX_LINE} characters: a longer
 * line is skipped to its end and reported as too long, so an import's memory is bounded per line
 * whatever its input. Lines end at '\n' (a '\r' before it is dropped).
 */
final class BoundedLines {
  /** The longest line read: ten times DynamoDB's 400 KB item, room for any encoding of one. */
  static final int MAX_LINE = 4 * 1024 * 1024;
  /** Returned for a line longer than {@link #MAX_LINE}. */
  static final String TOO_LONG = new String("<line too long>");

  private final Reader in;
  private final char[] buffer = new char[8192];
  private int position;
  private int limit;
  private final StringBuilder line = new StringBuilder();

  BoundedLines(Reader in) {
    this.in = in;
  }

  /** The next line, {@link #TOO_LONG}, or null at the end of the stream. */
  String next() throws IOException {
    line.setLength(0);
    boolean tooLong = false;
    boolean any = false;
    while (true) {
      if (position == limit) {
        limit = in.read(buffer, 0, buffer.length);
        position = 0;
        if (limit <= 0) {
          limit = 0;
          return any ? finish(tooLong) : null;
        }
      }
      any = true;
      int start = position;
      while (position < limit && buffer[position] != '\n') {
        position++;
      }
      if (!tooLong) {
        if (line.length() + (position - start) > MAX_LINE) {
          tooLong = true;
          line.setLength(0);
        } else {
          line.append(buffer, start, position - start);
        }
      }
      if (position < limit) { // at '\n'
        position++;
        return finish(tooLong);
      }
    }
  }

  private String finish(boolean tooLong) {
    if (tooLong) {
      return TOO_LONG;
    }
    int end = line.length();
    if (end > 0 && line.charAt(end - 1) == '\r') {
      end--;
    }
    return line.substring(0, end);
  }
}
