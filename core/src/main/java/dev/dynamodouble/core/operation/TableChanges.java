package dev.dynamodouble.core.operation;

import dev.dynamodouble.core.error.DynamoException;
import dev.dynamodouble.core.table.Table;

/** Checks shared by the operations that change a table. */
final class TableChanges {
  private TableChanges() {}

  /** A table that is being created, updated or deleted cannot be changed. */
  static void requireStable(Table table) {
    String state;
    switch (table.status()) {
      case CREATING:
        state = "created";
        break;
      case UPDATING:
        state = "updated";
        break;
      case DELETING:
        state = "deleted";
        break;
      default:
        return;
    }
    throw DynamoException.resourceInUse("Attempt to change a resource which is still in use: Table is being "
        + state + ": " + table.name());
  }
}
