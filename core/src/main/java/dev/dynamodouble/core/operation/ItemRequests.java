package dev.dynamodouble.core.operation;

import dev.dynamodouble.core.protocol.Constraints;
import dev.dynamodouble.core.protocol.JsonRequest;

/** Constraint checks shared by the single-item operations. */
final class ItemRequests {
  private ItemRequests() {}

  /** TableName, common to every single-item operation and its enums. */
  static Constraints common(JsonRequest request, String operation) {
    String tableName = request.string("TableName");
    return new Constraints()
        .notNull(tableName, "tableName")
        .itemTableName(tableName, "tableName")
        .enums(request, operation);
  }
}
