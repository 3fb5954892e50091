package dev.dynamodouble.junit5;

/**
 * A fixture or expected-state file that cannot be used: missing, bad syntax, an unknown table, or
 * an item the table refuses. The message names the file, the line and item, and the reason.
 */
public class FixtureException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String file;
  private final int line;
  private final String reason;

  public FixtureException(String file, int line, String where, String reason) {
    this("Fixture", file, line, where, reason);
  }

  public FixtureException(String file, int line, String where, String reason, Throwable cause) {
    this(file, line, where, reason);
    initCause(cause);
  }

  /**
   * @param kind what the file is, first in the message: "Fixture", "Expected items", "Table definition"
   */
  public FixtureException(String kind, String file, int line, String where, String reason) {
    super(message(kind, file, line, where, reason));
    this.file = file;
    this.line = line;
    this.reason = reason;
  }

  private static String message(String kind, String file, int line, String where, String reason) {
    StringBuilder text = new StringBuilder(kind).append(' ').append(file);
    if (line > 0) {
      text.append(", line ").append(line);
    }
    if (where != null && !where.isEmpty()) {
      text.append(" (").append(where).append(')');
    }
    return text.append(": ").append(reason).toString();
  }

  /** The classpath resource (or the name it was asked by, when it was not found). */
  public String file() {
    return file;
  }

  /** The line in the file, or 0 when the error is not about one place in it. */
  public int line() {
    return line;
  }

  /** What is wrong, without the location. */
  public String reason() {
    return reason;
  }
}
