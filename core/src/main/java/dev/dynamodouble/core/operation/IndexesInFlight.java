package dev.dynamodouble.core.operation;

import dev.dynamodouble.core.error.DynamoException;
import dev.dynamodouble.core.table.IndexDefinition;
import dev.dynamodouble.core.table.IndexDefinition.IndexStatus;
import dev.dynamodouble.core.table.Table;

/**
 * What a global secondary index that is not ACTIVE lets a request change. An index being created
 * may be deleted (which cancels its creation) or have its throughput changed while it backfills
 * (the API reference's GlobalSecondaryIndexDescription.Backfilling, the developer guide's
 * "Modifying an index creation"), not before, while it allocates its resources (CREATING with
 * Backfilling false); an index being updated or deleted takes no other change; its table cannot be
 * deleted meanwhile. DynamoDB answers
 * each refusal with ResourceInUseException; the texts are the service's as observed (they are not
 * documented), spacing included.
 */
final class IndexesInFlight {
  private static final String IN_USE = "Attempt to change a resource which is still in use: ";

  private IndexesInFlight() {}

  /** Refuses a Delete ({@code delete}) or a throughput Update of {@code index} unless its status allows it. */
  static void requireChangeable(Table table, IndexDefinition index, boolean delete) {
    String names = "Table: " + table.name() + " Index: " + index.name();
    if (index.status() == IndexStatus.DELETING) {
      throw DynamoException.resourceInUse(IN_USE + "Index is being deleted. " + names);
    }
    if (index.describedStatus() == IndexStatus.UPDATING) {
      throw DynamoException.resourceInUse(IN_USE + "Index is being updated.  " + names);
    }
    if (index.status() == IndexStatus.CREATING && !index.backfilling()) {
      throw allocating(table, index, delete);
    }
  }

  /**
   * Refuses a Delete ({@code delete}) or a throughput Update of {@code index} while it is added to
   * {@code table} and allocates its resources (an index created with its table is refused as the
   * table is, being created).
   */
  static void refuseAllocating(Table table, IndexDefinition index, boolean delete) {
    if (index.isCreatingOnline(table.status()) && !index.backfilling()) {
      throw allocating(table, index, delete);
    }
  }

  private static DynamoException allocating(Table table, IndexDefinition index, boolean delete) {
    String names = "Table: " + table.name() + " Index: " + index.name();
    return DynamoException.resourceInUse(IN_USE + (delete
        ? "Index creation is in resource allocation phase. Retry deletion during backfilling phase or when the "
            + "index is active. " + names
        : "Index is being created but is not backfilling yet.  " + names));
  }

  /** DeleteTable waits for every global index to be ACTIVE (while a new one backfills, the table itself is). */
  static void requireSettled(Table table) {
    for (IndexDefinition index : table.globalIndexes()) {
      if (index.status() != IndexStatus.ACTIVE) {
        throw DynamoException.resourceInUse(IN_USE
            + "Cannot delete table while indexes are being created, updated, or deleted.");
      }
    }
  }
}
