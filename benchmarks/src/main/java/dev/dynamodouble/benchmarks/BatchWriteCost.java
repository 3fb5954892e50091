package dev.dynamodouble.benchmarks;

import dev.dynamodouble.benchmarks.sut.FloorServer;
import dev.dynamodouble.benchmarks.sut.RunningEndpoint;
import dev.dynamodouble.core.DynamoDouble;
import dev.dynamodouble.core.engine.Engine;
import dev.dynamodouble.core.engine.EngineOptions;
import dev.dynamodouble.core.operation.Operations;
import dev.dynamodouble.core.protocol.Dispatcher;
import dev.dynamodouble.core.protocol.ProtocolResponse;
import dev.dynamodouble.core.time.DynamoClock;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.IntConsumer;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * What a BatchWriteItem of 25 puts and a TransactWriteItems of 4 actions cost the server, in
 * measures a shared machine disturbs little: CPU time and allocation per call.
 *
 * <ul>
 *   <li>server side: {@code Dispatcher.handle} on this thread with the bodies the SDK sends for the
 *       harness's workloads (PutItem for scale): thread CPU and bytes allocated per call;
 *   <li>loopback: the floor and Dynamo Double in this JVM, the harness's workloads through one SDK
 *       client thread, in alternating rounds: ops/s and their ratio, and the CPU time of each
 *       server's own threads (Netty's event loops, Dynamo Double's request workers) per call.
 * </ul>
 *
 * <p>{@code java -cp "target/classes:$(cat target/benchmark.classpath)" dev.dynamodouble.benchmarks.BatchWriteCost}
 * (settings: {@code -Dbench.seconds=1 -Dbench.iterations=9}; {@code -Dbench.part=server} or
 * {@code loopback} for one part only).
 */
public final class BatchWriteCost {
  private static final com.sun.management.ThreadMXBean THREADS =
      (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
  private static final String TARGET = "DynamoDB_20120810.";

  private BatchWriteCost() {}

  public static void main(String[] args) throws Exception {
    double seconds = Double.parseDouble(System.getProperty("bench.seconds", "1"));
    int iterations = Integer.getInteger("bench.iterations", 9);
    String part = System.getProperty("bench.part", "all");
    long nanos = (long) (seconds * 1e9);
    System.out.printf(Locale.ROOT, "load average %.2f%n", Report.loadAverage());
    if (!part.equals("loopback")) {
      serverSide(iterations, nanos);
    }
    if (!part.equals("server")) {
      loopback(iterations, nanos);
    }
    System.out.printf(Locale.ROOT, "load average %.2f%n", Report.loadAverage());
  }

  private static void serverSide(int iterations, long nanos) {
    Engine engine = new Engine(DynamoClock.system(), EngineOptions.defaults());
    engine.capacity().enabled(false); // single hot keys, as in SideBySide
    Dispatcher dispatcher = new Dispatcher(engine, Operations.dynamoDb(), Operations.streams());
    handle(dispatcher, "CreateTable", "{\"TableName\":\"" + BenchData.TABLE + "\",\"AttributeDefinitions\":["
        + "{\"AttributeName\":\"pk\",\"AttributeType\":\"S\"},{\"AttributeName\":\"sk\",\"AttributeType\":\"S\"}],"
        + "\"KeySchema\":[{\"AttributeName\":\"pk\",\"KeyType\":\"HASH\"},{\"AttributeName\":\"sk\",\"KeyType\":\"RANGE\"}],"
        + "\"BillingMode\":\"PAY_PER_REQUEST\"}");
    handle(dispatcher, "PutItem", "{\"TableName\":\"" + BenchData.TABLE + "\",\"Item\":" + item("tx-0", "check", 0) + "}");
    int variants = 64;
    String[] puts = new String[variants];
    String[] batches = new String[variants];
    String[] transactions = new String[variants];
    for (int v = 0; v < variants; v++) {
      puts[v] = "{\"Item\":" + item("put-0", Integer.toString(v), v) + ",\"TableName\":\"" + BenchData.TABLE + "\"}";
      StringBuilder batch = new StringBuilder("{\"RequestItems\":{\"" + BenchData.TABLE + "\":[");
      for (int i = 0; i < BenchData.BATCH_SIZE; i++) {
        batch.append(i == 0 ? "" : ",").append("{\"PutRequest\":{\"Item\":")
            .append(item("batch-0", Integer.toString(i), v)).append("}}");
      }
      batches[v] = batch.append("]}}").toString();
      transactions[v] = "{\"TransactItems\":["
          + "{\"Put\":{\"Item\":" + item("tx-0", "a", v) + ",\"TableName\":\"" + BenchData.TABLE + "\"}},"
          + "{\"Put\":{\"Item\":" + item("tx-0", "b", v) + ",\"TableName\":\"" + BenchData.TABLE + "\"}},"
          + "{\"Update\":{\"Key\":{\"pk\":{\"S\":\"tx-0\"},\"sk\":{\"S\":\"c\"}},\"UpdateExpression\":\"ADD #n :one\","
          + "\"TableName\":\"" + BenchData.TABLE + "\",\"ExpressionAttributeNames\":{\"#n\":\"n\"},"
          + "\"ExpressionAttributeValues\":{\":one\":{\"N\":\"1\"}}}},"
          + "{\"ConditionCheck\":{\"Key\":{\"pk\":{\"S\":\"tx-0\"},\"sk\":{\"S\":\"check\"}},"
          + "\"TableName\":\"" + BenchData.TABLE + "\",\"ConditionExpression\":\"attribute_exists(#pk)\","
          + "\"ExpressionAttributeNames\":{\"#pk\":\"pk\"}}}],"
          + "\"ClientRequestToken\":\"" + java.util.UUID.randomUUID() + "\"}";
    }
    byte[][] putBodies = bytes(puts);
    byte[][] batchBodies = bytes(batches);
    byte[][] transactBodies = bytes(transactions);
    String[] names = {"PutItem", "BatchWriteItem, 25 puts", "TransactWriteItems, 4 actions"};
    List<IntConsumer> operations = List.of(
        i -> handle(dispatcher, "PutItem", putBodies[i % variants]),
        i -> handle(dispatcher, "BatchWriteItem", batchBodies[i % variants]),
        // a fresh token per call (the SDK sends one): a repeated one would be answered from the token window
        i -> handle(dispatcher, "TransactWriteItems", withNextToken(transactBodies[i % variants])));
    double[][] medians = rounds(iterations, nanos, operations, true, null);
    for (int o = 0; o < names.length; o++) {
      System.out.printf(Locale.ROOT, "server side, Dispatcher.handle: %-30s %8.2f us CPU per call, %8.0f B allocated per call%n",
          names[o], medians[o][1] / 1000, medians[o][2]);
    }
    engine.clock().close();
  }

  private static long tokens;

  /** {@code body}, changed in place: the last 8 hex digits of its token (before {@code "}}) are the next number. */
  private static byte[] withNextToken(byte[] body) {
    long token = tokens++;
    for (int d = 0; d < 8; d++) {
      body[body.length - 3 - d] = (byte) Character.forDigit((int) (token >>> (4 * d)) & 15, 16);
    }
    return body;
  }

  private static void loopback(int iterations, long nanos) throws Exception {
    Workload batch = workload("batch-write");
    Workload transact = workload("transact-write");
    try (RunningEndpoint floor = FloorServer.start(0);
         DynamoDouble dd = DynamoDouble.builder().capacityEnforcement(false).start();
         DynamoDbClient floorClient = Clients.create(floor.endpoint());
         DynamoDbClient ddClient = Clients.create(dd.endpoint())) {
      Workloads.prepare(ddClient, 1);
      for (Workload workload : List.of(batch, transact)) {
        List<IntConsumer> sides = List.of(i -> workload.run(floorClient, 0, i), i -> workload.run(ddClient, 0, i));
        double[][] m = rounds(iterations, nanos, sides, false, new String[] {"floor", "dynamo-double"});
        System.out.printf(Locale.ROOT, "loopback, 1 client thread: %-30s floor %,8.0f ops/s, Dynamo Double %,8.0f ops/s, "
            + "DD/floor %.2fx; server threads' CPU per call: floor %6.1f us, Dynamo Double %6.1f us; client thread's: "
            + "%6.1f us, %6.1f us; (client + server) CPU floor/DD %.2fx%n",
            workload.label(), m[0][0], m[1][0], m[1][0] / m[0][0], m[0][1] / 1000, m[1][1] / 1000, m[0][3] / 1000,
            m[1][3] / 1000, (m[0][1] + m[0][3]) / (m[1][1] + m[1][3]));
      }
    }
  }

  private static Workload workload(String id) {
    return Workloads.all().stream().filter(w -> w.id().equals(id)).findFirst().orElseThrow();
  }

  /**
   * Medians per operation, measured in rounds that rotate which goes first, after one warm-up
   * round: {ops/s, CPU ns per call, bytes allocated per call, this thread's CPU ns per call}. CPU is
   * this thread's when {@code onThisThread}, else that of the threads whose names start with
   * {@code serverThreads[o]}.
   */
  private static double[][] rounds(int iterations, long nanos, List<IntConsumer> operations, boolean onThisThread,
                                   String[] serverThreads) {
    int n = operations.size();
    double[][][] all = new double[n][4][iterations];
    for (int round = -1; round < iterations; round++) {
      for (int k = 0; k < n; k++) {
        int o = Math.floorMod(k + round, n);
        System.gc();
        double[] m = Stats.costPerCall(operations.get(o), nanos,
            onThisThread ? THREADS::getCurrentThreadCpuTime : () -> cpuOfThreads(serverThreads[o]));
        if (round >= 0) {
          for (int j = 0; j < 4; j++) {
            all[o][j][round] = m[j];
          }
        }
      }
    }
    double[][] medians = new double[n][4];
    for (int o = 0; o < n; o++) {
      for (int j = 0; j < 4; j++) {
        medians[o][j] = Stats.median(all[o][j]);
      }
    }
    return medians;
  }

  /** The CPU time of the live threads whose names start with {@code prefix}. */
  private static long cpuOfThreads(String prefix) {
    long total = 0;
    for (Thread thread : Thread.getAllStackTraces().keySet()) {
      if (thread.getName().startsWith(prefix)) {
        long cpu = THREADS.getThreadCpuTime(thread.getId());
        total += Math.max(cpu, 0);
      }
    }
    return total;
  }

  private static String item(String pk, String sk, long n) {
    return "{\"pk\":{\"S\":\"" + pk + "\"},\"sk\":{\"S\":\"" + sk + "\"},\"n\":{\"N\":\"" + n + "\"},"
        + "\"s\":{\"S\":\"" + BenchData.PAYLOAD + "\"},\"b\":{\"BOOL\":true}}";
  }

  private static byte[][] bytes(String[] texts) {
    byte[][] result = new byte[texts.length][];
    for (int i = 0; i < texts.length; i++) {
      result[i] = texts[i].getBytes(StandardCharsets.UTF_8);
    }
    return result;
  }

  private static void handle(Dispatcher dispatcher, String operation, String body) {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    handle(dispatcher, operation, bytes);
  }

  private static void handle(Dispatcher dispatcher, String operation, byte[] body) {
    ProtocolResponse response = dispatcher.handle(TARGET + operation, null, "id", body, 0, body.length);
    if (response.status() != 200) {
      throw new IllegalStateException(operation + " answered " + response.status() + ": "
          + new String(response.body(), StandardCharsets.UTF_8));
    }
  }
}
