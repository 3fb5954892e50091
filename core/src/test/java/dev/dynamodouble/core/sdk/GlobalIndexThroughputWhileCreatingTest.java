package dev.dynamodouble.core.sdk;

import static dev.dynamodouble.core.sdk.OnlineIndexTable.INDEX;
import static dev.dynamodouble.core.sdk.OnlineIndexTable.MISMATCH;
import static dev.dynamodouble.core.sdk.OnlineIndexTable.STATUS_DELAY;
import static dev.dynamodouble.core.sdk.SdkTestSupport.assertError;
import static dev.dynamodouble.core.sdk.SdkTestSupport.assertValidation;
import static dev.dynamodouble.core.sdk.SdkTestSupport.item;
import static dev.dynamodouble.core.sdk.SdkTestSupport.n;
import static dev.dynamodouble.core.sdk.SdkTestSupport.s;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexUpdate;
import software.amazon.awssdk.services.dynamodb.model.IndexStatus;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;

/**
 * The provisioned throughput of an index being created may change while it backfills: "The index
 * status will change to UPDATING, and Backfilling will be true until the index is ready for use"
 * (the developer guide's "Modifying an index creation"). The index stays one being created: not
 * readable, its backfill going on, ACTIVE with the new throughput when its creation ends. Before
 * its backfill, while it allocates its resources (CREATING, Backfilling false), the change is
 * refused.
 */
class GlobalIndexThroughputWhileCreatingTest {
  private static final String BACKFILLING = "Cannot read from backfilling global secondary index: byAddress";
  private static final String NOT_BACKFILLING = "Attempt to change a resource which is still in use: Index is being "
      + "created but is not backfilling yet.  Table: orders Index: byAddress";

  private final OnlineIndexTable table = OnlineIndexTable.provisioned();
  private final DynamoDbClient client = table.client;

  @AfterEach
  void stop() {
    table.close();
  }

  private TableDescription updateIndex(long units) {
    return updateIndex(client, units);
  }

  /** Sets byAddress's read and write units through {@code region}'s client. */
  private static TableDescription updateIndex(DynamoDbClient region, long units) {
    return region.updateTable(r -> r.tableName("orders").globalSecondaryIndexUpdates(GlobalSecondaryIndexUpdate
        .builder().update(u -> u.indexName(INDEX).provisionedThroughput(t -> t.readCapacityUnits(units)
            .writeCapacityUnits(units))).build())).tableDescription();
  }

  private void queryIndex() {
    client.query(r -> r.tableName("orders").indexName(INDEX).keyConditionExpression("city = :c")
        .expressionAttributeValues(Map.of(":c", s("Oslo"))));
  }

  @Test
  void aThroughputChangeWhileBackfillingTurnsTheIndexUpdatingAndAppliesWhenItIsActive() {
    client.putItem(r -> r.tableName("orders").item(item("pk", "old", "city", "Oslo", "street", "Main")));
    table.addIndex();
    table.startBackfill(); // t = 15 s
    table.clock.advance(Duration.ofSeconds(5));

    TableDescription answer = updateIndex(10);
    assertThat(answer.tableStatus()).isEqualTo(TableStatus.UPDATING);
    assertUpdating(answer.globalSecondaryIndexes().get(0));
    assertUpdating(table.describeIndex());
    assertValidation(this::queryIndex, BACKFILLING);
    // Still being created: a write violating the index's keys is stored, and not indexed.
    client.putItem(r -> r.tableName("orders").item(item("pk", "mistyped", "city", n("7"), "street", "Main")));

    table.clock.advance(Duration.ofSeconds(9)); // still backfilling ("true until the index is ready for use")
    assertUpdating(table.describeIndex());
    assertValidation(this::queryIndex, BACKFILLING);

    table.clock.advance(Duration.ofSeconds(1)); // the end of the creation: ACTIVE, the new units in effect
    GlobalSecondaryIndexDescription active = table.describeIndex();
    assertThat(active.indexStatus()).isEqualTo(IndexStatus.ACTIVE);
    assertThat(active.backfilling()).isNull();
    assertThat(active.provisionedThroughput().readCapacityUnits()).isEqualTo(10L);
    assertThat(active.provisionedThroughput().writeCapacityUnits()).isEqualTo(10L);
    assertThat(table.indexedKeys()).containsExactly("old");
    assertValidation(() -> client.putItem(r -> r.tableName("orders")
        .item(item("pk", "late", "city", n("8"), "street", "Main"))), MISMATCH);
    assertThat(table.tableKeys()).containsExactly("mistyped", "old");
    table.clock.advance(STATUS_DELAY);
    assertThat(table.describeIndex().indexStatus()).isEqualTo(IndexStatus.ACTIVE);
  }

  private static void assertUpdating(GlobalSecondaryIndexDescription index) {
    assertThat(index.indexStatus()).isEqualTo(IndexStatus.UPDATING);
    assertThat(index.backfilling()).isTrue();
    assertThat(index.provisionedThroughput().readCapacityUnits()).as("the old units until ACTIVE").isEqualTo(5L);
  }

  @Test
  void aThroughputChangeWhileTheIndexAllocatesIsRefusedWithTheIndexsReason() {
    table.addIndex(); // the table UPDATING: the refusal is the index's
    assertError(() -> updateIndex(10), "ResourceInUseException", NOT_BACKFILLING);
    GlobalSecondaryIndexDescription unchanged = table.describeIndex();
    assertThat(unchanged.indexStatus()).isEqualTo(IndexStatus.CREATING);
    assertThat(unchanged.backfilling()).isFalse();
    table.startBackfill();
    table.activate();
    assertThat(table.describeIndex().provisionedThroughput().readCapacityUnits()).isEqualTo(5L);
  }

  @Test
  void anIndexDeletedWhileBackfillingTakesItsMetersWithIt() {
    table.addIndex();
    assertThat(table.dynamo.capacity().usage("orders", INDEX).resource()).isEqualTo(INDEX);
    table.startBackfill();
    table.deleteIndex(client);
    table.clock.advance(STATUS_DELAY);
    assertThatThrownBy(() -> table.dynamo.capacity().usage("orders", INDEX))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("table orders has no global secondary index byAddress");
    assertThat(table.dynamo.capacity().usages("us-east-1", "orders")).hasSize(1);
  }

  @Test
  void anIndexUpdatingWhileItIsCreatedTakesNoOtherChangeInAReplica() {
    try (DynamoDbClient west = table.addReplica()) {
      table.addIndex();
      assertError(() -> updateIndex(west, 10), "ResourceInUseException", NOT_BACKFILLING); // eu-west-1's table is ACTIVE
      table.startBackfill();
      updateIndex(10); // reaches eu-west-1, whose table stays ACTIVE
      assertUpdating(OnlineIndexTable.describeIndex(west));
      String updating = "Attempt to change a resource which is still in use: Index is being updated.  Table: orders "
          + "Index: byAddress";
      assertError(() -> table.deleteIndex(west), "ResourceInUseException", updating);

      table.clock.advance(STATUS_DELAY);
      GlobalSecondaryIndexDescription active = OnlineIndexTable.describeIndex(west);
      assertThat(active.indexStatus()).isEqualTo(IndexStatus.ACTIVE);
      assertThat(active.provisionedThroughput().writeCapacityUnits()).isEqualTo(10L);
    }
  }

  @Test
  void aThroughputUpdateFromAReplicaDoesNotBringBackAnIndexBeingDeleted() {
    try (DynamoDbClient west = table.addReplica()) {
      table.addIndex();
      table.startBackfill();
      table.deleteIndex(client); // eu-west-1's table stays ACTIVE, its index DELETING
      assertError(() -> updateIndex(west, 10), "ResourceInUseException",
          "Attempt to change a resource which is still in use: Index is being deleted. Table: orders Index: byAddress");
      table.clock.advance(STATUS_DELAY);
      assertThat(west.describeTable(r -> r.tableName("orders")).table().hasGlobalSecondaryIndexes()).isFalse();
    }
  }
}
