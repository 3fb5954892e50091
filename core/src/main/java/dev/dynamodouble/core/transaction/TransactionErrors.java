package dev.dynamodouble.core.transaction;

import dev.dynamodouble.core.error.DynamoException;
import dev.dynamodouble.core.error.ErrorCode;
import dev.dynamodouble.core.protocol.AttributeValues;
import java.util.ArrayList;
import java.util.List;

/** The errors of the transaction operations, with DynamoDB's messages and body fields. */
public final class TransactionErrors {
  /** The limit on actions in TransactWriteItems and on gets in TransactGetItems. */
  public static final int MAX_ACTIONS = 100;
  /** The limit on the aggregate size of the items of one transaction. */
  public static final long MAX_TRANSACTION_BYTES = 4L * 1024 * 1024;

  /** A TransactWriteItems over 4 MB, followed by the items' aggregate size (DynamoDB Local 3.3's wording). */
  public static final String TOO_LARGE = "Transaction payload size cannot exceed 4MB. Payload Size: ";
  /** A TransactGetItems whose items add up to more than 4 MB (DynamoDB Local 3.3's wording). */
  public static final String RESPONSE_TOO_LARGE = "Payload in response is too large.";
  public static final String MULTIPLE_OPERATIONS_ON_ONE_ITEM =
      "Transaction request cannot include multiple operations on one item";

  private TransactionErrors() {}

  /**
   * TransactionCanceledException: "Transaction cancelled, please refer cancellation reasons for
   * specific reasons [None, ConditionalCheckFailed]" with {@code CancellationReasons} in request
   * order, which the AWS SDK for Java exposes as {@code cancellationReasons()}.
   */
  public static DynamoException cancelled(List<CancellationReason> reasons) {
    List<String> codes = new ArrayList<>(reasons.size());
    for (CancellationReason reason : reasons) {
      codes.add(reason.code());
    }
    String message = "Transaction cancelled, please refer cancellation reasons for specific reasons ["
        + String.join(", ", codes) + "]";
    List<CancellationReason> copy = List.copyOf(reasons);
    return new DynamoException(ErrorCode.TRANSACTION_CANCELED, message, out -> {
      out.writeArrayFieldStart("CancellationReasons");
      for (CancellationReason reason : copy) {
        out.writeStartObject();
        if (reason.item() != null) {
          out.writeFieldName("Item");
          AttributeValues.writeItem(out, reason.item());
        }
        out.writeStringField("Code", reason.code());
        if (reason.message() != null) {
          out.writeStringField("Message", reason.message());
        }
        out.writeEndObject();
      }
      out.writeEndArray();
    });
  }

  /** What a PutItem, UpdateItem or DeleteItem of an item in flight in a transaction gets. */
  public static DynamoException conflict() {
    return new DynamoException(ErrorCode.TRANSACTION_CONFLICT, CancellationReason.TRANSACTION_CONFLICT_MESSAGE);
  }

  /** The same ClientRequestToken with other parameters within the idempotency window. */
  public static DynamoException idempotentParameterMismatch() {
    return new DynamoException(ErrorCode.IDEMPOTENT_PARAMETER_MISMATCH,
        "The request uses the same client token as a previous, but non-identical request.");
  }

  /** The same ClientRequestToken while the first request with it is still running. */
  public static DynamoException inProgress() {
    return new DynamoException(ErrorCode.TRANSACTION_IN_PROGRESS,
        "The transaction with the given request token is already in progress.");
  }

  public static DynamoException tooLarge(long aggregateBytes) {
    return DynamoException.validation(TOO_LARGE + aggregateBytes);
  }

  public static DynamoException responseTooLarge() {
    return DynamoException.validation(RESPONSE_TOO_LARGE);
  }

  public static DynamoException multipleOperationsOnOneItem() {
    return DynamoException.validation(MULTIPLE_OPERATIONS_ON_ONE_ITEM);
  }
}
