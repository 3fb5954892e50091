package dev.dynamodouble.core.sdk;

import static dev.dynamodouble.core.sdk.SdkTestSupport.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexUpdate;
import software.amazon.awssdk.services.dynamodb.model.IndexStatus;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;

/**
 * In the region it is deleted in, an index being deleted has its table UPDATING; a Delete of it, a
 * throughput Update of it and a Create under its name are all refused with the index's reason,
 * ResourceInUseException "Index is being deleted", not the table's "Table is being updated" (as
 * in a replica whose table stays ACTIVE): the three answers are one, and DeleteTable too names the
 * indexes. (A vector index's: see IndexRecreatedWhileDeletingTest.)
 */
class IndexChangedWhileDeletingTest {
  private static final String BEING_DELETED = "Attempt to change a resource which is still in use: Index is being "
      + "deleted. Table: %s Index: %s";

  @Test
  void aGlobalIndexBeingDeletedAnswersItsOwnReasonToDeleteUpdateAndCreate() {
    try (OnlineIndexTable table = OnlineIndexTable.provisioned()) {
      table.addIndex();
      table.startBackfill();
      table.activate();
      table.deleteIndex(table.client);
      table.assertPhase(TableStatus.UPDATING, IndexStatus.DELETING, null);
      String message = String.format(BEING_DELETED, "orders", OnlineIndexTable.INDEX);

      assertError(() -> table.deleteIndex(table.client), "ResourceInUseException", message);
      assertError(() -> table.client.updateTable(r -> r.tableName("orders").globalSecondaryIndexUpdates(
              GlobalSecondaryIndexUpdate.builder().update(u -> u.indexName(OnlineIndexTable.INDEX)
                  .provisionedThroughput(t -> t.readCapacityUnits(9L).writeCapacityUnits(9L))).build())),
          "ResourceInUseException", message);
      assertError(table::addIndex, "ResourceInUseException", message);
      assertError(() -> table.client.deleteTable(r -> r.tableName("orders")), "ResourceInUseException",
          PhasedIndexTable.INDEXES_IN_FLIGHT);
      table.assertPhase(TableStatus.UPDATING, IndexStatus.DELETING, null); // nothing changed

      table.clock.advance(OnlineIndexTable.STATUS_DELAY);
      assertThat(table.client.describeTable(r -> r.tableName("orders")).table().hasGlobalSecondaryIndexes()).isFalse();
    }
  }
}
