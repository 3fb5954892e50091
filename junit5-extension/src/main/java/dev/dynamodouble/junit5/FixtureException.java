package dev.dynamodouble.junit5;

import dev.dynamodouble.core.fixture.FixtureError;

/**
 * A fixture or expected-state file that cannot be used: missing, bad syntax, an unknown table, or
 * an item the table refuses. The message names the file, the line and item, and the reason.
 */
public class FixtureException extends FixtureError {
  private static final long serialVersionUID = 1L;

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
    super(kind, file, line, where, reason);
  }
}
