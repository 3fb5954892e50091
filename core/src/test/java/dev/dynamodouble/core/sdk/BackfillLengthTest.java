package dev.dynamodouble.core.sdk;

import static dev.dynamodouble.core.sdk.OnlineIndexTable.INDEX;
import static dev.dynamodouble.core.sdk.OnlineIndexTable.STATUS_DELAY;
import static dev.dynamodouble.core.sdk.SdkTestSupport.item;
import static dev.dynamodouble.core.sdk.SdkTestSupport.n;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.IndexStatus;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * A global secondary index's backfill reads every item of its table, so it lasts longer on a larger
 * table: half the status delay up to 1,000 items, then half a delay per 1,000 items (5,000 items:
 * five half delays), all on the engine clock. A vector index's does not: its length is set by the
 * index's construction, not by the item count (the developer guide). A backfill that is cancelled
 * never ends a later creation of an index of the same name.
 */
class BackfillLengthTest {
  private static final Duration HALF = STATUS_DELAY.dividedBy(2);
  private static final int LARGE = 5_000;

  /** Writes {@code count} items made by {@code item} into {@code table}, 25 a BatchWriteItem. */
  private static void batchWrite(DynamoDbClient client, String table, int count,
                                 IntFunction<Map<String, AttributeValue>> item) {
    List<WriteRequest> batch = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      Map<String, AttributeValue> next = item.apply(i);
      batch.add(WriteRequest.builder().putRequest(p -> p.item(next)).build());
      if (batch.size() == 25 || i == count - 1) {
        List<WriteRequest> requests = List.copyOf(batch);
        assertThat(client.batchWriteItem(r -> r.requestItems(Map.of(table, requests))).unprocessedItems()).isEmpty();
        batch.clear();
      }
    }
  }

  private static void fillOrders(OnlineIndexTable table, int count) {
    batchWrite(table.client, "orders", count, i -> item("pk", "o" + i, "city", "c" + (i % 7), "street", "s" + i));
  }

  @Test
  void aSmallTableBackfillsForHalfTheStatusDelay() {
    try (OnlineIndexTable table = new OnlineIndexTable()) {
      fillOrders(table, 1_000);
      table.addIndex();
      table.startBackfill();
      table.activate(); // half a delay after the backfill started, as with an empty table
      assertThat(table.indexedKeys()).hasSize(1_000);
    }
  }

  @Test
  void aLargeTableStaysBackfillingProportionallyLonger() {
    try (OnlineIndexTable table = new OnlineIndexTable()) {
      fillOrders(table, LARGE);
      table.addIndex();
      table.startBackfill();
      table.clock.advance(HALF); // when a small table's index is ACTIVE
      table.assertPhase(TableStatus.ACTIVE, IndexStatus.CREATING, true);

      table.clock.advance(HALF.multipliedBy(LARGE / 1_000 - 1).minusMillis(1));
      table.assertPhase(TableStatus.ACTIVE, IndexStatus.CREATING, true);
      table.clock.advance(Duration.ofMillis(1)); // five half delays after the backfill started
      table.assertPhase(TableStatus.ACTIVE, IndexStatus.ACTIVE, null);
      assertThat(table.indexedKeys()).hasSize(LARGE);
    }
  }

  @Test
  void aCancelledLongBackfillDoesNotEndTheNextCreationOfTheSameIndex() {
    try (OnlineIndexTable table = new OnlineIndexTable()) {
      fillOrders(table, LARGE);
      table.addIndex(); // t = 0; its backfill would end at 15 s + 75 s = 90 s
      table.startBackfill(); // t = 15 s
      table.deleteIndex(table.client);
      table.clock.advance(STATUS_DELAY); // t = 45 s: gone
      assertThat(table.client.describeTable(r -> r.tableName("orders")).table().hasGlobalSecondaryIndexes()).isFalse();

      table.addIndex(); // t = 45 s
      table.startBackfill(); // t = 60 s; this backfill ends at 135 s
      table.clock.advance(Duration.ofSeconds(30)); // t = 90 s: the cancelled backfill's end is not this one's
      table.assertPhase(TableStatus.ACTIVE, IndexStatus.CREATING, true);
      table.clock.advance(Duration.ofSeconds(45)); // t = 135 s
      table.assertPhase(TableStatus.ACTIVE, IndexStatus.ACTIVE, null);
      assertThat(table.indexedKeys()).hasSize(LARGE);
    }
  }

  @Test
  void aVectorIndexBackfillsForHalfTheStatusDelayWhateverTheTableHolds() {
    try (OnlineVectorIndexTable table = new OnlineVectorIndexTable()) {
      batchWrite(table.client, "docs", LARGE, i -> OnlineVectorIndexTable.doc("d" + i, i % 10, 1));
      table.put(item("pk", "other", "grp", n("2"), "emb", OnlineVectorIndexTable.vector(0, 0)));
      table.addIndex();
      table.startBackfill();
      table.activate();
      assertThat(table.search(0, 1)).hasSize(10);
    }
  }
}
