package dev.dynamodouble.benchmarks;

import dev.dynamodouble.core.DynamoDouble;
import dev.dynamodouble.core.engine.Engine;
import dev.dynamodouble.core.engine.EngineOptions;
import dev.dynamodouble.core.operation.Operations;
import dev.dynamodouble.core.protocol.Dispatcher;
import dev.dynamodouble.core.protocol.ProtocolResponse;
import java.nio.charset.StandardCharsets;
import dev.dynamodouble.core.time.DynamoClock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
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
 * provisioned table far under its limit (40,000 RCU/WCU, distinct keys) with enforcement on and
 * off, PutItem and GetItem, interleaved rounds, medians and their ratio; then the cost of a
 * throttled PutItem against an admitted one.
 *
 * <p>{@code java -cp "target/classes:$(cat target/benchmark.classpath)" dev.dynamodouble.benchmarks.CapacityCost}
 * (settings: {@code -Dbench.seconds=1 -Dbench.iterations=7}; {@code -Dbench.part=server} for the server side only).
 */
public final class CapacityCost {
  private static final String TABLE = "capacity";
  private static final int KEYS = 1000;

  private CapacityCost() {}

  public static void main(String[] args) throws Exception {
    double seconds = Double.parseDouble(System.getProperty("bench.seconds", "1"));
    int iterations = Integer.getInteger("bench.iterations", 7);
    long nanos = (long) (seconds * 1e9);
    if ("server".equals(System.getProperty("bench.part"))) {
      serverSide(iterations, nanos);
      return;
    }
    try (DynamoDouble on = DynamoDouble.builder().start();
         DynamoDouble off = DynamoDouble.builder().capacityEnforcement(false).start();
         DynamoDouble stopped = DynamoDouble.builder().clock(DynamoClock.manual(Instant.now())).start();
         DynamoDbClient onClient = Clients.create(on.endpoint());
         DynamoDbClient offClient = Clients.create(off.endpoint());
         DynamoDbClient stoppedClient = Clients.create(stopped.endpoint())) {
      for (DynamoDbClient client : List.of(onClient, offClient)) {
        createTable(client, TABLE, 40_000);
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
          + "-> a throttled request costs %.2fx an admitted one%n", cost[0], cost[1], cost[1] / cost[0]);
    }
    serverSide(iterations, nanos);
  }

  /**
   * The same comparison without HTTP and the SDK: {@code Dispatcher.handle} on two engines, so the
   * ratio shows the stage's own cost rather than the network's noise.
   */
  private static void serverSide(int iterations, long nanos) {
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
    Engine engine = new Engine(DynamoClock.system(), EngineOptions.defaults());
    engine.capacity().enabled(enforced);
    Dispatcher dispatcher = new Dispatcher(engine, Operations.dynamoDb(), Operations.streams());
    handle(dispatcher, "CreateTable", ("{\"TableName\":\"" + TABLE + "\",\"AttributeDefinitions\":[{\"AttributeName\":"
        + "\"pk\",\"AttributeType\":\"S\"}],\"KeySchema\":[{\"AttributeName\":\"pk\",\"KeyType\":\"HASH\"}],"
        + "\"ProvisionedThroughput\":{\"ReadCapacityUnits\":40000,\"WriteCapacityUnits\":40000}}")
        .getBytes(StandardCharsets.UTF_8));
    return dispatcher;
  }

  private static void handle(Dispatcher dispatcher, String operation, byte[] body) {
    ProtocolResponse response = dispatcher.handle("DynamoDB_20120810." + operation, null, "id", body, 0, body.length);
    if (response.status() != 200) {
      throw new IllegalStateException(operation + " answered " + response.status());
    }
  }

  /** Median ops/s of {@code a} and {@code b}, measured in alternating rounds (order swapped every round) after a warm-up. */
  private static double[] interleaved(int iterations, long nanos, IntConsumer a, IntConsumer b) {
    measure(a, nanos);
    measure(b, nanos);
    List<Double> as = new ArrayList<>();
    List<Double> bs = new ArrayList<>();
    for (int i = 0; i < iterations; i++) {
      if (i % 2 == 0) { // alternate which goes first: the first of a pair is measured slower on a busy machine
        as.add(measure(a, nanos));
        bs.add(measure(b, nanos));
      } else {
        bs.add(measure(b, nanos));
        as.add(measure(a, nanos));
      }
    }
    return new double[] {median(as), median(bs)};
  }

  private static double measure(IntConsumer operation, long nanos) {
    long start = System.nanoTime();
    long end = start + nanos;
    int ops = 0;
    long now;
    do {
      operation.accept(ops);
      ops++;
      now = System.nanoTime();
    } while (now < end);
    return ops / ((now - start) / 1e9);
  }

  private static double median(List<Double> values) {
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    return sorted.get(sorted.size() / 2);
  }

  private static void report(String operation, double[] onOff) {
    System.out.printf(Locale.ROOT, "%s: enforcement on %.0f ops/s, off %.0f ops/s, on/off = %.3f%n", operation,
        onOff[0], onOff[1], onOff[0] / onOff[1]);
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
