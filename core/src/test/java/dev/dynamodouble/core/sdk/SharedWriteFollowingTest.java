package dev.dynamodouble.core.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynamodouble.core.DynamoDouble;
import dev.dynamodouble.core.engine.Engine;
import dev.dynamodouble.core.operation.ItemWrites;
import dev.dynamodouble.core.operation.RequestContext;
import dev.dynamodouble.core.table.ItemKey;
import dev.dynamodouble.core.table.StoredItem;
import dev.dynamodouble.core.table.Table;
import dev.dynamodouble.core.time.DynamoClock;
import dev.dynamodouble.core.time.ManualClock;
import dev.dynamodouble.core.value.AttributeValue;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * A single-item write runs under the shared side of the engine's lock only while nobody follows its
 * table; a subscriber that starts following must therefore do so under the exclusive side, or a
 * write that found the table unfollowed commits after the subscriber started and is never told to
 * it. A Kinesis destination turns ACTIVE (starts following) in a clock task, here while a write is
 * in progress: the write must be streamed if it commits once the destination is ACTIVE.
 */
class SharedWriteFollowingTest {
  private static final String STREAM = "arn:aws:kinesis:us-east-1:000000000000:stream/orders-cdc";

  private final ManualClock clock = DynamoClock.manual(Instant.parse("2024-01-01T00:00:00Z"));
  private DynamoDouble dynamo;
  private DynamoDbClient client;

  @BeforeEach
  void start() {
    dynamo = DynamoDouble.builder().clock(clock).statusDelay(Duration.ofSeconds(1)).start();
    client = SdkTestSupport.client(dynamo);
    SdkTestSupport.createTable(client, "orders", "pk", null);
    clock.advance(Duration.ofSeconds(1));
  }

  @AfterEach
  void stop() {
    client.close();
    dynamo.close();
  }

  @Test
  @Timeout(60)
  void aWriteCommittedAfterItsTablesKinesisDestinationTurnedActiveIsStreamed() throws Exception {
    client.enableKinesisStreamingDestination(r -> r.tableName("orders").streamArn(STREAM)); // ENABLING: not followed yet
    Engine engine = dynamo.engine();
    Table table = engine.region("us-east-1").find("orders");
    ItemKey key = table.keySchema().keyOfKey(Map.of("pk", AttributeValue.string("o1")));
    StoredItem item = StoredItem.of(Map.of("pk", AttributeValue.string("o1")));
    CountDownLatch changing = new CountDownLatch(1);
    CountDownLatch proceed = new CountDownLatch(1);

    // The window between "nobody follows the table" and the commit, held open (an OS preemption does the same).
    CompletableFuture<ItemWrites.Outcome> write = CompletableFuture.supplyAsync(() ->
        ItemWrites.apply(new RequestContext(engine, engine.region("us-east-1"), "r1", null), table, key, before -> {
          changing.countDown();
          await(proceed);
          return item;
        }));
    assertThat(changing.await(30, TimeUnit.SECONDS)).isTrue();
    AtomicReference<String> statusAtCommit = new AtomicReference<>();
    table.versions().addCommitListener((previous, next) -> statusAtCommit.set(status(table)));
    Thread advancing = new Thread(() -> clock.advance(Duration.ofSeconds(1))); // the destination's turn to ACTIVE
    advancing.start();
    // Either it turned ACTIVE beside the write in progress, or it waits for the write to finish first.
    while (!"ACTIVE".equals(status(table)) && advancing.getState() != Thread.State.WAITING) {
      Thread.onSpinWait();
    }
    proceed.countDown();
    write.get(30, TimeUnit.SECONDS);
    advancing.join(TimeUnit.SECONDS.toMillis(30));

    assertThat(status(table)).isEqualTo("ACTIVE");
    assertThat(client.getItem(r -> r.tableName("orders").key(SdkTestSupport.item("pk", SdkTestSupport.s("o1"))))
        .hasItem()).isTrue();
    if ("ACTIVE".equals(statusAtCommit.get())) {
      assertThat(dynamo.kinesis().records(STREAM)).as("the put committed while the destination was ACTIVE").hasSize(1);
    } else {
      assertThat(dynamo.kinesis().records(STREAM)).as("the put committed before the destination was ACTIVE").isEmpty();
    }
  }

  private String status(Table table) {
    return dynamo.kinesis().describe(table).get(0).status().name();
  }

  private static void await(CountDownLatch latch) {
    try {
      assertThat(latch.await(30, TimeUnit.SECONDS)).isTrue();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
