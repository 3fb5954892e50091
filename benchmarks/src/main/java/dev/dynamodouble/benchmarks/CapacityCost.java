package dev.dynamodouble.benchmarks;

import dev.dynamodouble.core.DynamoDouble;
import dev.dynamodouble.core.engine.Engine;
import dev.dynamodouble.core.engine.EngineOptions;
import dev.dynamodouble.core.engine.Quotas;
import dev.dynamodouble.core.operation.Operations;
import dev.dynamodouble.core.protocol.Dispatcher;
import dev.dynamodouble.core.protocol.ProtocolResponse;
import java.nio.charset.StandardCharsets;
import dev.dynamodouble.core.time.DynamoClock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntConsumer;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * What capacity enforcement costs, side by side in one JVM through the same SDK client type: a
 * provisioned table far under its limit with enforcement on and off, PutItem and GetItem,
 * interleaved rounds, medians and their ratio; then the cost of a throttled PutItem against an
 * admitted one.
 *
 * <p>"Under its limit": the server-side part serves well over 40,000 requests a second (DynamoDB's
 * default per-table maximum), so both engines run with the per-table and account quotas raised
 * ({@link #QUOTAS}, as an account would ask AWS for more) and the table is provisioned for
 * {@link #UNITS} units; 1,000 distinct keys keep each partition far below its 1,000 writes a second.
 *
 * <p>{@code java -cp "target/classes:$(cat target/benchmark.classpath)" dev.dynamodouble.benchmarks.CapacityCost}
 * (settings: {@code -Dbench.seconds=1 -Dbench.iterations=7}; {@code -Dbench.part=server} for the server side only).
 */
public final class CapacityCost {
  private static final String TABLE = "capacity";
  private static final int KEYS = 1000;
  private static final com.sun.management.ThreadMXBean THREADS =
      (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
  private static final com.sun.management.OperatingSystemMXBean PROCESS = (com.sun.management.OperatingSystemMXBean)
      java.lang.management.ManagementFactory.getOperatingSystemMXBean();
  private static boolean threadCpu;
  private static final long UNITS = 10_000_000;
  private static final Quotas QUOTAS = Quotas.defaults().withTableMaxCapacityUnits(UNITS, UNITS)
      .withAccountMaxCapacityUnits(2 * UNITS, 2 * UNITS);

  private CapacityCost() {}

  public static void main(String[] args) throws Exception {
    double seconds = Double.parseDouble(System.getProperty("bench.seconds", "1"));
    int iterations = Integer.getInteger("bench.iterations", 7);
    long nanos = (long) (seconds * 1e9);
    if ("server".equals(System.getProperty("bench.part"))) {
      serverSide(iterations, nanos);
      return;
    }
    try (DynamoDouble on = DynamoDouble.builder().quotas(QUOTAS).start();
         DynamoDouble off = DynamoDouble.builder().quotas(QUOTAS).capacityEnforcement(false).start();
         DynamoDouble stopped = DynamoDouble.builder().clock(DynamoClock.manual(Instant.now())).start();
         DynamoDbClient onClient = Clients.create(on.endpoint());
         DynamoDbClient offClient = Clients.create(off.endpoint());
         DynamoDbClient stoppedClient = Clients.create(stopped.endpoint())) {
      for (DynamoDbClient client : List.of(onClient, offClient)) {
        createTable(client, TABLE, UNITS);
        for (int i = 0; i < KEYS; i++) {
          put(client, TABLE, i);
        }
      }
      report("PutItem", interleaved(iterations, nanos, i -> put(onClient, TABLE, i), i -> put(offClient, TABLE, i)));
      report("GetItem", interleaved(iterations, nanos, i -> get(onClient, i), i -> get(offClient, i)));
      System.out.println("  (enforcement on: " + on.capacity().usage(TABLE) + ")");

      // On a clock that does not move, a bucket of one unit, once spent, refuses every further write.
      createTable(stoppedClient, "throttled", 1);
      put(stoppedClient, "throttled", 0);
      IntConsumer throttled = i -> {
        try {
          put(stoppedClient, "throttled", i);
          throw new IllegalStateException("not throttled");
        } catch (ProvisionedThroughputExceededException expected) {
          // the measured path: refused in the pipeline, error body with ThrottlingReasons
        }
      };
      double[] cost = interleaved(iterations, nanos, throttled, i -> put(offClient, TABLE, i));
      System.out.printf(Locale.ROOT, "throttled PutItem: %.0f ops/s vs admitted PutItem (enforcement off): %.0f ops/s "
          + "-> a throttled request costs %.2fx an admitted one (process CPU per op: %.2fx)%n", cost[0], cost[1],
          cost[1] / cost[0], cost[2] / cost[3]);
    }
    serverSide(iterations, nanos);
  }

  /**
   * The same comparison without HTTP and the SDK: {@code Dispatcher.handle} on two engines, so the
   * ratio shows the stage's own cost rather than the network's noise.
   */
  private static void serverSide(int iterations, long nanos) {
    threadCpu = true; // the dispatcher runs on this thread
    Dispatcher on = dispatcher(true);
    Dispatcher off = dispatcher(false);
    byte[][] puts = new byte[KEYS][];
    byte[][] gets = new byte[KEYS][];
    for (int i = 0; i < KEYS; i++) {
      puts[i] = ("{\"TableName\":\"" + TABLE + "\",\"Item\":{\"pk\":{\"S\":\"k" + i + "\"},\"v\":{\"S\":\"value\"}}}")
          .getBytes(StandardCharsets.UTF_8);
      gets[i] = ("{\"TableName\":\"" + TABLE + "\",\"Key\":{\"pk\":{\"S\":\"k" + i + "\"}}}")
          .getBytes(StandardCharsets.UTF_8);
    }
    report("server-side PutItem", interleaved(iterations, nanos, i -> handle(on, "PutItem", puts[i % KEYS]),
        i -> handle(off, "PutItem", puts[i % KEYS])));
    report("server-side GetItem", interleaved(iterations, nanos, i -> handle(on, "GetItem", gets[i % KEYS]),
        i -> handle(off, "GetItem", gets[i % KEYS])));
  }

  private static Dispatcher dispatcher(boolean enforced) {
    Engine engine = new Engine(DynamoClock.system(), EngineOptions.defaults().withQuotas(QUOTAS));
    engine.capacity().enabled(enforced);
    Dispatcher dispatcher = new Dispatcher(engine, Operations.dynamoDb(), Operations.streams());
    handle(dispatcher, "CreateTable", ("{\"TableName\":\"" + TABLE + "\",\"AttributeDefinitions\":[{\"AttributeName\":"
        + "\"pk\",\"AttributeType\":\"S\"}],\"KeySchema\":[{\"AttributeName\":\"pk\",\"KeyType\":\"HASH\"}],"
        + "\"ProvisionedThroughput\":{\"ReadCapacityUnits\":" + UNITS + ",\"WriteCapacityUnits\":" + UNITS + "}}")
        .getBytes(StandardCharsets.UTF_8));
    return dispatcher;
  }

  private static void handle(Dispatcher dispatcher, String operation, byte[] body) {
    ProtocolResponse response = dispatcher.handle("DynamoDB_20120810." + operation, null, "id", body, 0, body.length);
    if (response.status() != 200) {
      throw new IllegalStateException(operation + " answered " + response.status());
    }
  }

  /**
   * Medians of {@code a} and {@code b}, measured in alternating rounds (order swapped every round)
   * after a warm-up: {ops/s of a, ops/s of b, CPU ns per op of a, of b}. CPU time is the calling
   * thread's when everything runs on it (server side), else the process's; a shared machine
   * disturbs it far less than throughput.
   */
  private static double[] interleaved(int iterations, long nanos, IntConsumer a, IntConsumer b) {
    measure(a, nanos);
    measure(b, nanos);
    List<Double> as = new ArrayList<>();
    List<Double> bs = new ArrayList<>();
    List<Double> aCpu = new ArrayList<>();
    List<Double> bCpu = new ArrayList<>();
    List<Double> aBytes = new ArrayList<>();
    List<Double> bBytes = new ArrayList<>();
    for (int i = 0; i < iterations; i++) {
      if (i % 2 == 0) { // alternate which goes first: the first of a pair is measured slower on a busy machine
        add(measure(a, nanos), as, aCpu, aBytes);
        add(measure(b, nanos), bs, bCpu, bBytes);
      } else {
        add(measure(b, nanos), bs, bCpu, bBytes);
        add(measure(a, nanos), as, aCpu, aBytes);
      }
    }
    return new double[] {Stats.median(as), Stats.median(bs), Stats.median(aCpu), Stats.median(bCpu), Stats.median(aBytes), Stats.median(bBytes)};
  }

  private static void add(double[] measured, List<Double> rates, List<Double> cpu, List<Double> bytes) {
    rates.add(measured[0]);
    cpu.add(measured[1]);
    bytes.add(measured[2]);
  }

  /** {ops/s, CPU ns per op, bytes this thread allocated per op, this thread's CPU ns per op}. */
  private static double[] measure(IntConsumer operation, long nanos) {
    return Stats.costPerCall(operation, nanos, CapacityCost::cpuNanos);
  }

  private static long cpuNanos() {
    return threadCpu ? THREADS.getCurrentThreadCpuTime() : PROCESS.getProcessCpuTime();
  }

  private static void report(String operation, double[] onOff) {
    System.out.printf(Locale.ROOT, "%s: enforcement on %.0f ops/s, off %.0f ops/s, on/off = %.3f; %s CPU per op "
        + "on %.2f us, off %.2f us, off/on = %.3f%s%n", operation, onOff[0], onOff[1], onOff[0] / onOff[1],
        threadCpu ? "thread" : "process", onOff[2] / 1000, onOff[3] / 1000, onOff[3] / onOff[2],
        threadCpu ? String.format(Locale.ROOT, "; allocated per op on %.0f B, off %.0f B", onOff[4], onOff[5]) : "");
  }

  private static void createTable(DynamoDbClient client, String name, long capacity) {
    client.createTable(r -> r.tableName(name)
        .keySchema(k -> k.attributeName("pk").keyType(KeyType.HASH))
        .attributeDefinitions(d -> d.attributeName("pk").attributeType(ScalarAttributeType.S))
        .provisionedThroughput(p -> p.readCapacityUnits(capacity).writeCapacityUnits(capacity)));
    client.describeTable(r -> r.tableName(name)); // ACTIVE by the next request
  }

  private static void put(DynamoDbClient client, String table, int i) {
    client.putItem(r -> r.tableName(table).item(Map.of("pk", AttributeValue.fromS("k" + (i % KEYS)),
        "v", AttributeValue.fromS("value-" + i))));
  }

  private static void get(DynamoDbClient client, int i) {
    client.getItem(r -> r.tableName(TABLE).key(Map.of("pk", AttributeValue.fromS("k" + (i % KEYS)))));
  }
}
