package dev.dynamodouble.core.operation;

import dev.dynamodouble.core.engine.Catalog;
import dev.dynamodouble.core.engine.Quotas;
import dev.dynamodouble.core.error.DynamoException;
import dev.dynamodouble.core.error.ErrorCode;
import dev.dynamodouble.core.table.Table;
import dev.dynamodouble.core.table.TableStatus;

/** Checks shared by the operations that change a table. */
final class TableChanges {
  private TableChanges() {}

  /** Before a table is added (created or restored): the region's table quota, then the change quota. */
  static void requireRoomForTable(Catalog catalog, Quotas quotas) {
    if (catalog.tables().size() >= quotas.tablesPerRegion()) {
      throw new DynamoException(ErrorCode.LIMIT_EXCEEDED,
          "Subscriber limit exceeded: There is a limit of " + quotas.tablesPerRegion() + " tables per subscriber");
    }
    requireRoomForChange(catalog, quotas);
  }

  /** Before a table starts being created, updated or deleted: how many are already. */
  static void requireRoomForChange(Catalog catalog, Quotas quotas) {
    int changing = 0;
    for (Table table : catalog.tables()) {
      if (table.status() != TableStatus.ACTIVE) {
        changing++;
      }
    }
    if (changing >= quotas.concurrentTableChanges()) {
      throw new DynamoException(ErrorCode.LIMIT_EXCEEDED, "Subscriber limit exceeded: Only "
          + quotas.concurrentTableChanges() + " tables can be created, updated, or deleted simultaneously");
    }
  }

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
