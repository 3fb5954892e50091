package dev.dynamodouble.core.sdk;

import static dev.dynamodouble.core.sdk.OnlineVectorIndexTable.DIMENSIONS;
import static dev.dynamodouble.core.sdk.OnlineVectorIndexTable.STATUS_DELAY;
import static dev.dynamodouble.core.sdk.OnlineVectorIndexTable.doc;
import static dev.dynamodouble.core.sdk.OnlineVectorIndexTable.vector;
import static dev.dynamodouble.core.sdk.SdkTestSupport.assertError;
import static dev.dynamodouble.core.sdk.SdkTestSupport.assertValidation;
import static dev.dynamodouble.core.sdk.SdkTestSupport.attr;
import static dev.dynamodouble.core.sdk.SdkTestSupport.hash;
import static dev.dynamodouble.core.sdk.SdkTestSupport.item;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexUpdate;
import software.amazon.awssdk.services.dynamodb.model.IndexStatus;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;
import software.amazon.awssdk.services.dynamodb.model.VectorDistanceFunction;
import software.amazon.awssdk.services.dynamodb.model.VectorIndexDescription;

/**
 * A vector index added with UpdateTable goes through a global index's phases: CREATING with
 * Backfilling false while it allocates its resources (the table UPDATING, a Delete of it refused),
 * CREATING with Backfilling true (the table ACTIVE, a Delete of it accepted: its creation
 * cancelled), then ACTIVE; SearchVectors answers only once it is ACTIVE (before, as for an index it
 * does not have while the index allocates, "Cannot search backfilling" while it backfills: the
 * developer guide's "Troubleshooting vector indexes" lists both). Writes that violate it
 * are refused from its creation on ("Write rejected"). One created with its table is CREATING with
 * the table and ACTIVE with it.
 */
class VectorIndexPhasesTest {
  private static final String ALLOCATING = "Attempt to change a resource which is still in use: Index creation is in "
      + "resource allocation phase. Retry deletion during backfilling phase or when the index is active. Table: "
      + "docs Index: vec";
  private static final String NOT_THERE_YET = "The table does not have the specified index: vec";
  private static final String NOT_SEARCHABLE = "Cannot search backfilling vector index: vec";
  private static final String ONE_AT_A_TIME = "Subscriber limit exceeded: Only 1 online index can be created or "
      + "deleted simultaneously per table";
  private static final Duration HALF = STATUS_DELAY.dividedBy(2);

  private final OnlineVectorIndexTable table = new OnlineVectorIndexTable();
  private final DynamoDbClient client = table.client;

  @AfterEach
  void stop() {
    table.close();
  }

  @Test
  void anIndexAddedOnlineAllocatesThenBackfillsThenIsActiveAndSearchableOnlyThen() {
    table.put(doc("before", 1, 0));
    TableDescription answer = table.addIndex();
    assertThat(answer.tableStatus()).isEqualTo(TableStatus.UPDATING);
    assertThat(answer.vectorIndexes().get(0).indexStatus()).isEqualTo(IndexStatus.CREATING);
    assertThat(answer.vectorIndexes().get(0).backfilling()).isFalse();
    table.assertPhase(TableStatus.UPDATING, IndexStatus.CREATING, false);
    assertValidation(() -> table.search(1, 0), NOT_THERE_YET);

    table.startBackfill();
    assertValidation(() -> table.search(1, 0), NOT_SEARCHABLE);
    table.put(doc("during", 0, 1));

    table.activate();
    assertThat(table.search(1, 0)).containsExactly("before", "during");
    assertThat(table.describe().vectorIndexes().get(0).itemCount()).isEqualTo(2L);
  }

  @Test
  void writesThatViolateTheIndexAreRefusedInBothPhasesOfItsCreation() {
    table.addIndex();
    assertValidation(() -> table.put(item("pk", "bad", "emb", vector(1, 2, 3))), DIMENSIONS);
    table.startBackfill();
    assertValidation(() -> table.put(item("pk", "bad", "emb", vector(1, 2, 3))), DIMENSIONS);
    assertThat(client.getItem(r -> r.tableName("docs").key(item("pk", "bad"))).hasItem()).isFalse();
  }

  @Test
  void aDeleteWhileTheIndexAllocatesIsRefusedThenAcceptedOnceItBackfillsAndTheIndexIsNeverActive() {
    table.addIndex();
    assertError(() -> table.deleteIndex(), "ResourceInUseException", ALLOCATING);
    table.assertPhase(TableStatus.UPDATING, IndexStatus.CREATING, false);

    table.startBackfill();
    TableDescription answer = table.deleteIndex();
    assertThat(answer.tableStatus()).isEqualTo(TableStatus.UPDATING);
    assertThat(answer.vectorIndexes().get(0).indexStatus()).isEqualTo(IndexStatus.DELETING);
    assertValidation(() -> table.search(1, 0), NOT_THERE_YET);
    table.put(item("pk", "after", "emb", vector(1, 2, 3))); // an index being deleted refuses nothing

    table.clock.advance(HALF); // when the index would have been ACTIVE
    table.assertPhase(TableStatus.UPDATING, IndexStatus.DELETING, null);
    table.clock.advance(HALF); // the status delay after the delete
    TableDescription gone = table.describe();
    assertThat(gone.tableStatus()).isEqualTo(TableStatus.ACTIVE);
    assertThat(gone.hasVectorIndexes()).isFalse();
    assertThat(gone.attributeDefinitions()).extracting(AttributeDefinition::attributeName).containsExactly("pk");
    assertThat(client.getItem(r -> r.tableName("docs").key(item("pk", "after"))).item()).containsKey("emb");
  }

  @Test
  void whileTheIndexBackfillsTheTableIsActiveButCannotBeDeletedNorGetAnotherIndexOfEitherKind() {
    table.addIndex();
    assertError(() -> client.updateTable(r -> r.tableName("docs").deletionProtectionEnabled(true)),
        "ResourceInUseException", "Attempt to change a resource which is still in use: Table is being updated: docs");
    assertError(() -> client.deleteTable(r -> r.tableName("docs")), "ResourceInUseException",
        PhasedIndexTable.INDEXES_IN_FLIGHT);
    table.startBackfill();
    assertError(() -> client.deleteTable(r -> r.tableName("docs")), "ResourceInUseException",
        PhasedIndexTable.INDEXES_IN_FLIGHT);
    assertError(() -> client.updateTable(r -> r.tableName("docs").vectorIndexUpdates(u -> u.create(c -> c
            .indexName("other").dimensions(2L).distanceFunction(VectorDistanceFunction.COSINE)
            .vectorAttribute(v -> v.attributeName("emb")).projection(p -> p.projectionType(ProjectionType.ALL))))),
        "LimitExceededException", ONE_AT_A_TIME);
    assertError(() -> client.updateTable(r -> r.tableName("docs").attributeDefinitions(attr("zip", ScalarAttributeType.S))
            .globalSecondaryIndexUpdates(GlobalSecondaryIndexUpdate.builder().create(c -> c.indexName("byZip")
                .keySchema(hash("zip")).projection(p -> p.projectionType(ProjectionType.KEYS_ONLY))).build())),
        "LimitExceededException", ONE_AT_A_TIME);
    client.updateTable(r -> r.tableName("docs").deletionProtectionEnabled(false)); // other changes are taken
    table.assertPhase(TableStatus.ACTIVE, IndexStatus.CREATING, true);

    table.activate();
    client.deleteTable(r -> r.tableName("docs")); // every index ACTIVE
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
          for (int i = 0; i < 50; i++) {
            table.put(doc(writer + "-" + i, i, writer));
          }
        }));
      }
      table.startBackfill();
      table.deleteIndex();
      table.clock.advance(STATUS_DELAY);
      for (Future<?> writes : done) {
        writes.get();
      }
    } finally {
      writers.shutdown();
    }
    assertThat(table.describe().hasVectorIndexes()).isFalse();
    assertThat(client.scan(r -> r.tableName("docs")).count()).isEqualTo(200);
  }

  @Test
  void anIndexCreatedWithItsTableIsCreatingWithItAndActiveWithIt() {
    TableDescription created = client.createTable(r -> r.tableName("born").billingMode("PAY_PER_REQUEST")
        .keySchema(hash("pk")).attributeDefinitions(attr("pk", ScalarAttributeType.S))
        .vectorIndexes(v -> v.indexName("vec").dimensions(2L).distanceFunction(VectorDistanceFunction.EUCLIDEAN)
            .vectorAttribute(a -> a.attributeName("emb")).projection(p -> p.projectionType(ProjectionType.ALL))))
        .tableDescription();
    assertThat(created.tableStatus()).isEqualTo(TableStatus.CREATING);
    assertCreatedWith(created.vectorIndexes().get(0), IndexStatus.CREATING);
    TableDescription creating = client.describeTable(r -> r.tableName("born")).table();
    assertThat(creating.tableStatus()).isEqualTo(TableStatus.CREATING);
    assertCreatedWith(creating.vectorIndexes().get(0), IndexStatus.CREATING);

    table.clock.advance(STATUS_DELAY);
    TableDescription active = client.describeTable(r -> r.tableName("born")).table();
    assertThat(active.tableStatus()).isEqualTo(TableStatus.ACTIVE);
    assertCreatedWith(active.vectorIndexes().get(0), IndexStatus.ACTIVE);
    client.putItem(r -> r.tableName("born").item(item("pk", "p", "emb", vector(3, 4))));
    assertThat(client.searchVectors(r -> r.tableName("born").indexName("vec").topK(1).searchVector(vector(0, 0).l()))
        .searchResults().get(0).score()).isEqualTo(5.0);
  }

  /** An index created with its table never backfills: no Backfilling member. */
  private static void assertCreatedWith(VectorIndexDescription index, IndexStatus status) {
    assertThat(index.indexStatus()).isEqualTo(status);
    assertThat(index.backfilling()).isNull();
  }
}
