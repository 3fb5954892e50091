package dev.dynamodouble.core.persist;

/**
 * A data directory that cannot be used (in use by another server, written by a newer format,
 * corrupt before its last segment, unreadable). Nothing in it was changed.
 */
public final class DataDirectoryException extends RuntimeException {
  public DataDirectoryException(String message) {
    super(message);
  }

  public DataDirectoryException(String message, Throwable cause) {
    super(message, cause);
  }
}
