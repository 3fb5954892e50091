package dev.dynamodouble.core.fault;

/**
 * A fault rule or scenario that cannot work: an unknown error or operation, a matcher no call can
 * satisfy, an effect the operation cannot have, a malformed scenario file. Names the field, and,
 * for a file, the file and line.
 */
public final class InvalidFaultException extends IllegalArgumentException {
  private final String file;
  private final int line;
  private final String field;

  public InvalidFaultException(String field, String message) {
    this(null, 0, field, message);
  }

  public InvalidFaultException(String file, int line, String field, String message) {
    super(describe(file, line, field, message));
    this.file = file;
    this.line = line;
    this.field = field;
  }

  private static String describe(String file, int line, String field, String message) {
    StringBuilder text = new StringBuilder();
    if (file != null) {
      text.append(file);
      if (line > 0) {
        text.append(", line ").append(line);
      }
      text.append(": ");
    }
    if (field != null) {
      text.append("field \"").append(field).append("\": ");
    }
    return text.append(message).toString();
  }

  /** This error located in a file (keeps the field). */
  public InvalidFaultException at(String inFile, int atLine) {
    String bare = getMessage().substring(describe(file, line, field, "").length());
    return new InvalidFaultException(inFile, atLine, field, bare);
  }

  /** The scenario file, or null. */
  public String file() {
    return file;
  }

  /** The line in the file (1-based), or 0. */
  public int line() {
    return line;
  }

  /** The rule field at fault, or null. */
  public String field() {
    return field;
  }
}
