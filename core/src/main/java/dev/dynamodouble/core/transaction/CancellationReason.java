package dev.dynamodouble.core.transaction;

import dev.dynamodouble.core.value.AttributeValue;
import java.util.Map;

/**
 * Why one action of a cancelled transaction failed, as an element of TransactionCanceledException's
 * {@code CancellationReasons}: a code, a message, and (for a failed condition with
 * {@code ReturnValuesOnConditionCheckFailure=ALL_OLD}) the item as it was.
 *
 * @param code {@code None}, {@code ConditionalCheckFailed}, {@code ValidationError},
 *     {@code TransactionConflict}, ...
 * @param message null for {@code None}
 * @param item null unless asked for and present
 */
public record CancellationReason(String code, String message, Map<String, AttributeValue> item) {
  public static final CancellationReason NONE = new CancellationReason("None", null, null);

  public static final String CONDITIONAL_CHECK_FAILED = "ConditionalCheckFailed";
  public static final String VALIDATION_ERROR = "ValidationError";
  public static final String TRANSACTION_CONFLICT = "TransactionConflict";
  public static final String THROTTLING_ERROR = "ThrottlingError";

  /** The message DynamoDB gives a TransactionConflict reason and a TransactionConflictException. */
  public static final String TRANSACTION_CONFLICT_MESSAGE = "Transaction is ongoing for the item";

  /** A failed condition; {@code item} is the current item when ALL_OLD was asked for, else null. */
  public static CancellationReason conditionalCheckFailed(Map<String, AttributeValue> item) {
    return new CancellationReason(CONDITIONAL_CHECK_FAILED, "The conditional request failed", item);
  }

  /** A validation error that only the transaction's run could find (a key of the wrong type, ...). */
  public static CancellationReason validationError(String message) {
    return new CancellationReason(VALIDATION_ERROR, message, null);
  }

  /** The action's table, index or partition is out of capacity (throttled). */
  public static CancellationReason throttlingError() {
    return new CancellationReason(THROTTLING_ERROR, dev.dynamodouble.core.capacity.Throttles.ON_DEMAND, null);
  }

  /** The item is part of another transaction in flight. */
  public static CancellationReason transactionConflict() {
    return new CancellationReason(TRANSACTION_CONFLICT, TRANSACTION_CONFLICT_MESSAGE, null);
  }

  public boolean isNone() {
    return this == NONE || "None".equals(code);
  }
}
