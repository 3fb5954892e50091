package dev.dynamodouble.core.operation;

import dev.dynamodouble.core.error.DynamoException;
import dev.dynamodouble.core.table.IndexDefinition;
import dev.dynamodouble.core.table.IndexDefinition.IndexStatus;
import dev.dynamodouble.core.table.Table;

/**
 * What a global secondary index that is not ACTIVE lets a request change: its table cannot be
 * deleted meanwhile. DynamoDB answers with ResourceInUseException; the text is the service's as
 * observed (it is not documented).
 */
final class IndexesInFlight {
  private static final String IN_USE = "Attempt to change a resource which is still in use: ";

  private IndexesInFlight() {}

  /** DeleteTable waits for every global index to be ACTIVE (while one backfills the table itself is). */
  static void requireSettled(Table table) {
    for (IndexDefinition index : table.globalIndexes()) {
      if (index.status() != IndexStatus.ACTIVE) {
        throw DynamoException.resourceInUse(IN_USE
            + "Cannot delete table while indexes are being created, updated, or deleted.");
      }
    }
  }
}
