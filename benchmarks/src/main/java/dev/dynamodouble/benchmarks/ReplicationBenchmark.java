package dev.dynamodouble.benchmarks;

import dev.dynamodouble.core.DynamoDouble;
import dev.dynamodouble.core.operation.Operations;
import dev.dynamodouble.core.protocol.Dispatcher;
import dev.dynamodouble.core.protocol.ProtocolResponse;
import dev.dynamodouble.core.time.DynamoClock;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Locale;

/**
 * Global tables (from {@code benchmarks/}, after a build):
 * {@code java -Xms1g -Xmx2g -cp "target/classes:$(cat target/benchmark.classpath)" dev.dynamodouble.benchmarks.ReplicationBenchmark}.
 *
 * <ul>
 *   <li>PutItem throughput (1 KB items, most replacing an item) on a table with two replicas and on
 *       one without, in alternating rounds, through the protocol dispatcher on one thread: wall
 *       clock and that thread's CPU time. The system clock's thread applies the replicated writes
 *       meanwhile (default lag, one second).</li>
 *   <li>Heap per change waiting on a paused link (us-east-1 to eu-west-1, on a manual clock).</li>
 * </ul>
 */
public final class ReplicationBenchmark {
  private static final String PAYLOAD = "x".repeat(1000);

  private ReplicationBenchmark() {}

  public static void main(String[] args) throws Exception {
    int rounds = Integer.getInteger("bench.rounds", 7);
    try (DynamoDouble dynamo = DynamoDouble.builder().start()) {
      Dispatcher dispatcher = new Dispatcher(dynamo.engine(), Operations.dynamoDb(), Operations.streams());
      createTable(dispatcher, "plain");
      createTable(dispatcher, "global");
      call(dispatcher, "UpdateTable", "{\"TableName\":\"global\",\"ReplicaUpdates\":[{\"Create\":{\"RegionName\":"
          + "\"eu-west-1\"}},{\"Create\":{\"RegionName\":\"ap-southeast-2\"}}]}");
      dispatcherPuts(dispatcher, rounds);
    }
    queueMemory(Integer.getInteger("bench.queued", 200_000));
  }

  private static void dispatcherPuts(Dispatcher dispatcher, int rounds) {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    int puts = 20_000;
    double[][] wall = new double[2][rounds];
    double[][] cpu = new double[2][rounds];
    String[] tables = {"plain", "global"};
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
          dispatcher.handle("DynamoDB_20120810.PutItem", "us-east-1", "bench", body, 0, body.length);
        }
        if (round >= 0) { // round -1 warms up
          wall[t][round] = puts / ((System.nanoTime() - t0) / 1e9);
          cpu[t][round] = puts / ((threads.getCurrentThreadCpuTime() - c0) / 1e9);
        }
      }
    }
    System.out.printf(Locale.ROOT, "PutItem ops/s through the dispatcher: wall clock %.0f without replicas vs %.0f "
        + "with two (ratio %.3f); CPU time %.0f vs %.0f (ratio %.3f)%n", Stats.median(wall[0]),
        Stats.median(wall[1]), Stats.median(wall[1]) / Stats.median(wall[0]), Stats.median(cpu[0]),
        Stats.median(cpu[1]), Stats.median(cpu[1]) / Stats.median(cpu[0]));
  }

  /** Heap per change queued on a paused link: distinct 1 KB inserts, measured against the same inserts unreplicated. */
  private static void queueMemory(int items) throws Exception {
    long without = heapAfterInserts(false, items);
    long with = heapAfterInserts(true, items);
    System.out.printf(Locale.ROOT, "Heap per change queued on a paused link: %.0f bytes (%d inserts; the item "
        + "itself is shared with the table)%n", (with - without) / (double) items, items);
  }

  private static long heapAfterInserts(boolean replicated, int items) throws Exception {
    try (DynamoDouble dynamo = DynamoDouble.builder().clock(DynamoClock.manual(Instant.parse("2026-01-01T00:00:00Z")))
        .start()) {
      Dispatcher dispatcher = new Dispatcher(dynamo.engine(), Operations.dynamoDb(), Operations.streams());
      createTable(dispatcher, "memory");
      dynamo.clock().runDue();
      if (replicated) {
        call(dispatcher, "UpdateTable", "{\"TableName\":\"memory\",\"ReplicaUpdates\":[{\"Create\":{\"RegionName\":"
            + "\"eu-west-1\"}}]}");
        dynamo.replication().pause("us-east-1", "eu-west-1");
      } else {
        call(dispatcher, "UpdateTable", "{\"TableName\":\"memory\",\"StreamSpecification\":{\"StreamEnabled\":true,"
            + "\"StreamViewType\":\"NEW_AND_OLD_IMAGES\"}}"); // the stream a replica gets: not counted
      }
      long before = usedHeap();
      for (int i = 0; i < items; i++) {
        call(dispatcher, "PutItem", "{\"TableName\":\"memory\",\"Item\":{\"pk\":{\"S\":\"m" + i + "\"},"
            + "\"payload\":{\"S\":\"" + PAYLOAD + "\"}}}");
      }
      if (replicated && dynamo.replication().pending() != items) {
        throw new IllegalStateException("expected " + items + " queued, found " + dynamo.replication().pending());
      }
      return usedHeap() - before;
    }
  }

  private static void createTable(Dispatcher dispatcher, String name) {
    call(dispatcher, "CreateTable", "{\"TableName\":\"" + name + "\",\"BillingMode\":\"PAY_PER_REQUEST\","
        + "\"KeySchema\":[{\"AttributeName\":\"pk\",\"KeyType\":\"HASH\"}],"
        + "\"AttributeDefinitions\":[{\"AttributeName\":\"pk\",\"AttributeType\":\"S\"}]}");
  }

  private static void call(Dispatcher dispatcher, String operation, String json) {
    byte[] body = json.getBytes(StandardCharsets.UTF_8);
    ProtocolResponse response = dispatcher.handle("DynamoDB_20120810." + operation, "us-east-1", "bench", body, 0,
        body.length);
    if (response.status() != 200) {
      throw new IllegalStateException(operation + ": " + new String(response.body(), StandardCharsets.UTF_8));
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
