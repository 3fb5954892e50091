package dev.dynamodouble.core.operation;

import dev.dynamodouble.core.error.DynamoException;
import dev.dynamodouble.core.error.ErrorCode;
import dev.dynamodouble.core.table.IndexDefinition.IndexStatus;
import dev.dynamodouble.core.table.OnlineIndex;
import dev.dynamodouble.core.table.Table;
import dev.dynamodouble.core.table.TableStatus;
import java.util.ArrayList;
import java.util.List;

/**
 * What a global secondary index or a vector index that is not ACTIVE lets a request change. An
 * index being created may be deleted (which cancels its creation) or have its throughput changed
 * (a global index) while it backfills (the API reference's GlobalSecondaryIndexDescription.Backfilling,
 * the developer guide's "Modifying an index creation"), not before, while it allocates its
 * resources (CREATING with Backfilling false); an index being updated or deleted takes no other
 * change, nor is another created under its name; its table cannot be deleted meanwhile. DynamoDB
 * answers each refusal with ResourceInUseException; the texts are the service's as observed (they
 * are not documented), spacing included.
 */
final class IndexesInFlight {
  private static final String IN_USE = "Attempt to change a resource which is still in use: ";

  private IndexesInFlight() {}

  /** Refuses a Delete ({@code delete}) or a throughput Update of {@code index} unless its status allows it. */
  static void requireChangeable(Table table, OnlineIndex index, boolean delete) {
    if (index.status() == IndexStatus.DELETING) {
      throw beingDeleted(table, index);
    }
    if (index.describedStatus() == IndexStatus.UPDATING) {
      throw DynamoException.resourceInUse(IN_USE + "Index is being updated.  Table: " + table.name() + " Index: "
          + index.name());
    }
    if (index.status() == IndexStatus.CREATING && !index.backfilling()) {
      throw allocating(table, index, delete);
    }
  }

  /**
   * Refuses a Delete ({@code delete}) or a throughput Update of {@code index} while it is being
   * deleted, or added to {@code table} and allocating its resources (an index created with its
   * table is refused as the table is, being created). Its table is UPDATING meanwhile, in the
   * region the change was asked in, yet DynamoDB answers with the index's reason (which tells when
   * to retry), not the table's: call before the table's status is checked. A Create named as an
   * index being deleted gets the same answer: see {@link #refuseRecreating}.
   */
  static void refuseInUse(Table table, OnlineIndex index, boolean delete) {
    if (index.status() == IndexStatus.DELETING) {
      throw beingDeleted(table, index);
    }
    if (index.isAllocating(table.status())) {
      throw allocating(table, index, delete);
    }
  }

  private static DynamoException allocating(Table table, OnlineIndex index, boolean delete) {
    String names = "Table: " + table.name() + " Index: " + index.name();
    return DynamoException.resourceInUse(IN_USE + (delete
        ? "Index creation is in resource allocation phase. Retry deletion during backfilling phase or when the "
            + "index is active. " + names
        : "Index is being created but is not backfilling yet.  " + names));
  }

  /**
   * Refuses a Create of an index (of either kind) named as one of {@code table}'s still being
   * deleted, with the index's reason rather than the limit of one index created or deleted at a
   * time, nor the table's status (UPDATING while an index is deleted): call before either is checked.
   */
  static void refuseRecreating(Table table, String name) {
    OnlineIndex index = table.index(name);
    if (index == null) {
      index = table.vectorIndex(name);
    }
    if (index != null && index.status() == IndexStatus.DELETING) {
      throw beingDeleted(table, index);
    }
  }

  private static DynamoException beingDeleted(Table table, OnlineIndex index) {
    return DynamoException.resourceInUse(IN_USE + "Index is being deleted. Table: " + table.name() + " Index: "
        + index.name());
  }

  /**
   * Only one index of a table, global or vector, is created or deleted at a time (a throughput
   * change under way counts too): refuses another unless every index but {@code cancelled} (whose
   * creation the request's Delete cancels, or null) is ACTIVE.
   */
  static void requireNoneInFlight(Table table, OnlineIndex cancelled) {
    for (OnlineIndex index : indexes(table)) {
      if (index.status() != IndexStatus.ACTIVE && index != cancelled) {
        throw new DynamoException(ErrorCode.LIMIT_EXCEEDED,
            "Subscriber limit exceeded: Only 1 online index can be created or deleted simultaneously per table");
      }
    }
  }

  /**
   * DeleteTable waits for every global and vector index to be ACTIVE, and says so whatever the
   * phase of the index's change: while a new one allocates its resources (the table UPDATING) as
   * while it backfills (the table ACTIVE again), while one is updated or deleted. Call before the
   * table's own status is checked; an index CREATING with its table is the table's matter (it is
   * being created), and so is any index of a table being deleted.
   */
  static void requireSettled(Table table) {
    if (table.status() == TableStatus.CREATING || table.status() == TableStatus.DELETING) {
      return;
    }
    for (OnlineIndex index : indexes(table)) {
      if (index.status() != IndexStatus.ACTIVE) {
        throw DynamoException.resourceInUse(IN_USE
            + "Cannot delete table while indexes are being created, updated, or deleted.");
      }
    }
  }

  private static List<OnlineIndex> indexes(Table table) {
    List<OnlineIndex> all = new ArrayList<>(table.globalIndexes());
    all.addAll(table.vectorIndexes());
    return all;
  }
}
