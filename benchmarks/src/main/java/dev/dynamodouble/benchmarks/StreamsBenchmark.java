package dev.dynamodouble.benchmarks;

import dev.dynamodouble.core.DynamoDouble;
import dev.dynamodouble.core.operation.Operations;
import dev.dynamodouble.core.protocol.Dispatcher;
import dev.dynamodouble.core.stream.StreamRecord;
import dev.dynamodouble.core.trigger.TriggerHandler;
import dev.dynamodouble.core.trigger.TriggerOptions;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * Streams and triggers, side by side in one run (from {@code benchmarks/}, after a build):
 * {@code java -Xms1g -Xmx2g -cp "target/classes:$(cat target/benchmark.classpath)" dev.dynamodouble.benchmarks.StreamsBenchmark}.
 *
 * <ul>
 *   <li>PutItem throughput (1 KB items, most replacing an item) on a table with a NEW_AND_OLD_IMAGES
 *       stream and on one without, in alternating rounds, the ratio of the medians: once through
 *       the SDK over HTTP (wall clock; noisy on a shared machine) and once through the protocol
 *       dispatcher on one thread (wall clock and that thread's CPU time), which isolates the
 *       engine's write path.</li>
 *   <li>GetRecords of 1,000 records: the median time of one call.</li>
 *   <li>Trigger delivery latency on the system clock: commit to handler, p50 and p99.</li>
 *   <li>Heap per retained stream record (inserts, so the images are shared with the table), and
 *       what 24 hours of a steady 100 writes/s retain.</li>
 * </ul>
 */
public final class StreamsBenchmark {
  private static final String PAYLOAD = "x".repeat(1000);

  private StreamsBenchmark() {}

  public static void main(String[] args) throws Exception {
    int rounds = Integer.getInteger("bench.rounds", 7);
    int puts = Integer.getInteger("bench.puts", 3000);
    try (DynamoDouble dynamo = DynamoDouble.builder().start();
         DynamoDbClient client = Clients.create(dynamo.endpoint())) {
      createTable(client, "plain", false);
      createTable(client, "streamed", true);
      double[] plain = new double[rounds];
      double[] streamed = new double[rounds];
      putRound(client, "plain", puts, -1);
      putRound(client, "streamed", puts, -1); // warm-up
      for (int round = 0; round < rounds; round++) {
        plain[round] = putRound(client, "plain", puts, round);
        streamed[round] = putRound(client, "streamed", puts, round);
      }
      double plainOps = Stats.median(plain);
      double streamedOps = Stats.median(streamed);
      System.out.printf(Locale.ROOT, "PutItem ops/s through the SDK: no stream %.0f, NEW_AND_OLD_IMAGES stream %.0f, "
          + "ratio %.3f%n", plainOps, streamedOps, streamedOps / plainOps);
      dispatcherPuts(dynamo, rounds);
      System.out.printf(Locale.ROOT, "GetRecords of 1,000 records: median %.2f ms%n", getRecords(dynamo, client));
      triggerLatency(dynamo, client);
    }
    memoryPerRecord();
  }

  /** PutItem through the dispatcher (no HTTP) on this thread: ops/s by wall clock and by CPU time. */
  private static void dispatcherPuts(DynamoDouble dynamo, int rounds) {
    Dispatcher dispatcher = new Dispatcher(dynamo.engine(), Operations.dynamoDb(), Operations.streams());
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    int puts = 20_000;
    double[][] wall = new double[2][rounds];
    double[][] cpu = new double[2][rounds];
    String[] tables = {"plain", "streamed"};
    for (int round = -1; round < rounds; round++) {
      for (int t = 0; t < 2; t++) {
        byte[][] bodies = new byte[puts][];
        for (int i = 0; i < puts; i++) {
          bodies[i] = ("{\"TableName\":\"" + tables[t] + "\",\"Item\":{\"pk\":{\"S\":\"k" + (i % 1000)
              + "\"},\"v\":{\"S\":\"" + round + "-" + i + "\"},\"payload\":{\"S\":\"" + PAYLOAD + "\"}}}")
              .getBytes(StandardCharsets.UTF_8);
        }
        long c0 = threads.getCurrentThreadCpuTime();
        long t0 = System.nanoTime();
        for (byte[] body : bodies) {
          dispatcher.handle("DynamoDB_20120810.PutItem", null, "bench", body, 0, body.length);
        }
        if (round >= 0) { // round -1 warms up
          wall[t][round] = puts / ((System.nanoTime() - t0) / 1e9);
          cpu[t][round] = puts / ((threads.getCurrentThreadCpuTime() - c0) / 1e9);
        }
      }
    }
    System.out.printf(Locale.ROOT, "PutItem ops/s through the dispatcher: wall clock %.0f vs %.0f with the stream "
        + "(ratio %.3f); CPU time %.0f vs %.0f (ratio %.3f)%n", Stats.median(wall[0]), Stats.median(wall[1]),
        Stats.median(wall[1]) / Stats.median(wall[0]), Stats.median(cpu[0]), Stats.median(cpu[1]),
        Stats.median(cpu[1]) / Stats.median(cpu[0]));
  }

  private static void createTable(DynamoDbClient client, String name, boolean stream) {
    client.createTable(r -> {
      r.tableName(name).billingMode(BillingMode.PAY_PER_REQUEST)
          .keySchema(k -> k.attributeName("pk").keyType(KeyType.HASH))
          .attributeDefinitions(a -> a.attributeName("pk").attributeType(ScalarAttributeType.S));
      if (stream) {
        r.streamSpecification(s -> s.streamEnabled(true).streamViewType(StreamViewType.NEW_AND_OLD_IMAGES));
      }
    });
  }

  /** PutItem ops/s of one round; the keys repeat every round, so most puts replace an item. */
  private static double putRound(DynamoDbClient client, String table, int puts, int round) {
    long t0 = System.nanoTime();
    for (int i = 0; i < puts; i++) {
      String pk = "k" + (i % 1000);
      String v = Integer.toString(round * puts + i);
      client.putItem(r -> r.tableName(table).item(Map.of("pk", AttributeValue.fromS(pk), "v", AttributeValue.fromS(v),
          "payload", AttributeValue.fromS(PAYLOAD))));
    }
    return puts / ((System.nanoTime() - t0) / 1e9);
  }

  private static double getRecords(DynamoDouble dynamo, DynamoDbClient client) {
    createTable(client, "reads", true);
    for (int i = 0; i < 1000; i += 25) {
      List<WriteRequest> batch = new ArrayList<>();
      for (int j = i; j < i + 25; j++) {
        String pk = "r" + j;
        batch.add(WriteRequest.builder().putRequest(p -> p.item(Map.of("pk", AttributeValue.fromS(pk),
            "payload", AttributeValue.fromS(PAYLOAD.substring(0, 200))))).build());
      }
      client.batchWriteItem(r -> r.requestItems(Map.of("reads", batch)));
    }
    try (DynamoDbStreamsClient streams = DynamoDbStreamsClient.builder().endpointOverride(dynamo.endpoint())
        .region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("bench", "bench")))
        .build()) {
      String arn = client.describeTable(r -> r.tableName("reads")).table().latestStreamArn();
      String shard = streams.describeStream(r -> r.streamArn(arn)).streamDescription().shards().get(0).shardId();
      double[] millis = new double[60];
      for (int i = 0; i < millis.length; i++) {
        String iterator = streams.getShardIterator(r -> r.streamArn(arn).shardId(shard)
            .shardIteratorType(ShardIteratorType.TRIM_HORIZON)).shardIterator();
        long t0 = System.nanoTime();
        int got = streams.getRecords(r -> r.shardIterator(iterator).limit(1000)).records().size();
        millis[i] = (System.nanoTime() - t0) / 1e6;
        if (got != 1000) {
          throw new IllegalStateException("expected 1000 records, got " + got);
        }
      }
      return Stats.median(Arrays.copyOfRange(millis, 10, millis.length));
    }
  }

  private static void triggerLatency(DynamoDouble dynamo, DynamoDbClient client) {
    createTable(client, "triggered", true);
    List<Long> micros = new CopyOnWriteArrayList<>();
    dynamo.triggers().register("triggered", TriggerOptions.defaults(), TriggerHandler.of(records -> {
      Instant now = Instant.now();
      for (StreamRecord record : records) {
        micros.add(Duration.between(record.approximateCreationDateTime(), now).toNanos() / 1000);
      }
    }));
    int events = 2000;
    for (int i = 0; i < events; i++) {
      String pk = "t" + i;
      client.putItem(r -> r.tableName("triggered").item(Map.of("pk", AttributeValue.fromS(pk))));
    }
    if (!dynamo.triggers().awaitIdle(Duration.ofSeconds(60))) {
      throw new IllegalStateException("triggers did not drain");
    }
    long[] sorted = micros.stream().mapToLong(Long::longValue).sorted().toArray();
    System.out.printf(Locale.ROOT, "Trigger latency (system clock, commit to handler, %d records): p50 %d µs, "
        + "p99 %d µs%n", sorted.length, Stats.percentile(sorted, 0.50), Stats.percentile(sorted, 0.99));
  }

  /** Heap per retained record: the same inserts into a table with a stream and into one without. */
  private static void memoryPerRecord() throws Exception {
    int items = Integer.getInteger("bench.memoryRecords", 200_000);
    long without = heapAfterInserts(false, items);
    long with = heapAfterInserts(true, items);
    double perRecord = (with - without) / (double) items;
    double day = perRecord * 100 * 86_400;
    System.out.printf(Locale.ROOT, "Heap per retained stream record: %.0f bytes (%d inserts); 24 h at 100 writes/s "
        + "retain 8,640,000 records = %.0f MB (plus old images an overwrite keeps alive)%n", perRecord, items,
        day / 1e6);
  }

  private static long heapAfterInserts(boolean stream, int items) throws Exception {
    try (DynamoDouble dynamo = DynamoDouble.builder().start();
         DynamoDbClient client = Clients.create(dynamo.endpoint())) {
      createTable(client, "memory", stream);
      long before = usedHeap();
      Map<String, List<WriteRequest>> request = new HashMap<>();
      for (int i = 0; i < items; i += 25) {
        List<WriteRequest> batch = new ArrayList<>();
        for (int j = i; j < Math.min(items, i + 25); j++) {
          String pk = "m" + j;
          batch.add(WriteRequest.builder().putRequest(p -> p.item(Map.of("pk", AttributeValue.fromS(pk)))).build());
        }
        request.put("memory", batch);
        client.batchWriteItem(r -> r.requestItems(request));
      }
      return usedHeap() - before; // measured while the engine is still open
    }
  }

  private static long usedHeap() throws InterruptedException {
    Runtime runtime = Runtime.getRuntime();
    for (int i = 0; i < 3; i++) {
      System.gc();
      Thread.sleep(100);
    }
    return runtime.totalMemory() - runtime.freeMemory();
  }
}
