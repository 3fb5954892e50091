package dev.dynamodouble.core.sdk;

import static dev.dynamodouble.core.sdk.SdkTestSupport.item;
import static dev.dynamodouble.core.sdk.SdkTestSupport.n;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dynamodouble.core.DynamoDouble;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;

/**
 * Single-item writes from real threads at once, through the SDK. A table nobody follows is written
 * under the shared side of the engine's lock, each write committing only over the root it read
 * (ItemWrites): no update may be lost and a condition must hold at its commit. A table with a
 * stream is written one commit at a time, and its stream must tell every change in order.
 */
class ConcurrentItemWritesTest {
  static final int THREADS = 4;
  static final int WRITES = 250; // per thread

  static DynamoDouble dynamo;
  static DynamoDbClient client;

  @BeforeAll
  static void start() {
    dynamo = DynamoDouble.builder().start();
    client = SdkTestSupport.client(dynamo);
    SdkTestSupport.createTable(client, "counters", "pk", null);
    SdkTestSupport.createTable(client, "claims", "pk", null);
    SdkTestSupport.createTable(client, "followed", "pk", null);
  }

  @AfterAll
  static void stop() {
    client.close();
    dynamo.close();
  }

  /** Runs {@code task(thread)} on {@link #THREADS} threads released together; returns their results. */
  static <T> List<T> together(java.util.function.IntFunction<Callable<T>> task) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try {
      CountDownLatch go = new CountDownLatch(1);
      List<Future<T>> futures = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        Callable<T> body = task.apply(t);
        futures.add(pool.submit(() -> {
          go.await();
          return body.call();
        }));
      }
      go.countDown();
      List<T> results = new ArrayList<>();
      for (Future<T> future : futures) {
        results.add(future.get(2, TimeUnit.MINUTES));
      }
      return results;
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  @Timeout(value = 3, unit = TimeUnit.MINUTES)
  void noIncrementIsLostAndEveryPutLands() throws Exception {
    client.putItem(r -> r.tableName("counters").item(item("pk", "shared", "count", n("0"))));
    together(thread -> () -> {
      for (int i = 0; i < WRITES; i++) {
        increment("counters");
        String pk = "own-" + thread + "-" + i;
        client.putItem(r -> r.tableName("counters").item(item("pk", pk, "by", n(Integer.toString(thread)))));
      }
      return null;
    });
    assertThat(client.getItem(r -> r.tableName("counters").key(item("pk", "shared")).consistentRead(true))
        .item().get("count").n()).isEqualTo(Integer.toString(THREADS * WRITES));
    assertThat(client.scan(r -> r.tableName("counters").select("COUNT")).count()).isEqualTo(1 + THREADS * WRITES);
  }

  @Test
  @Timeout(value = 3, unit = TimeUnit.MINUTES)
  void aConditionHoldsAtItsCommitSoEachKeyIsClaimedOnce() throws Exception {
    int keys = 200;
    Map<String, Integer> owners = new ConcurrentHashMap<>();
    AtomicInteger refused = new AtomicInteger();
    together(thread -> () -> {
      for (int k = 0; k < keys; k++) {
        String pk = "key-" + ((k + thread * 50) % keys); // threads start apart and overlap everywhere
        try {
          client.putItem(r -> r.tableName("claims").item(item("pk", pk, "owner", n(Integer.toString(thread))))
              .conditionExpression("attribute_not_exists(pk)"));
          assertThat(owners.putIfAbsent(pk, thread)).as("second claim of %s", pk).isNull();
        } catch (ConditionalCheckFailedException e) {
          refused.incrementAndGet();
        }
      }
      return null;
    });
    assertThat(owners).hasSize(keys);
    assertThat(refused.get()).isEqualTo((THREADS - 1) * keys);
    owners.forEach((pk, owner) -> assertThat(client.getItem(r -> r.tableName("claims").key(item("pk", pk))
        .consistentRead(true)).item().get("owner").n()).as("owner of %s", pk).isEqualTo(owner.toString()));
  }

  @Test
  @Timeout(value = 3, unit = TimeUnit.MINUTES)
  void aFollowedTableTellsEveryChangeInCommitOrder() throws Exception {
    String arn = client.updateTable(r -> r.tableName("followed").streamSpecification(s -> s.streamEnabled(true)
        .streamViewType(StreamViewType.NEW_AND_OLD_IMAGES))).tableDescription().latestStreamArn();
    client.putItem(r -> r.tableName("followed").item(item("pk", "shared", "count", n("0"))));
    together(thread -> () -> {
      for (int i = 0; i < WRITES; i++) {
        increment("followed");
      }
      return null;
    });
    List<Record> records = StreamsTest.readAll(StreamsTest.streamsClient(dynamo), arn);
    assertThat(records).hasSize(1 + THREADS * WRITES);
    for (int i = 1; i < records.size(); i++) { // each MODIFY follows the change before it, one by one
      Map<String, AttributeValue> old = records.get(i).dynamodb().oldImage();
      Map<String, AttributeValue> now = records.get(i).dynamodb().newImage();
      assertThat(old.get("count").n()).isEqualTo(Integer.toString(i - 1));
      assertThat(now.get("count").n()).isEqualTo(Integer.toString(i));
    }
  }

  private static void increment(String table) {
    client.updateItem(r -> r.tableName(table).key(item("pk", "shared"))
        .updateExpression("ADD #c :one").expressionAttributeNames(Map.of("#c", "count"))
        .expressionAttributeValues(Map.of(":one", n("1"))));
  }
}
