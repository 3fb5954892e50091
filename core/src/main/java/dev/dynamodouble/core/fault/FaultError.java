package dev.dynamodouble.core.fault;

import dev.dynamodouble.core.error.DynamoException;
import dev.dynamodouble.core.error.ErrorCode;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

/**
 * The errors a rule can answer with, by the name a test writes (the SDK's error code, e.g.
 * {@code ProvisionedThroughputExceededException}), each with DynamoDB's {@code __type}, HTTP
 * status and the message the service gives it.
 */
public final class FaultError {
  private static final Map<String, FaultError> BY_NAME = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);

  static {
    define(ErrorCode.PROVISIONED_THROUGHPUT_EXCEEDED, "The level of configured provisioned throughput for the table "
        + "was exceeded. Consider increasing your provisioning level with the UpdateTable API.");
    define(ErrorCode.THROTTLING, "Rate of requests exceeds the allowed throughput.");
    define(ErrorCode.REQUEST_LIMIT_EXCEEDED, "Throughput exceeds the current throughput limit for your account. "
        + "Please contact AWS Support at https://aws.amazon.com/support request a limit increase");
    define(ErrorCode.INTERNAL_SERVER_ERROR, "Internal server error");
    define(ErrorCode.SERVICE_UNAVAILABLE, "Service Unavailable");
    define(ErrorCode.TRANSACTION_CONFLICT, "Transaction is ongoing for the item");
    define(ErrorCode.TRANSACTION_IN_PROGRESS, "The transaction with the given request token is already in progress.");
    define(ErrorCode.REPLICATED_WRITE_CONFLICT, "The request was rejected because one or more items in the request "
        + "are being modified by a request in another Region.");
    define(ErrorCode.CONDITIONAL_CHECK_FAILED, "The conditional request failed");
    define(ErrorCode.RESOURCE_NOT_FOUND, "Requested resource not found");
    define(ErrorCode.RESOURCE_IN_USE, "Resource in use");
    define(ErrorCode.LIMIT_EXCEEDED, "Too many operations for a given subscriber.");
    define(ErrorCode.ITEM_COLLECTION_SIZE_LIMIT_EXCEEDED, "Item collection size limit exceeded.");
    define(ErrorCode.VALIDATION, "One or more parameter values were invalid");
    define(ErrorCode.ACCESS_DENIED, "User is not authorized to perform this action");
    define(ErrorCode.UNRECOGNIZED_CLIENT, "The security token included in the request is invalid.");
    define(ErrorCode.MISSING_AUTHENTICATION_TOKEN, "Request is missing Authentication Token");
    define(ErrorCode.INVALID_SIGNATURE, "The request signature we calculated does not match the signature you "
        + "provided.");
    define(ErrorCode.EXPIRED_ITERATOR, "Iterator expired.");
    define(ErrorCode.TRIMMED_DATA_ACCESS, "Data has been trimmed.");
    // DynamoDB's documentation names the 503 "ServiceUnavailable"; the body's type ends in ...Exception.
    BY_NAME.put("ServiceUnavailable", BY_NAME.get(ErrorCode.SERVICE_UNAVAILABLE.shortName()));
  }

  private final ErrorCode code;
  private final String message;

  private FaultError(ErrorCode code, String message) {
    this.code = code;
    this.message = message;
  }

  private static void define(ErrorCode code, String message) {
    BY_NAME.put(code.shortName(), new FaultError(code, message));
  }

  /**
   * The error of that name (case-insensitive; {@code TransactionCanceledException} is not one: use
   * a cancellation effect, which carries its reasons).
   *
   * @throws IllegalArgumentException naming the known errors
   */
  public static FaultError named(String name) {
    FaultError error = name == null ? null : BY_NAME.get(name.trim());
    if (error == null) {
      throw new IllegalArgumentException("unknown error \"" + name + "\"; known: " + String.join(", ", names()));
    }
    return error;
  }

  /** The names {@link #named} knows. */
  public static String[] names() {
    String[] names = BY_NAME.keySet().toArray(new String[0]);
    Arrays.sort(names, String.CASE_INSENSITIVE_ORDER);
    return names;
  }

  public ErrorCode code() {
    return code;
  }

  /** The short name, e.g. {@code ThrottlingException}. */
  public String name() {
    return code.shortName();
  }

  public int status() {
    return code.status();
  }

  /** DynamoDB's message for it. */
  public String defaultMessage() {
    return message;
  }

  /** Whether a client's SDK retries it (throttling, 5xx, transaction conflicts). */
  public boolean retryable() {
    return code.status() >= 500 || code == ErrorCode.THROTTLING || code == ErrorCode.PROVISIONED_THROUGHPUT_EXCEEDED
        || code == ErrorCode.REQUEST_LIMIT_EXCEEDED || code == ErrorCode.TRANSACTION_CONFLICT
        || code == ErrorCode.LIMIT_EXCEEDED;
  }

  DynamoException exception(String overrideMessage) {
    return new DynamoException(code, overrideMessage != null ? overrideMessage : message);
  }

  @Override
  public String toString() {
    return name();
  }
}
