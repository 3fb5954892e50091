package dev.dynamodouble.core.capacity;

import static dev.dynamodouble.core.sdk.SdkTestSupport.attr;
import static dev.dynamodouble.core.sdk.SdkTestSupport.hash;
import static dev.dynamodouble.core.sdk.SdkTestSupport.item;
import static dev.dynamodouble.core.sdk.SdkTestSupport.range;
import static dev.dynamodouble.core.sdk.SdkTestSupport.s;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.dynamodouble.core.insights.ContributorInsights;
import dev.dynamodouble.core.insights.ContributorInsights.KeyCount;
import dev.dynamodouble.core.table.Table;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchStatementRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ContributorInsightsAction;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.ParameterizedStatement;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Contributor Insights' most throttled keys, driven by real throttling: provisioned tables with a
 * few units a second on a manual clock, refused requests counted on the keys they name, in both
 * modes, and the accessed keys only in ACCESSED_AND_THROTTLED_KEYS; PartiQL requests not at all.
 */
class ContributorInsightsThrottledKeysTest extends ManualEndpointTest {
  private static final String THROTTLED_KEYS = "THROTTLED_KEYS";
  private static final String DEFAULT_MODE = "ACCESSED_AND_THROTTLED_KEYS";

  /** Creates provisioned table {@code name} keyed by strings pk and sk, with {@code read} and {@code write} units. */
  private void createTable(String name, long read, long write) {
    client.createTable(r -> r.tableName(name).keySchema(hash("pk"), range("sk"))
        .attributeDefinitions(attr("pk", ScalarAttributeType.S), attr("sk", ScalarAttributeType.S))
        .provisionedThroughput(p -> p.readCapacityUnits(read).writeCapacityUnits(write)));
  }

  /** Creates table "tbl" (pk, sk; 50 units each) with GSI "byG" on string gk with {@code indexRead} / {@code indexWrite} units. */
  private void createTableWithIndex(long indexRead, long indexWrite) {
    client.createTable(r -> r.tableName("tbl").keySchema(hash("pk"), range("sk"))
        .attributeDefinitions(attr("pk", ScalarAttributeType.S), attr("sk", ScalarAttributeType.S),
            attr("gk", ScalarAttributeType.S))
        .provisionedThroughput(p -> p.readCapacityUnits(50L).writeCapacityUnits(50L))
        .globalSecondaryIndexes(GlobalSecondaryIndex.builder().indexName("byG").keySchema(hash("gk"))
            .projection(p -> p.projectionType(ProjectionType.ALL))
            .provisionedThroughput(p -> p.readCapacityUnits(indexRead).writeCapacityUnits(indexWrite)).build()));
  }

  private void enable(String table, String index, String mode) {
    client.updateContributorInsights(r -> r.tableName(table).indexName(index)
        .contributorInsightsAction(ContributorInsightsAction.ENABLE).contributorInsightsMode(mode));
  }

  private ContributorInsights insights() {
    return dynamo.engine().contributorInsights();
  }

  private Table table(String name) {
    return dynamo.engine().region("us-east-1").find(name);
  }

  private List<KeyCount> throttled(String table, String index, boolean fullKey) {
    return insights().topThrottledKeys(table(table), index, fullKey, 10);
  }

  private List<KeyCount> accessed(String table, String index, boolean fullKey) {
    return insights().topKeys(table(table), index, fullKey, 10);
  }

  private static boolean isThrottled(Runnable request) {
    return catchThrowableOfType(ProvisionedThroughputExceededException.class, request::run) != null;
  }

  private void put(String table, String pk, String sk) {
    client.putItem(r -> r.tableName(table).item(item("pk", pk, "sk", sk)));
  }

  private static List<WriteRequest> puts(String prefix, int n) {
    List<WriteRequest> writes = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      writes.add(WriteRequest.builder().putRequest(PutRequest.builder().item(item("pk", prefix + i, "sk", "s")).build())
          .build());
    }
    return writes;
  }

  @Test
  void inThrottledKeysModeTheThrottledRequestsAreCountedAndNoAccess() {
    createTable("tbl", 5, 5);
    enable("tbl", null, THROTTLED_KEYS);
    for (int i = 0; i < 5; i++) {
      put("tbl", "hot", "s" + i); // five 1 KB writes take the five units of the second
    }
    assertThat(isThrottled(() -> put("tbl", "hot", "s9"))).isTrue();
    assertThat(isThrottled(() -> put("tbl", "cold", "s1"))).isTrue();
    assertThat(isThrottled(() -> client.deleteItem(r -> r.tableName("tbl").key(item("pk", "hot", "sk", "s0"))))).isTrue();
    client.getItem(r -> r.tableName("tbl").key(item("pk", "hot", "sk", "s0"))); // reads have units left

    assertThat(throttled("tbl", null, false)).containsExactly(new KeyCount("hot", 2), new KeyCount("cold", 1));
    assertThat(throttled("tbl", null, true)).containsExactly(
        new KeyCount("cold,s1", 1), new KeyCount("hot,s0", 1), new KeyCount("hot,s9", 1));
    assertThat(accessed("tbl", null, false)).isEmpty();
  }

  @Test
  void theDefaultModeCountsAccessedAndThrottledKeys() {
    createTable("tbl", 5, 5);
    enable("tbl", null, null);
    for (int i = 0; i < 5; i++) {
      put("tbl", "hot", "s" + i);
    }
    assertThat(isThrottled(() -> put("tbl", "hot", "s9"))).isTrue();
    client.getItem(r -> r.tableName("tbl").key(item("pk", "hot", "sk", "s0")));

    assertThat(accessed("tbl", null, false)).containsExactly(new KeyCount("hot", 6)); // not the throttled put
    assertThat(throttled("tbl", null, false)).containsExactly(new KeyCount("hot", 1));
    assertThat(throttled("tbl", null, true)).containsExactly(new KeyCount("hot,s9", 1));

    clock.advance(Duration.ofSeconds(1)); // refilled: the retry goes through, counted accessed
    put("tbl", "hot", "s9");
    assertThat(accessed("tbl", null, true)).contains(new KeyCount("hot,s9", 1));
    assertThat(throttled("tbl", null, false)).containsExactly(new KeyCount("hot", 1));
  }

  @Test
  void concurrentClientsSeeAsManyThrottlesAsAreCounted() throws Exception {
    createTable("tbl", 5, 5);
    enable("tbl", null, DEFAULT_MODE);
    int threads = 8;
    int putsEach = 20;
    AtomicInteger seen = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        String sk = "t" + t;
        done.add(pool.submit(() -> {
          for (int i = 0; i < putsEach; i++) {
            if (isThrottled(() -> put("tbl", "hot", sk))) {
              seen.incrementAndGet();
            }
          }
        }));
      }
      for (Future<?> f : done) {
        f.get();
      }
    } finally {
      pool.shutdown();
    }
    assertThat(seen.get()).isPositive();
    assertThat(throttled("tbl", null, false)).containsExactly(new KeyCount("hot", seen.get()));
    assertThat(accessed("tbl", null, false)).containsExactly(new KeyCount("hot", threads * putsEach - seen.get()));
  }

  @Test
  void aThrottledQueryCountsItsPartitionOnTheIndexItReads() {
    createTableWithIndex(1, 50);
    client.putItem(r -> r.tableName("tbl").item(item("pk", "p1", "sk", "1", "gk", "g1")));
    enable("tbl", null, THROTTLED_KEYS);
    enable("tbl", "byG", THROTTLED_KEYS);
    int throttles = 0;
    for (int i = 0; i < 5; i++) { // one read unit a second: a few Queries of the index, then throttles
      if (isThrottled(() -> client.query(r -> r.tableName("tbl").indexName("byG").keyConditionExpression("gk = :g")
          .expressionAttributeValues(Map.of(":g", s("g1")))))) {
        throttles++;
      }
    }
    assertThat(throttles).isPositive();
    assertThat(throttled("tbl", "byG", false)).containsExactly(new KeyCount("g1", throttles));
    assertThat(throttled("tbl", "byG", true)).containsExactly(new KeyCount("g1", throttles));
    assertThat(throttled("tbl", null, false)).isEmpty(); // the table was not throttled
  }

  @Test
  void aThrottledScanCountsTheKeyItResumesAfter() {
    createTable("tbl", 5, 50);
    for (int i = 0; i < 9; i++) {
      put("tbl", "p" + i, "s");
    }
    enable("tbl", null, THROTTLED_KEYS);
    Map<String, AttributeValue> start = null;
    Map<String, AttributeValue> refusedAt = null;
    for (int i = 0; i < 8 && refusedAt == null; i++) { // strongly consistent pages of one item: one unit each
      Map<String, AttributeValue> from = start;
      try {
        ScanResponse page = client.scan(r -> r.tableName("tbl").limit(1).consistentRead(true).exclusiveStartKey(from));
        start = page.lastEvaluatedKey();
      } catch (ProvisionedThroughputExceededException e) {
        refusedAt = from;
      }
    }
    assertThat(refusedAt).isNotNull();
    String key = refusedAt.get("pk").s() + ",s";
    assertThat(throttled("tbl", null, true)).containsExactly(new KeyCount(key, 1));

    assertThat(isThrottled(() -> client.scan(r -> r.tableName("tbl")))).isTrue(); // a first page names no key
    assertThat(throttled("tbl", null, true)).containsExactly(new KeyCount(key, 1));
  }

  @Test
  void aBatchCountsItsUnprocessedItemsThrottledAndOnlyTheOthersAccessed() {
    createTable("tbl", 5, 5);
    enable("tbl", null, DEFAULT_MODE);
    BatchWriteItemResponse response = client.batchWriteItem(r -> r.requestItems(Map.of("tbl", puts("b", 8))));
    assertThat(response.unprocessedItems().get("tbl")).hasSize(3);
    assertThat(accessed("tbl", null, false)).extracting(KeyCount::key).containsExactly("b0", "b1", "b2", "b3", "b4");
    assertThat(throttled("tbl", null, false)).containsExactly(
        new KeyCount("b5", 1), new KeyCount("b6", 1), new KeyCount("b7", 1));

    // Nothing left: the whole batch is throttled, each of its items counted once.
    assertThat(isThrottled(() -> client.batchWriteItem(r -> r.requestItems(response.unprocessedItems())))).isTrue();
    assertThat(throttled("tbl", null, false)).containsExactly(
        new KeyCount("b5", 2), new KeyCount("b6", 2), new KeyCount("b7", 2));
  }

  @Test
  void aBatchGetCountsItsUnprocessedKeysThrottled() {
    createTable("tbl", 2, 50);
    enable("tbl", null, DEFAULT_MODE);
    List<Map<String, AttributeValue>> keys = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      keys.add(item("pk", "k" + i, "sk", "s"));
    }
    var response = client.batchGetItem(r -> r.requestItems(Map.of("tbl",
        KeysAndAttributes.builder().keys(keys).consistentRead(true).build())));
    List<String> unprocessed = response.unprocessedKeys().get("tbl").keys().stream().map(k -> k.get("pk").s()).toList();
    assertThat(unprocessed).hasSize(2);
    assertThat(throttled("tbl", null, false)).extracting(KeyCount::key).containsExactlyElementsOf(unprocessed);
    assertThat(accessed("tbl", null, false)).extracting(KeyCount::key).doesNotContainAnyElementsOf(unprocessed)
        .hasSize(2);
  }

  @Test
  void aThrottledTransactionCountsTheItemCapacityRefused() {
    createTable("tbl", 5, 5);
    enable("tbl", null, DEFAULT_MODE);
    client.batchWriteItem(r -> r.requestItems(Map.of("tbl", puts("a", 4))));
    // 1 unit left; a transactional write costs 2 per KB: the first item is admitted, the second is not
    TransactionCanceledException e = catchThrowableOfType(TransactionCanceledException.class,
        () -> client.transactWriteItems(r -> r.transactItems(
            t -> t.put(p -> p.tableName("tbl").item(item("pk", "t1", "sk", "s"))),
            t -> t.put(p -> p.tableName("tbl").item(item("pk", "t2", "sk", "s"))))));
    assertThat(e.cancellationReasons()).extracting(reason -> reason.code()).containsExactly("None", "ThrottlingError");
    assertThat(throttled("tbl", null, false)).containsExactly(new KeyCount("t2", 1));
    assertThat(accessed("tbl", null, false)).extracting(KeyCount::key).doesNotContain("t1", "t2"); // cancelled
  }

  @Test
  void aWriteHeldBackByAnIndexOutOfWriteCapacityIsNotCounted() {
    createTableWithIndex(50, 1); // DynamoDB does not measure write throttling caused by a GSI's write capacity
    enable("tbl", null, DEFAULT_MODE);
    enable("tbl", "byG", DEFAULT_MODE);
    client.putItem(r -> r.tableName("tbl").item(item("pk", "p1", "sk", "1", "gk", "g1"))); // takes the index's unit
    assertThat(isThrottled(() -> client.putItem(r -> r.tableName("tbl").item(item("pk", "p2", "sk", "1", "gk", "g2")))))
        .isTrue();
    assertThat(isThrottled(() -> client.batchWriteItem(r -> r.requestItems(Map.of("tbl", List.of(
        WriteRequest.builder().putRequest(PutRequest.builder().item(item("pk", "p3", "sk", "1", "gk", "g3")).build())
            .build())))))).isTrue(); // its one item refused for the index: the batch is throttled
    assertThat(throttled("tbl", null, false)).isEmpty();
    assertThat(throttled("tbl", "byG", false)).isEmpty();
    assertThat(accessed("tbl", "byG", false)).containsExactly(new KeyCount("g1", 1));
  }

  @Test
  void throttledPartiqlRequestsAreNotCounted() {
    createTable("tbl", 1, 5);
    enable("tbl", null, DEFAULT_MODE);
    client.batchWriteItem(r -> r.requestItems(Map.of("tbl", puts("a", 5)))); // takes the five write units
    List<KeyCount> accessedBefore = accessed("tbl", null, true);
    assertThat(accessedBefore).hasSize(5);

    // DynamoDB's Contributor Insights does not support PartiQL requests, throttled ones included
    assertThat(isThrottled(() -> client.executeStatement(r -> r.statement(
        "INSERT INTO \"tbl\" VALUE {'pk': 'x', 'sk': 's'}")))).isTrue();
    assertThat(isThrottled(() -> client.executeStatement(r -> r.statement(
        "DELETE FROM \"tbl\" WHERE pk = 'a1' AND sk = 's'")))).isTrue();
    var batch = client.batchExecuteStatement(r -> r.statements(
        BatchStatementRequest.builder().statement("UPDATE \"tbl\" SET v = 1 WHERE pk = 'a0' AND sk = 's'").build(),
        BatchStatementRequest.builder().statement("DELETE FROM \"tbl\" WHERE pk = 'y' AND sk = 's'").build()));
    assertThat(batch.responses()).allSatisfy(statement -> assertThat(statement.error()).isNotNull());
    assertThat(catchThrowableOfType(DynamoDbException.class, () -> client.executeTransaction(r -> r.transactStatements(
        ParameterizedStatement.builder().statement("INSERT INTO \"tbl\" VALUE {'pk': 'z', 'sk': 's'}").build()))))
        .isNotNull();
    int readThrottles = 0;
    for (int i = 0; i < 4; i++) { // one read unit a second: strongly consistent SELECTs of an item, then of a partition
      String where = i % 2 == 0 ? "pk = 'a2' AND sk = 's'" : "pk = 'a3'";
      if (isThrottled(() -> client.executeStatement(r -> r.consistentRead(true)
          .statement("SELECT * FROM \"tbl\" WHERE " + where)))) {
        readThrottles++;
      }
    }
    assertThat(readThrottles).isPositive();
    assertThat(throttled("tbl", null, true)).isEmpty();
    assertThat(accessed("tbl", null, true)).isEqualTo(accessedBefore);

    // the same requests without PartiQL are counted
    assertThat(isThrottled(() -> put("tbl", "x", "s"))).isTrue();
    assertThat(isThrottled(() -> client.getItem(r -> r.tableName("tbl").key(item("pk", "a2", "sk", "s"))
        .consistentRead(true)))).isTrue();
    assertThat(throttled("tbl", null, true)).containsExactly(new KeyCount("a2,s", 1), new KeyCount("x,s", 1));
    assertThat(accessed("tbl", null, true)).isEqualTo(accessedBefore);
  }
}
