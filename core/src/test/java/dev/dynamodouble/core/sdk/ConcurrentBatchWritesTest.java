package dev.dynamodouble.core.sdk;

import static dev.dynamodouble.core.sdk.ConcurrentItemWritesTest.THREADS;
import static dev.dynamodouble.core.sdk.ConcurrentItemWritesTest.together;
import static dev.dynamodouble.core.sdk.SdkTestSupport.attr;
import static dev.dynamodouble.core.sdk.SdkTestSupport.hash;
import static dev.dynamodouble.core.sdk.SdkTestSupport.item;
import static dev.dynamodouble.core.sdk.SdkTestSupport.s;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dynamodouble.core.DynamoDouble;
import dev.dynamodouble.core.transaction.InFlightHold;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.DeleteRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * BatchWriteItems from real threads at once, through the SDK. To tables nobody follows they run
 * under the shared side of the engine's lock, each table's part committing only over the root it
 * was applied to (BatchWrites): no write may be lost or applied twice, and each is paid once. A
 * table with a stream is written one batch at a time, and its stream tells every write once, in order.
 */
class ConcurrentBatchWritesTest {
  static final int BATCHES = 40; // per thread
  static final int SIZE = 25;

  static DynamoDouble dynamo;
  static DynamoDbClient client;

  @BeforeAll
  static void start() {
    // Unthrottled: a throttled write comes back unprocessed, and these tests count every write.
    // What each write consumed is still returned (ConsumedCapacity), from the same loop that charges it.
    dynamo = DynamoDouble.builder().capacityEnforcement(false).start();
    client = SdkTestSupport.client(dynamo);
    for (String table : List.of("distinct", "overlapping", "streamed", "free", "held")) {
      SdkTestSupport.createTable(client, table, "pk", null);
    }
    client.createTable(r -> r.tableName("paid").billingMode(BillingMode.PAY_PER_REQUEST).keySchema(hash("pk"))
        .attributeDefinitions(attr("pk", ScalarAttributeType.S), attr("g", ScalarAttributeType.S))
        .globalSecondaryIndexes(GlobalSecondaryIndex.builder().indexName("byG").keySchema(hash("g"))
            .projection(Projection.builder().projectionType(ProjectionType.ALL).build()).build()));
  }

  @AfterAll
  static void stop() {
    client.close();
    dynamo.close();
  }

  @Test
  @Timeout(value = 3, unit = TimeUnit.MINUTES)
  void everyPutOfEveryBatchLands() throws Exception {
    together(thread -> () -> {
      for (int b = 0; b < BATCHES; b++) {
        List<WriteRequest> puts = new ArrayList<>();
        for (int i = 0; i < SIZE; i++) {
          puts.add(put(item("pk", thread + "-" + b + "-" + i)));
        }
        assertThat(write("distinct", puts, null).unprocessedItems()).isEmpty();
      }
      return null;
    });
    Set<String> keys = new HashSet<>();
    client.scanPaginator(r -> r.tableName("distinct").consistentRead(true)).items()
        .forEach(i -> keys.add(i.get("pk").s()));
    assertThat(keys).as("a lost update leaves an item missing").hasSize(THREADS * BATCHES * SIZE);
  }

  @Test
  @Timeout(value = 3, unit = TimeUnit.MINUTES)
  void overlappingPutsAndDeletesEndAsSomeSerialOrderLeavesEachKey() throws Exception {
    int keys = 40;
    // Each thread's last write to each key: its value, or null for a delete. In any serial order a
    // key ends as the last write some thread made to it (a thread's own batches are in order).
    List<Map<String, String>> lastWrites = together(thread -> () -> {
      Map<String, String> last = new HashMap<>();
      for (int b = 0; b < BATCHES; b++) {
        List<WriteRequest> batch = new ArrayList<>();
        for (int i = 0; i < SIZE; i++) {
          String pk = "k" + ((b * 7 + i + thread * 10) % keys); // 25 distinct keys of 40, shifting
          if ((b + i + thread) % 4 == 0) {
            batch.add(delete(pk));
            last.put(pk, null);
          } else {
            String value = thread + "/" + b;
            batch.add(put(item("pk", pk, "v", value)));
            last.put(pk, value);
          }
        }
        assertThat(write("overlapping", batch, null).unprocessedItems()).isEmpty();
      }
      return last;
    });
    for (int k = 0; k < keys; k++) {
      String pk = "k" + k;
      Map<String, AttributeValue> found = client.getItem(r -> r.tableName("overlapping").key(item("pk", pk))
          .consistentRead(true)).item();
      Set<String> possible = new HashSet<>();
      boolean deletable = false;
      for (Map<String, String> last : lastWrites) {
        if (last.containsKey(pk)) {
          deletable |= last.get(pk) == null;
          possible.add(last.get(pk));
        }
      }
      if (found == null || found.isEmpty()) {
        assertThat(deletable).as("%s absent though no thread's last write deleted it", pk).isTrue();
      } else {
        assertThat(possible).as("value of %s", pk).contains(found.get("v").s());
      }
    }
  }

  @Test
  @Timeout(value = 3, unit = TimeUnit.MINUTES)
  void aStreamedTableTellsEveryBatchWriteOnceInCommitOrder() throws Exception {
    String arn = client.updateTable(r -> r.tableName("streamed").streamSpecification(s -> s.streamEnabled(true)
        .streamViewType(StreamViewType.NEW_AND_OLD_IMAGES))).tableDescription().latestStreamArn();
    int batches = 20;
    together(thread -> () -> {
      for (int b = 0; b < batches; b++) {
        List<WriteRequest> puts = new ArrayList<>();
        for (int i = 0; i < SIZE; i++) { // every thread writes the same keys: each key's chain interleaves threads
          puts.add(put(item("pk", "k" + i, "v", thread + "/" + b)));
        }
        assertThat(write("streamed", puts, null).unprocessedItems()).isEmpty();
      }
      return null;
    });
    List<Record> records = StreamsTest.readAll(StreamsTest.streamsClient(dynamo), arn);
    assertThat(records).hasSize(THREADS * batches * SIZE);
    Map<String, String> latest = new HashMap<>();
    Set<String> told = new HashSet<>();
    Map<String, Integer> lastBatchOfThread = new HashMap<>();
    for (Record record : records) {
      String pk = record.dynamodb().keys().get("pk").s();
      Map<String, AttributeValue> old = record.dynamodb().oldImage();
      String value = record.dynamodb().newImage().get("v").s();
      // each record follows the one before it for the same key: none lost, none out of order
      assertThat(old == null || old.isEmpty() ? null : old.get("v").s()).as("old image of %s", pk)
          .isEqualTo(latest.get(pk));
      assertThat(told.add(pk + "=" + value)).as("%s=%s told twice", pk, value).isTrue();
      String[] parts = value.split("/");
      String threadKey = pk + "@" + parts[0];
      int batch = Integer.parseInt(parts[1]);
      assertThat(batch).as("a thread's batches to %s in order", pk).isGreaterThan(lastBatchOfThread.getOrDefault(threadKey, -1));
      lastBatchOfThread.put(threadKey, batch);
      latest.put(pk, value);
    }
  }

  @Test
  @Timeout(value = 3, unit = TimeUnit.MINUTES)
  void eachWriteIsPaidOnceFromTheItemItReplaced() throws Exception {
    String payload = SdkTestSupport.repeat('x', 2500); // a new item costs 3 units in the table and in the index
    int perThread = 20; // batches; every key is put by one thread, then deleted by two
    List<Double> putTotals = together(thread -> () -> {
      double total = 0;
      for (int b = 0; b < perThread; b++) {
        List<WriteRequest> puts = new ArrayList<>();
        for (int i = 0; i < SIZE; i++) {
          puts.add(put(item("pk", thread + "-" + b + "-" + i, "g", "group", "payload", payload)));
        }
        List<ConsumedCapacity> consumed = write("paid", puts, ReturnConsumedCapacity.TOTAL).consumedCapacity();
        assertThat(consumed).hasSize(1);
        total += consumed.get(0).capacityUnits();
      }
      return total;
    });
    int items = THREADS * perThread * SIZE;
    assertThat(putTotals.stream().mapToDouble(Double::doubleValue).sum()).isEqualTo(items * 6.0);

    // Thread t deletes its own keys and those of thread t + 1, interleaved: every key is deleted
    // twice at once. Whichever delete commits first pays for the item (3 + 3 in the index), the
    // other for nothing there (1 + 0): a retried delete paying from its first attempt pays 3 twice.
    List<double[]> deleteTotals = together(thread -> () -> {
      double[] total = new double[3]; // table, index, all
      for (int b = 0; b < perThread; b++) {
        for (int owner : new int[] {thread, (thread + 1) % THREADS}) {
          List<WriteRequest> deletes = new ArrayList<>();
          for (int i = 0; i < SIZE; i++) {
            deletes.add(delete(owner + "-" + b + "-" + i));
          }
          ConsumedCapacity consumed = write("paid", deletes, ReturnConsumedCapacity.INDEXES).consumedCapacity().get(0);
          total[0] += consumed.table().capacityUnits();
          total[1] += consumed.hasGlobalSecondaryIndexes() && consumed.globalSecondaryIndexes().containsKey("byG")
              ? consumed.globalSecondaryIndexes().get("byG").capacityUnits() : 0;
          total[2] += consumed.capacityUnits();
        }
      }
      return total;
    });
    double[] sum = new double[3];
    for (double[] total : deleteTotals) {
      for (int k = 0; k < 3; k++) {
        sum[k] += total[k];
      }
    }
    assertThat(sum).containsExactly(items * 4.0, items * 3.0, items * 7.0);
    assertThat(client.scan(r -> r.tableName("paid").select("COUNT")).count()).isZero();
  }

  /**
   * BatchWriteItem has never refused an item a transaction holds in flight (PutItem, UpdateItem and
   * DeleteItem answer TransactionConflict): it writes it, under either side of the lock.
   */
  @Test
  void anItemInFlightInATransactionIsWrittenOnEitherSideOfTheLock() {
    String arn = client.updateTable(r -> r.tableName("held").streamSpecification(s -> s.streamEnabled(true)
        .streamViewType(StreamViewType.KEYS_ONLY))).tableDescription().latestStreamArn();
    client.putItem(r -> r.tableName("free").item(item("pk", "held", "v", "before")));
    for (String table : List.of("free", "held")) { // nobody follows "free"; a stream follows "held"
      try (InFlightHold hold = dynamo.engine().transactions().holdInFlight("us-east-1", table, Map.of("pk",
          dev.dynamodouble.core.value.AttributeValue.string("held")))) {
        assertThat(write(table, List.of(put(item("pk", "held", "v", "batch"))), null).unprocessedItems()).isEmpty();
      }
      assertThat(client.getItem(r -> r.tableName(table).key(item("pk", "held")).consistentRead(true)).item().get("v"))
          .isEqualTo(s("batch"));
    }
    assertThat(StreamsTest.readAll(StreamsTest.streamsClient(dynamo), arn)).hasSize(1);
  }

  private static BatchWriteItemResponse write(String table, List<WriteRequest> writes, ReturnConsumedCapacity mode) {
    return client.batchWriteItem(r -> r.requestItems(Map.of(table, writes)).returnConsumedCapacity(mode));
  }

  private static WriteRequest put(Map<String, AttributeValue> item) {
    return WriteRequest.builder().putRequest(PutRequest.builder().item(item).build()).build();
  }

  private static WriteRequest delete(String pk) {
    return WriteRequest.builder().deleteRequest(DeleteRequest.builder().key(item("pk", pk)).build()).build();
  }
}
