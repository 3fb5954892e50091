package dev.dynamodouble.core.sdk;

import static dev.dynamodouble.core.sdk.BatchTest.put;
import static dev.dynamodouble.core.sdk.LockWindows.join;
import static dev.dynamodouble.core.sdk.LockWindows.whileParked;
import static dev.dynamodouble.core.sdk.OnlineIndexTable.MISMATCH;
import static dev.dynamodouble.core.sdk.OnlineIndexTable.MISTYPED;
import static dev.dynamodouble.core.sdk.SdkTestSupport.assertValidation;
import static dev.dynamodouble.core.sdk.SdkTestSupport.item;
import static dev.dynamodouble.core.sdk.SdkTestSupport.n;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import dev.dynamodouble.core.operation.ItemWrites;
import dev.dynamodouble.core.transaction.WriteTransaction;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.IndexStatus;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * A write checked while a new global secondary index is being created (allocating its resources
 * or backfilling: either accepts an item violating its keys), which commits after the index turned
 * ACTIVE, is decided by the phase at its commit (the phase in which it takes effect): refused, as
 * the same write a moment later would be, never stored unindexed after the point from which the
 * index is documented to refuse it. Each test holds the window between the write's checks and its
 * commit open: the write waits for the lock this thread holds, and this thread moves the engine
 * clock on until the index is ACTIVE.
 */
class GlobalIndexActiveMidWriteTest {
  private final OnlineIndexTable table = new OnlineIndexTable(); // one per test: JUnit makes an instance per test
  private final DynamoDbClient client = table.client;

  @BeforeEach
  void addIndex() {
    table.addIndex();
  }

  @AfterEach
  void stop() {
    table.close();
  }

  @Test
  @Timeout(60)
  void aPutItemCheckedWhileTheIndexAllocatesIsRefusedWhenItTurnsActiveFirst() {
    CompletableFuture<Void> put = whileTheIndexTurnsActive(ItemWrites.class.getName(),
        () -> client.putItem(r -> r.tableName("orders").item(MISTYPED)));

    assertValidation(() -> join(put), MISMATCH);
    assertThat(table.tableKeys()).isEmpty();
  }

  @Test
  @Timeout(60)
  void anUpdateItemCheckedWhileTheIndexBackfillsIsRefusedWhenItTurnsActiveFirst() {
    client.putItem(r -> r.tableName("orders").item(item("pk", "o1", "city", "Oslo", "street", "Main")));
    table.startBackfill();
    CompletableFuture<Void> update = whileTheIndexTurnsActive(ItemWrites.class.getName(),
        () -> client.updateItem(r -> r.tableName("orders").key(item("pk", "o1"))
            .updateExpression("SET city = :n").expressionAttributeValues(Map.of(":n", n("7")))));

    assertValidation(() -> join(update), MISMATCH);
    assertThat(table.indexedKeys()).containsExactly("o1");
  }

  @Test
  @Timeout(60)
  void aBatchWriteItemCheckedWhileTheIndexAllocatesIsRefusedWholeWhenItTurnsActiveFirst() {
    CompletableFuture<Void> batch = whileTheIndexTurnsActive(ItemWrites.class.getPackageName() + ".BatchWrites",
        () -> client.batchWriteItem(r -> r.requestItems(Map.of("orders", List.of(
            put(item("pk", "fine", "city", "Oslo", "street", "Main")), put(MISTYPED))))));

    assertValidation(() -> join(batch), MISMATCH);
    assertThat(table.tableKeys()).as("nothing of the batch is written").isEmpty();
  }

  @Test
  @Timeout(60)
  void aTransactWriteItemsCheckedWhileTheIndexBackfillsIsCancelledWhenItTurnsActiveFirst() {
    table.startBackfill();
    CompletableFuture<Void> transaction = whileTheIndexTurnsActive(WriteTransaction.class.getName(),
        () -> client.transactWriteItems(r -> r.transactItems(TransactWriteItem.builder()
            .put(p -> p.tableName("orders").item(MISTYPED)).build())));

    TransactionCanceledException cancelled = catchThrowableOfType(TransactionCanceledException.class,
        () -> join(transaction));
    assertThat(cancelled).isNotNull();
    assertThat(cancelled.cancellationReasons()).extracting(CancellationReason::code, CancellationReason::message)
        .containsExactly(tuple("ValidationError", MISMATCH));
    assertThat(table.tableKeys()).isEmpty();
  }

  /**
   * Runs {@code write} on another thread and moves the clock on until the index is ACTIVE (from
   * either phase of its creation) once the write waits for the lock in {@code parkedIn}.
   */
  private CompletableFuture<Void> whileTheIndexTurnsActive(String parkedIn, Runnable write) {
    CompletableFuture<Void> started = whileParked(table.dynamo.engine(), parkedIn, write,
        () -> table.clock.advance(OnlineIndexTable.STATUS_DELAY));
    assertThat(table.describeIndex().indexStatus()).isEqualTo(IndexStatus.ACTIVE);
    return started;
  }
}
