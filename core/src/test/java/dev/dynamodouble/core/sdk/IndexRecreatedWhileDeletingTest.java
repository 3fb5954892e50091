package dev.dynamodouble.core.sdk;

import static dev.dynamodouble.core.sdk.SdkTestSupport.assertError;
import static dev.dynamodouble.core.sdk.SdkTestSupport.attr;
import static dev.dynamodouble.core.sdk.SdkTestSupport.hash;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexUpdate;
import software.amazon.awssdk.services.dynamodb.model.IndexStatus;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;

/**
 * A Create of an index (global or vector) named as an index still being deleted is refused with
 * the index's reason, ResourceInUseException "Index is being deleted", as a Delete of it is (see
 * IndexChangedWhileDeletingTest): not with the table's status (UPDATING while the index is
 * deleted) nor with the limit of one index created or deleted at a time. Once the index is gone,
 * the name may be used again.
 */
class IndexRecreatedWhileDeletingTest {

  private static String beingDeleted(String table, String index) {
    return "Attempt to change a resource which is still in use: Index is being deleted. Table: " + table
        + " Index: " + index;
  }

  @Test
  void aGlobalIndexNamedAsOneBeingDeletedIsRefusedUntilItIsGone() {
    try (OnlineIndexTable table = new OnlineIndexTable()) {
      table.addIndex();
      table.startBackfill();
      table.activate();
      table.deleteIndex(table.client);
      assertThat(table.tableStatus()).isEqualTo(TableStatus.UPDATING);
      assertError(table::addIndex, "ResourceInUseException", beingDeleted("orders", OnlineIndexTable.INDEX));

      table.clock.advance(OnlineIndexTable.STATUS_DELAY);
      table.addIndex(); // gone: the name is free again
    }
  }

  @Test
  void theIndexsReasonComesBeforeTheLimitOfOneIndexInFlightInAReplicaWhoseTableIsActive() {
    try (OnlineIndexTable table = new OnlineIndexTable(); DynamoDbClient west = table.addReplica()) {
      table.addIndex();
      table.startBackfill();
      table.activate();
      table.deleteIndex(west); // the index is DELETING in both replicas; us-east-1's table stays ACTIVE
      assertThat(table.tableStatus()).isEqualTo(TableStatus.ACTIVE);
      assertThat(table.describeIndex().indexStatus()).isEqualTo(IndexStatus.DELETING);
      assertError(table::addIndex, "ResourceInUseException", beingDeleted("orders", OnlineIndexTable.INDEX));
    }
  }

  @Test
  void aVectorIndexNamedAsOneBeingDeletedIsRefusedUntilItIsGoneWhateverTheKindOfTheNewOne() {
    try (OnlineVectorIndexTable table = new OnlineVectorIndexTable()) {
      table.addIndex();
      table.startBackfill();
      table.activate();
      table.deleteIndex();
      table.assertPhase(TableStatus.UPDATING, IndexStatus.DELETING, null);
      assertError(table::deleteIndex, "ResourceInUseException", beingDeleted("docs", OnlineVectorIndexTable.INDEX));
      assertError(table::addIndex, "ResourceInUseException", beingDeleted("docs", OnlineVectorIndexTable.INDEX));
      assertError(() -> table.client.updateTable(r -> r.tableName("docs")
              .attributeDefinitions(attr("zip", ScalarAttributeType.S))
              .globalSecondaryIndexUpdates(GlobalSecondaryIndexUpdate.builder().create(c -> c
                  .indexName(OnlineVectorIndexTable.INDEX).keySchema(hash("zip"))
                  .projection(p -> p.projectionType(ProjectionType.KEYS_ONLY))).build())),
          "ResourceInUseException", beingDeleted("docs", OnlineVectorIndexTable.INDEX));

      table.clock.advance(OnlineVectorIndexTable.STATUS_DELAY);
      table.addIndex(); // gone: the name is free again
      table.assertPhase(TableStatus.UPDATING, IndexStatus.CREATING, false);
    }
  }
}
