package dev.dynamodouble.core.operation;

import dev.dynamodouble.core.error.DynamoException;
import dev.dynamodouble.core.error.ErrorCode;
import dev.dynamodouble.core.expression.Condition;
import dev.dynamodouble.core.protocol.AttributeValues;
import dev.dynamodouble.core.protocol.JsonRequest;
import dev.dynamodouble.core.table.StoredItem;

/** The condition of a conditional write (ConditionExpression or Expected), checked against the current item. */
public final class WriteCondition {
  public static final WriteCondition NONE = new WriteCondition(null, false);

  private final Condition condition;
  private final boolean returnOldItemOnFailure;

  WriteCondition(Condition condition, boolean returnOldItemOnFailure) {
    this.condition = condition;
    this.returnOldItemOnFailure = returnOldItemOnFailure;
  }

  /** The condition of {@code request}: its ConditionExpression (already parsed) or its legacy Expected. */
  static WriteCondition of(JsonRequest request, Condition conditionExpression) {
    Condition condition = conditionExpression != null ? conditionExpression : LegacyConditions.expected(request);
    boolean allOld = "ALL_OLD".equals(request.string("ReturnValuesOnConditionCheckFailure"));
    return condition == null ? NONE : new WriteCondition(condition, allOld);
  }

  /**
   * The checks PutItem and DeleteItem share: ReturnValues is NONE or ALL_OLD, and their condition
   * (ConditionExpression or Expected) with its placeholders all used.
   */
  static WriteCondition ofPutOrDelete(JsonRequest request, String operation, String returnValues) {
    if (returnValues != null && !returnValues.equals("NONE") && !returnValues.equals("ALL_OLD")) {
      throw DynamoException.validation("ReturnValues can only be ALL_OLD or NONE");
    }
    RequestExpressions expressions = RequestExpressions.of(request, operation);
    WriteCondition condition = of(request, expressions.condition());
    expressions.checkAllUsed();
    return condition;
  }

  /** The document paths the condition reads (none without a condition). */
  java.util.List<dev.dynamodouble.core.expression.DocumentPath> paths() {
    return condition == null ? java.util.List.of() : condition.paths();
  }

  /** Throws ConditionalCheckFailedException when the condition does not hold for {@code before}. */
  public void check(StoredItem before) {
    if (condition == null || condition.test(before == null ? null : before.attributes())) {
      return;
    }
    throw failed(before, returnOldItemOnFailure);
  }

  /** Whether a condition holds for {@code before} (for transactions, which report failures their own way). */
  public boolean holds(StoredItem before) {
    return condition == null || condition.test(before == null ? null : before.attributes());
  }

  /** DynamoDB's ConditionalCheckFailedException, with the item when ALL_OLD was asked for and it exists. */
  public static DynamoException failed(StoredItem before, boolean withItem) {
    if (withItem && before != null) {
      return new DynamoException(ErrorCode.CONDITIONAL_CHECK_FAILED, "The conditional request failed", out -> {
        out.writeFieldName("Item");
        AttributeValues.writeItem(out, before.attributes());
      });
    }
    return new DynamoException(ErrorCode.CONDITIONAL_CHECK_FAILED, "The conditional request failed");
  }
}
