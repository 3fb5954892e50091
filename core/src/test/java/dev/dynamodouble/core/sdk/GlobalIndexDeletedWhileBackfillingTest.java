package dev.dynamodouble.core.sdk;

import static dev.dynamodouble.core.sdk.OnlineIndexTable.INDEX;
import static dev.dynamodouble.core.sdk.OnlineIndexTable.MISTYPED;
import static dev.dynamodouble.core.sdk.OnlineIndexTable.STATUS_DELAY;
import static dev.dynamodouble.core.sdk.SdkTestSupport.assertError;
import static dev.dynamodouble.core.sdk.SdkTestSupport.assertValidation;
import static dev.dynamodouble.core.sdk.SdkTestSupport.attr;
import static dev.dynamodouble.core.sdk.SdkTestSupport.hash;
import static dev.dynamodouble.core.sdk.SdkTestSupport.item;
import static dev.dynamodouble.core.sdk.SdkTestSupport.n;
import static dev.dynamodouble.core.sdk.SdkTestSupport.s;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexUpdate;
import software.amazon.awssdk.services.dynamodb.model.IndexStatus;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;

/**
 * A global secondary index being created may be deleted while it backfills (IndexStatus CREATING,
 * Backfilling true), not before, while it allocates its resources (CREATING, Backfilling false):
 * the API reference's GlobalSecondaryIndexDescription.Backfilling, and the service's own refusal
 * ("Retry deletion during backfilling phase or when the index is active"). The table is UPDATING
 * while the index allocates and ACTIVE again as soon as it backfills ("After the index begins
 * backfilling, you can use UpdateTable to perform other operations"); it cannot be deleted until
 * every index is ACTIVE, and DeleteTable says so in both phases.
 */
class GlobalIndexDeletedWhileBackfillingTest {
  private static final String NO_INDEX = "The table does not have the specified index: byAddress";
  private static final String ALLOCATING = "Attempt to change a resource which is still in use: Index creation is in "
      + "resource allocation phase. Retry deletion during backfilling phase or when the index is active. Table: "
      + "orders Index: byAddress";
  private static final String TABLE_UPDATING = "Attempt to change a resource which is still in use: Table is being "
      + "updated: orders";
  private static final Duration HALF = STATUS_DELAY.dividedBy(2);

  private final OnlineIndexTable table = new OnlineIndexTable();
  private final DynamoDbClient client = table.client;

  @AfterEach
  void stop() {
    table.close();
  }

  private void putItem(Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue> item) {
    client.putItem(r -> r.tableName("orders").item(item));
  }

  private void queryIndex(DynamoDbClient region) {
    region.query(r -> r.tableName("orders").indexName(INDEX).keyConditionExpression("city = :c")
        .expressionAttributeValues(Map.of(":c", s("Oslo"))));
  }

  @Test
  void deletedWhileBackfillingItGoesAfterTheDelayAndNeverTurnsActive() {
    putItem(item("pk", "old", "city", "Oslo", "street", "Main"));
    table.addIndex();
    putItem(MISTYPED); // violates byAddress's keys: accepted while it is created, and not in it
    table.startBackfill(); // t = 15 s
    table.clock.advance(Duration.ofSeconds(5));

    TableDescription answer = table.deleteIndex(client); // t = 20 s
    assertThat(answer.tableStatus()).isEqualTo(TableStatus.UPDATING);
    assertThat(answer.globalSecondaryIndexes().get(0).indexStatus()).isEqualTo(IndexStatus.DELETING);
    assertThat(answer.globalSecondaryIndexes().get(0).backfilling()).isNull();
    assertValidation(() -> queryIndex(client), NO_INDEX);
    putItem(item("pk", "during", "city", n("8"), "street", "Elm")); // the index being deleted refuses nothing

    table.clock.advance(Duration.ofSeconds(10)); // when it would have been ACTIVE: it is not
    GlobalSecondaryIndexDescription still = table.describeIndex();
    assertThat(still.indexStatus()).isEqualTo(IndexStatus.DELETING);
    assertThat(still.backfilling()).isNull();
    assertValidation(() -> queryIndex(client), NO_INDEX);

    table.clock.advance(STATUS_DELAY.minusSeconds(10)); // the status delay after the delete
    TableDescription after = client.describeTable(r -> r.tableName("orders")).table();
    assertThat(after.tableStatus()).isEqualTo(TableStatus.ACTIVE);
    assertThat(after.hasGlobalSecondaryIndexes()).isFalse();
    assertThat(after.attributeDefinitions()).extracting(AttributeDefinition::attributeName).containsExactly("pk");
    assertValidation(() -> queryIndex(client), NO_INDEX);
    table.clock.advance(Duration.ofDays(1));
    assertThat(client.describeTable(r -> r.tableName("orders")).table().hasGlobalSecondaryIndexes()).isFalse();

    assertThat(table.tableKeys()).containsExactly("during", "o1", "old");
    assertThat(table.get("o1")).isEqualTo(MISTYPED);
    putItem(item("pk", "later", "city", n("9")));
    assertThat(table.get("later")).containsEntry("city", n("9"));
  }

  @Test
  void anIndexAddedAgainAfterTheCancelledOneIsCreatedOnItsOwnClock() {
    table.addIndex();
    table.startBackfill();
    table.deleteIndex(client);
    table.clock.advance(STATUS_DELAY); // gone
    assertThat(client.describeTable(r -> r.tableName("orders")).table().hasGlobalSecondaryIndexes()).isFalse();
    putItem(MISTYPED);
    putItem(item("pk", "valid", "city", "Oslo", "street", "Main"));

    table.addIndex(); // the cancelled index's tasks are all past: none of them moves this one on early
    table.startBackfill();
    table.activate();
    assertThat(table.indexedKeys()).containsExactly("valid");
  }

  @Test
  void aDeleteWhileTheIndexAllocatesIsRefusedWithTheIndexsReasonThenAcceptedOnceItBackfills() {
    table.addIndex(); // the table UPDATING: the refusal is the index's, which says when to retry
    assertError(() -> table.deleteIndex(client), "ResourceInUseException", ALLOCATING);
    GlobalSecondaryIndexDescription unchanged = table.describeIndex();
    assertThat(unchanged.indexStatus()).isEqualTo(IndexStatus.CREATING);
    assertThat(unchanged.backfilling()).isFalse();

    table.startBackfill();
    assertThat(table.deleteIndex(client).globalSecondaryIndexes().get(0).indexStatus()).isEqualTo(IndexStatus.DELETING);
    table.clock.advance(STATUS_DELAY);
    assertThat(client.describeTable(r -> r.tableName("orders")).table().hasGlobalSecondaryIndexes()).isFalse();
  }

  @Test
  void whileTheIndexAllocatesTheTableIsUpdatingAndTakesNoChange() {
    table.addIndex();
    assertThat(table.tableStatus()).isEqualTo(TableStatus.UPDATING);
    // DeleteTable answers with the indexes, as it does while the index backfills
    assertError(() -> client.deleteTable(r -> r.tableName("orders")), "ResourceInUseException",
        PhasedIndexTable.INDEXES_IN_FLIGHT);
    assertError(() -> addAnotherIndex(), "ResourceInUseException", TABLE_UPDATING);
    assertError(() -> client.updateTable(r -> r.tableName("orders").deletionProtectionEnabled(true)),
        "ResourceInUseException", TABLE_UPDATING);
  }

  @Test
  void whileTheIndexBackfillsTheTableIsActiveButCannotBeDeletedNorGetAnotherIndex() {
    table.addIndex();
    table.startBackfill();
    assertThat(table.tableStatus()).isEqualTo(TableStatus.ACTIVE);
    assertError(() -> client.deleteTable(r -> r.tableName("orders")), "ResourceInUseException",
        PhasedIndexTable.INDEXES_IN_FLIGHT);
    assertError(() -> addAnotherIndex(), "LimitExceededException", "Subscriber limit exceeded: Only 1 online index "
        + "can be created or deleted simultaneously per table");
    client.updateTable(r -> r.tableName("orders").deletionProtectionEnabled(false)); // other changes are taken

    table.activate();
    client.deleteTable(r -> r.tableName("orders")); // every index ACTIVE
  }

  private void addAnotherIndex() {
    client.updateTable(r -> r.tableName("orders").attributeDefinitions(attr("zip", ScalarAttributeType.S))
        .globalSecondaryIndexUpdates(GlobalSecondaryIndexUpdate.builder().create(c -> c.indexName("byZip")
            .keySchema(hash("zip")).projection(p -> p.projectionType(ProjectionType.KEYS_ONLY))).build()));
  }

  @Test
  void writesOnOtherThreadsKeepWorkingWhileTheIndexIsCreatedThenDeleted() throws Exception {
    table.addIndex();
    ExecutorService writers = Executors.newFixedThreadPool(4);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int w = 0; w < 4; w++) {
        int writer = w;
        done.add(writers.submit(() -> {
          for (int i = 0; i < 50; i++) { // odd items violate byAddress's keys: accepted throughout
            putItem(item("pk", writer + "-" + i, "city", i % 2 == 0 ? s("Oslo") : n(String.valueOf(i)),
                "street", "Main"));
          }
        }));
      }
      table.startBackfill();
      table.deleteIndex(client);
      table.clock.advance(STATUS_DELAY);
      for (Future<?> writes : done) {
        writes.get();
      }
    } finally {
      writers.shutdown();
    }
    assertThat(client.describeTable(r -> r.tableName("orders")).table().hasGlobalSecondaryIndexes()).isFalse();
    assertThat(table.tableKeys()).hasSize(200);
  }

  @Test
  void aDeleteWhileBackfillingReachesEveryReplica() {
    try (DynamoDbClient west = table.addReplica()) {
      table.addIndex(); // in both replicas, each created on the same clock
      putItem(MISTYPED);
      assertError(() -> table.deleteIndex(west), "ResourceInUseException", ALLOCATING); // eu-west-1's table is ACTIVE
      table.startBackfill(); // t = 15 s: the write has reached eu-west-1

      TableDescription answer = table.deleteIndex(west);
      assertThat(answer.globalSecondaryIndexes().get(0).indexStatus()).isEqualTo(IndexStatus.DELETING);
      assertThat(table.describeIndex().indexStatus()).isEqualTo(IndexStatus.DELETING);
      assertError(() -> table.deleteIndex(client), "ResourceInUseException", "Attempt to change a resource which is "
          + "still in use: Index is being deleted. Table: orders Index: byAddress");
      assertValidation(() -> queryIndex(west), NO_INDEX);

      table.clock.advance(HALF); // when the index would have been ACTIVE
      assertThat(table.describeIndex().indexStatus()).isEqualTo(IndexStatus.DELETING);
      assertThat(OnlineIndexTable.describeIndex(west).indexStatus()).isEqualTo(IndexStatus.DELETING);
      table.clock.advance(HALF); // the status delay after the delete
      for (DynamoDbClient region : List.of(client, west)) {
        assertThat(region.describeTable(r -> r.tableName("orders")).table().hasGlobalSecondaryIndexes()).isFalse();
        assertThat(region.getItem(r -> r.tableName("orders").key(item("pk", "o1"))).item()).isEqualTo(MISTYPED);
      }
    }
  }
}
