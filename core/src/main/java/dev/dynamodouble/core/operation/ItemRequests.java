package dev.dynamodouble.core.operation;

import dev.dynamodouble.core.protocol.Constraints;
import dev.dynamodouble.core.protocol.JsonRequest;

/** Constraint checks shared by the single-item operations. */
final class ItemRequests {
  static final String[] RETURN_VALUES = {"ALL_NEW", "UPDATED_OLD", "ALL_OLD", "NONE", "UPDATED_NEW"};
  static final String[] RETURN_CONSUMED_CAPACITY = {"INDEXES", "TOTAL", "NONE"};
  static final String[] RETURN_ITEM_COLLECTION_METRICS = {"SIZE", "NONE"};
  static final String[] RETURN_VALUES_ON_CONDITION_CHECK_FAILURE = {"ALL_OLD", "NONE"};

  private ItemRequests() {}

  /** TableName and the Return* enums, common to every single-item operation. */
  static Constraints common(JsonRequest request) {
    String tableName = request.string("TableName");
    return new Constraints()
        .notNull(tableName, "tableName")
        .itemTableName(tableName, "tableName")
        .oneOf(request.string("ReturnConsumedCapacity"), "returnConsumedCapacity", RETURN_CONSUMED_CAPACITY);
  }

  /** Adds the checks of the write operations' Return* enums. */
  static Constraints writeEnums(Constraints constraints, JsonRequest request) {
    return constraints
        .oneOf(request.string("ReturnValues"), "returnValues", RETURN_VALUES)
        .oneOf(request.string("ReturnItemCollectionMetrics"), "returnItemCollectionMetrics",
            RETURN_ITEM_COLLECTION_METRICS)
        .oneOf(request.string("ReturnValuesOnConditionCheckFailure"), "returnValuesOnConditionCheckFailure",
            RETURN_VALUES_ON_CONDITION_CHECK_FAILURE);
  }
}
