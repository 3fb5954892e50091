package dev.dynamodouble.benchmarks.sut;

/** The system cannot run here (not built yet, not on the class path); the harness reports n/a. */
public final class SystemUnavailableException extends Exception {

  private static final long serialVersionUID = 1L;

  public SystemUnavailableException(String message) {
    super(message);
  }

  public SystemUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
