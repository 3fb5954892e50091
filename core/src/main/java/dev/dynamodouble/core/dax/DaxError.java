package dev.dynamodouble.core.dax;

import java.util.List;

/**
 * An error as DAX answers it: a sequence of codes the client maps to an exception type (the last
 * code names DynamoDB's error), a message, and the DynamoDB error type and HTTP status.
 */
final class DaxError extends RuntimeException {
  /** One reason of a cancelled transaction. */
  record Reason(String code, String message) {}

  private final int[] codes;
  private final String type;
  private final int status;
  private final List<Reason> reasons;

  DaxError(int[] codes, String type, int status, String message, List<Reason> reasons) {
    super(message, null, false, false);
    this.codes = codes;
    this.type = type;
    this.status = status;
    this.reasons = reasons;
  }

  /** The error DynamoDB answered ({@code __type} without its namespace), as DAX relays it. */
  static DaxError fromDynamo(String type, int status, String message, List<Reason> reasons) {
    int last = switch (type) {
      case "ProvisionedThroughputExceededException" -> 40;
      case "ResourceNotFoundException" -> 41;
      case "ConditionalCheckFailedException" -> 43;
      case "ResourceInUseException" -> 45;
      case "InternalServerError" -> 47;
      case "ItemCollectionSizeLimitExceededException" -> 48;
      case "LimitExceededException" -> 49;
      case "ThrottlingException", "RequestLimitExceeded" -> 50;
      case "TransactionConflictException" -> 57;
      case "TransactionCanceledException" -> 58;
      case "TransactionInProgressException" -> 59;
      case "IdempotentParameterMismatchException" -> 60;
      default -> 46; // ValidationException, and any other type: the client keeps the type's name
    };
    return new DaxError(new int[] {4, 37, 38, 39, last}, type, status, message, reasons);
  }

  /**
   * A connection whose authorization proved nobody: codes the DAX client reads as an
   * authentication failure (it authorizes the connection again before its next request), with
   * DynamoDB's error type for the reason.
   */
  static DaxError authentication(String type, String message) {
    return new DaxError(new int[] {4, 23, 31, 33}, type, 400, message, List.of());
  }

  static DaxError validation(String message) {
    return fromDynamo("ValidationException", 400, message, List.of());
  }

  /** A table DAX cannot find when the client asks for its key schema. */
  static DaxError tableNotFound(String message) {
    return new DaxError(new int[] {4, 23, 24}, "ResourceNotFoundException", 400, message, List.of());
  }

  /**
   * What this endpoint does not do: a ValidationException naming it (DAX's own not-implemented
   * code would reach the caller without its message), never a hang.
   */
  static DaxError notImplemented(String what) {
    return validation(what + " is not supported by Dynamo Double's DAX endpoint");
  }

  /** Writes the error where a response starts: codes, message, then [request id, type, status(, reasons)]. */
  void write(CborWriter out, String requestId) {
    out.array(codes.length);
    for (int code : codes) {
      out.integer(code);
    }
    out.text(getMessage() == null ? "" : getMessage());
    out.array(reasons.isEmpty() ? 3 : 4).text(requestId).text(type).integer(status);
    if (!reasons.isEmpty()) {
      out.array(reasons.size() * 3);
      for (Reason reason : reasons) {
        writeNullable(out, reason.code());
        writeNullable(out, reason.message());
        out.nil();
      }
    }
  }

  private static void writeNullable(CborWriter out, String text) {
    if (text == null) {
      out.nil();
    } else {
      out.text(text);
    }
  }
}
