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
 * Backfilling true), not once its backfill is done (CREATING, Backfilling false): the API
 * reference's GlobalSecondaryIndexDescription.Backfilling. The table is ACTIVE again as soon as the
 * index backfills ("After the index begins backfilling, you can use UpdateTable to perform other
 * operations"), and cannot be deleted until every index is ACTIVE.
 */
class GlobalIndexDeletedWhileBackfillingTest {
  private static final String NO_INDEX = "The table does not have the specified index: byAddress";
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
    assertThat(client.describeTable(r -> r.tableName("orders")).table().tableStatus()).isEqualTo(TableStatus.ACTIVE);
    putItem(MISTYPED); // violates byAddress's keys: accepted while it backfills, and not in it
    table.clock.advance(Duration.ofSeconds(5));

    TableDescription answer = table.deleteIndex(client);
    assertThat(answer.tableStatus()).isEqualTo(TableStatus.UPDATING);
    assertThat(answer.globalSecondaryIndexes().get(0).indexStatus()).isEqualTo(IndexStatus.DELETING);
    assertThat(answer.globalSecondaryIndexes().get(0).backfilling()).isNull();
    assertValidation(() -> queryIndex(client), NO_INDEX);
    putItem(item("pk", "during", "city", n("8"), "street", "Elm")); // the index being deleted refuses nothing

    table.clock.advance(HALF); // when the backfill would have ended: the delete leaves its end nothing to do
    assertThat(table.describeIndex().indexStatus()).isEqualTo(IndexStatus.DELETING);
    table.clock.advance(HALF.minusSeconds(5)); // when it would have been ACTIVE: it is not
    GlobalSecondaryIndexDescription still = table.describeIndex();
    assertThat(still.indexStatus()).isEqualTo(IndexStatus.DELETING);
    assertThat(still.backfilling()).isNull();
    assertValidation(() -> queryIndex(client), NO_INDEX);

    table.clock.advance(Duration.ofSeconds(5)); // the status delay after the delete
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
  void anIndexAddedAgainAfterTheCancelledOneBackfillsAndTurnsActiveOnItsOwnClock() {
    table.addIndex();
    table.clock.advance(Duration.ofSeconds(5));
    table.deleteIndex(client);
    table.clock.advance(STATUS_DELAY); // gone
    assertThat(client.describeTable(r -> r.tableName("orders")).table().hasGlobalSecondaryIndexes()).isFalse();
    putItem(MISTYPED);
    putItem(item("pk", "valid", "city", "Oslo", "street", "Main"));

    table.addIndex(); // the cancelled index's tasks are all past: none of them ends this one's backfill early
    table.endBackfill();
    table.activate();
    assertThat(table.indexedKeys()).containsExactly("valid");
  }

  @Test
  void aDeleteOnceTheBackfillIsDoneIsRefusedUntilTheIndexIsActive() {
    table.addIndex();
    table.endBackfill();
    assertError(() -> table.deleteIndex(client), "ResourceInUseException", "Attempt to change a resource which is "
        + "still in use: Index creation is in resource allocation phase. Retry deletion during backfilling phase or "
        + "when the index is active. Table: orders Index: byAddress");
    GlobalSecondaryIndexDescription unchanged = table.describeIndex();
    assertThat(unchanged.indexStatus()).isEqualTo(IndexStatus.CREATING);
    assertThat(unchanged.backfilling()).isFalse();

    table.activate();
    assertThat(table.deleteIndex(client).globalSecondaryIndexes().get(0).indexStatus()).isEqualTo(IndexStatus.DELETING);
    table.clock.advance(STATUS_DELAY);
    assertThat(client.describeTable(r -> r.tableName("orders")).table().hasGlobalSecondaryIndexes()).isFalse();
  }

  @Test
  void whileTheIndexIsCreatingTheTableIsActiveButCannotBeDeletedNorGetAnotherIndex() {
    table.addIndex();
    String busy = "Attempt to change a resource which is still in use: Cannot delete table while indexes are being "
        + "created, updated, or deleted.";
    String oneAtATime = "Subscriber limit exceeded: Only 1 online index can be created or deleted simultaneously per "
        + "table";
    for (int phase = 0; phase < 2; phase++) { // backfilling, then with the backfill done
      assertThat(client.describeTable(r -> r.tableName("orders")).table().tableStatus()).isEqualTo(TableStatus.ACTIVE);
      assertError(() -> client.deleteTable(r -> r.tableName("orders")), "ResourceInUseException", busy);
      assertError(() -> client.updateTable(r -> r.tableName("orders")
          .attributeDefinitions(attr("zip", ScalarAttributeType.S))
          .globalSecondaryIndexUpdates(GlobalSecondaryIndexUpdate.builder().create(c -> c.indexName("byZip")
              .keySchema(hash("zip")).projection(p -> p.projectionType(ProjectionType.KEYS_ONLY))).build())),
          "LimitExceededException", oneAtATime);
      table.clock.advance(HALF);
    }
    client.deleteTable(r -> r.tableName("orders")); // every index ACTIVE
  }

  @Test
  void writesOnOtherThreadsKeepWorkingWhileTheIndexIsDeleted() throws Exception {
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
      table.addIndex(); // in both replicas, each backfilling on the same clock
      putItem(MISTYPED);
      table.clock.advance(Duration.ofSeconds(5)); // the write has reached eu-west-1

      TableDescription answer = table.deleteIndex(west);
      assertThat(answer.globalSecondaryIndexes().get(0).indexStatus()).isEqualTo(IndexStatus.DELETING);
      assertThat(table.describeIndex().indexStatus()).isEqualTo(IndexStatus.DELETING);
      assertError(() -> table.deleteIndex(client), "ResourceInUseException", "Attempt to change a resource which is "
          + "still in use: Index is being deleted. Table: orders Index: byAddress");
      assertValidation(() -> queryIndex(west), NO_INDEX);

      table.clock.advance(STATUS_DELAY.minusSeconds(5)); // when the index would have been ACTIVE
      assertThat(table.describeIndex().indexStatus()).isEqualTo(IndexStatus.DELETING);
      assertThat(OnlineIndexTable.describeIndex(west).indexStatus()).isEqualTo(IndexStatus.DELETING);
      table.clock.advance(Duration.ofSeconds(5));
      for (DynamoDbClient region : List.of(client, west)) {
        assertThat(region.describeTable(r -> r.tableName("orders")).table().hasGlobalSecondaryIndexes()).isFalse();
        assertThat(region.getItem(r -> r.tableName("orders").key(item("pk", "o1"))).item()).isEqualTo(MISTYPED);
      }
    }
  }
}
