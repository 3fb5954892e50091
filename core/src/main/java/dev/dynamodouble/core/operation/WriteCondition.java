package dev.dynamodouble.core.operation;

import dev.dynamodouble.core.error.DynamoException;
import dev.dynamodouble.core.error.ErrorCode;
import dev.dynamodouble.core.protocol.JsonRequest;
import dev.dynamodouble.core.table.StoredItem;
import dev.dynamodouble.core.table.Table;

/** The condition of a conditional write (ConditionExpression or Expected), checked against the current item. */
@FunctionalInterface
public interface WriteCondition {
  WriteCondition NONE = before -> {};

  /** Throws ConditionalCheckFailedException when the condition does not hold for {@code before}. */
  void check(StoredItem before);

  /** The condition a write request carries. */
  static WriteCondition of(JsonRequest request, Table table) {
    if (request.has("ConditionExpression") || request.has("Expected")) {
      throw new DynamoException(ErrorCode.VALIDATION, "Conditional writes are not supported yet");
    }
    return NONE;
  }
}
