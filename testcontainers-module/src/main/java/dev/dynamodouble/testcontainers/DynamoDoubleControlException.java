package dev.dynamodouble.testcontainers;

/** The server refused a control call (for example an unknown snapshot, or a clock that is not manual). */
public class DynamoDoubleControlException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public DynamoDoubleControlException(String message) {
    super(message);
  }
}
