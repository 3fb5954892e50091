package dev.dynamodouble.core.error;


/**
 * An error that reaches the client as DynamoDB reports it: a type, a status and a message, plus
 * optional extra body fields (the item of a failed condition, cancellation reasons, ...).
 */
public class DynamoException extends RuntimeException {
  private final ErrorCode code;
  private final transient ErrorDetail detail;

  public DynamoException(ErrorCode code, String message) {
    this(code, message, null);
  }

  public DynamoException(ErrorCode code, String message, ErrorDetail detail) {
    super(message, null, false, false);
    this.code = code;
    this.detail = detail;
  }

  public ErrorCode code() {
    return code;
  }

  /** Extra fields written into the error body, or null. */
  public ErrorDetail detail() {
    return detail;
  }

  public static DynamoException validation(String message) {
    return new DynamoException(ErrorCode.VALIDATION, message);
  }

  /** DynamoDB's "One or more parameter values were invalid: ..." form. */
  public static DynamoException invalidParameter(String reason) {
    return validation("One or more parameter values were invalid: " + reason);
  }

  public static DynamoException serialization(String message) {
    return new DynamoException(ErrorCode.SERIALIZATION, message);
  }

  public static DynamoException resourceNotFound(String message) {
    return new DynamoException(ErrorCode.RESOURCE_NOT_FOUND, message);
  }

  public static DynamoException resourceInUse(String message) {
    return new DynamoException(ErrorCode.RESOURCE_IN_USE, message);
  }

  public static DynamoException internal(String message) {
    return new DynamoException(ErrorCode.INTERNAL_SERVER_ERROR, message);
  }

  /** Writes extra fields of an error body. */
  @FunctionalInterface
  public interface ErrorDetail {
    void write(com.fasterxml.jackson.core.JsonGenerator out) throws java.io.IOException;
  }

}
