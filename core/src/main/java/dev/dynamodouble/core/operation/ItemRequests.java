package dev.dynamodouble.core.operation;

import dev.dynamodouble.core.protocol.Constraints;
import dev.dynamodouble.core.protocol.JsonRequest;

/** Constraint checks shared by the single-item operations. */
final class ItemRequests {
  // The PartiQL operations check these two themselves (not yet in EnumMembers).
  static final String[] RETURN_CONSUMED_CAPACITY = {"INDEXES", "TOTAL", "NONE"};
  static final String[] RETURN_VALUES_ON_CONDITION_CHECK_FAILURE = {"ALL_OLD", "NONE"};

  private ItemRequests() {}

  /** TableName, common to every single-item operation (an ARN must be of the request's region), and its enums. */
  static Constraints common(JsonRequest request, String region, String operation) {
    String tableName = request.string("TableName");
    return new Constraints()
        .notNull(tableName, "tableName")
        .itemTableName(tableName, "tableName", region)
        .enums(request, operation);
  }
}
