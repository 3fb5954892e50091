package dev.dynamodouble.benchmarks;

import dev.dynamodouble.core.DynamoDouble;
import dev.dynamodouble.core.time.DynamoClock;
import dev.dynamodouble.core.time.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * A bounded soak: 16 client threads (one SDK client) of mixed operations over a fixed key space
 * of an in-JVM Dynamo Double, for {@code -Dsoak.seconds} (default 180). The data set is filled
 * first, and the load runs {@code -Dsoak.warmupSeconds} (default 60) before the first heap figure,
 * so that what the engine keeps for a while is full too: the idempotency tokens of transactions,
 * kept 10 minutes of engine time. The engine runs on a manual clock that the soak moves on
 * {@code -Dsoak.clockRate} (default 20) seconds per second, so that window fills in 30 seconds of
 * the run rather than 10 minutes. The heap after a full GC is taken then and at the end. Errors
 * are counted by type: conditional failures and transaction conflicts are expected, nothing else.
 *
 * <pre>java -Xmx1g -cp "target/classes:$(cat target/benchmark.classpath)" dev.dynamodouble.benchmarks.Soak</pre>
 */
public final class Soak {
  private static final int THREADS = Integer.getInteger("soak.threads", 16);
  private static final int SECONDS = Integer.getInteger("soak.seconds", 180);
  private static final int WARMUP_SECONDS = Integer.getInteger("soak.warmupSeconds", 60);
  private static final int CLOCK_RATE = Integer.getInteger("soak.clockRate", 20);
  private static final int PARTITIONS = 1_000;
  private static final int ROWS = 10;
  private static final String TABLE = "soak";

  private Soak() {}

  public static void main(String[] args) throws InterruptedException {
    ManualClock clock = DynamoClock.manual(Instant.parse("2026-01-01T00:00:00Z"));
    try (DynamoDouble dynamo = DynamoDouble.builder().clock(clock).start();
         DynamoDbClient client = client(dynamo)) {
      client.createTable(r -> r.tableName(TABLE).billingMode(BillingMode.PAY_PER_REQUEST)
          .attributeDefinitions(a -> a.attributeName("pk").attributeType(ScalarAttributeType.S),
              a -> a.attributeName("sk").attributeType(ScalarAttributeType.N))
          .keySchema(k -> k.attributeName("pk").keyType(KeyType.HASH), k -> k.attributeName("sk").keyType(KeyType.RANGE)));
      clock.advance(Duration.ofSeconds(1)); // the table turns ACTIVE
      for (int p = 0; p < PARTITIONS; p++) {
        for (int s = 0; s < ROWS; s++) {
          put(client, p, s, 0);
        }
      }
      System.out.printf(Locale.ROOT, "[soak] data set filled: %,d items; heap after GC %.1f MB%n", PARTITIONS * ROWS,
          heapAfterGc() / 1e6);
      LongAdder ops = new LongAdder();
      Map<String, LongAdder> errors = new ConcurrentHashMap<>();
      AtomicBoolean stop = new AtomicBoolean();
      List<Thread> threads = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        Random random = new Random(t);
        Thread thread = new Thread(() -> {
          while (!stop.get()) {
            try {
              operation(client, random);
            } catch (DynamoDbException e) {
              errors.computeIfAbsent(e.awsErrorDetails().errorCode(), k -> new LongAdder()).increment();
            } catch (RuntimeException e) {
              errors.computeIfAbsent(e.getClass().getSimpleName(), k -> new LongAdder()).increment();
            }
            ops.increment();
          }
        }, "soak-" + t);
        threads.add(thread);
        thread.start();
      }
      run(clock, WARMUP_SECONDS, ops);
      long start = heapAfterGc();
      long warmupOps = ops.sum();
      System.out.printf(Locale.ROOT, "[soak] after %d s of load (%,d ops): heap after GC %.1f MB%n", WARMUP_SECONDS,
          warmupOps, start / 1e6);
      run(clock, SECONDS, ops);
      stop.set(true);
      for (Thread thread : threads) {
        thread.join();
      }
      long end = heapAfterGc();
      System.out.printf(Locale.ROOT, "soak: %d threads, %d s measured, %,d ops (%,.0f ops/s)%n", THREADS, SECONDS,
          ops.sum() - warmupOps, (ops.sum() - warmupOps) / (double) SECONDS);
      System.out.printf(Locale.ROOT, "heap after GC: start %.1f MB, end %.1f MB (%+.1f %%)%n", start / 1e6, end / 1e6,
          100.0 * (end - start) / start);
      System.out.println("errors by type: " + (errors.isEmpty() ? "none" : errors));
    }
  }

  /** Lets the load run for {@code seconds}, moving the engine clock on {@link #CLOCK_RATE} seconds a second. */
  private static void run(ManualClock clock, int seconds, LongAdder ops) throws InterruptedException {
    for (int second = 1; second <= seconds; second++) {
      Thread.sleep(1000);
      clock.advance(Duration.ofSeconds(CLOCK_RATE));
      if (second % 30 == 0) {
        System.out.printf(Locale.ROOT, "[soak %4d s] %,d ops%n", second, ops.sum());
      }
    }
  }

  /**
   * The SDK client, without the API-call timeout of the throughput harness's: the SDK keeps each
   * call's timeout task queued for the whole timeout, which would count as heap growth here.
   */
  private static DynamoDbClient client(DynamoDouble dynamo) {
    return DynamoDbClient.builder().endpointOverride(dynamo.endpoint()).region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("soak", "soak")))
        .httpClientBuilder(Apache5HttpClient.builder().maxConnections(THREADS * 2))
        .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()))
        .build();
  }

  /** One operation of the mix; the key space is fixed, so the data set stays the same size. */
  private static void operation(DynamoDbClient client, Random random) {
    int p = random.nextInt(PARTITIONS);
    int s = random.nextInt(ROWS);
    switch (random.nextInt(10)) {
      case 0, 1 -> put(client, p, s, random.nextInt(100));
      case 2, 3 -> client.getItem(r -> r.tableName(TABLE).key(key(p, s)));
      case 4 -> client.updateItem(r -> r.tableName(TABLE).key(key(p, s))
          .updateExpression("SET n = n + :one").conditionExpression("n < :max")
          .expressionAttributeValues(Map.of(":one", n(1), ":max", n(90)))
          .returnValues(ReturnValue.UPDATED_NEW));
      case 5 -> client.query(r -> r.tableName(TABLE).keyConditionExpression("pk = :p AND sk >= :s")
          .expressionAttributeValues(Map.of(":p", str("p" + p), ":s", n(s))));
      case 6 -> client.deleteItem(r -> r.tableName(TABLE).key(key(p, s))
          .conditionExpression("n > :min").expressionAttributeValues(Map.of(":min", n(95))));
      case 7 -> {
        List<WriteRequest> writes = new ArrayList<>();
        for (int i = 0; i < ROWS; i++) {
          int row = i;
          writes.add(WriteRequest.builder().putRequest(w -> w.item(item(p, row, random.nextInt(100)))).build());
        }
        client.batchWriteItem(r -> r.requestItems(Map.of(TABLE, writes)));
      }
      case 8 -> client.transactWriteItems(r -> r.transactItems(
          TransactWriteItem.builder().put(w -> w.tableName(TABLE).item(item(p, s, 1))).build(),
          TransactWriteItem.builder().update(u -> u.tableName(TABLE).key(key((p + 1) % PARTITIONS, s))
              .updateExpression("SET n = :z").expressionAttributeValues(Map.of(":z", n(0)))).build()));
      default -> client.scan(r -> r.tableName(TABLE).limit(25).exclusiveStartKey(key(p, s)));
    }
  }

  private static void put(DynamoDbClient client, int p, int s, int n) {
    client.putItem(r -> r.tableName(TABLE).item(item(p, s, n)));
  }

  private static Map<String, AttributeValue> key(int p, int s) {
    return Map.of("pk", str("p" + p), "sk", n(s));
  }

  private static Map<String, AttributeValue> item(int p, int s, int n) {
    return Map.of("pk", str("p" + p), "sk", n(s), "n", n(n), "payload", str("x".repeat(100 + (p * 7 + s) % 100)));
  }

  private static AttributeValue str(String s) {
    return AttributeValue.builder().s(s).build();
  }

  private static AttributeValue n(int n) {
    return AttributeValue.builder().n(Integer.toString(n)).build();
  }

  private static long heapAfterGc() throws InterruptedException {
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    for (int i = 0; i < 3; i++) {
      System.gc();
      Thread.sleep(200);
    }
    return memory.getHeapMemoryUsage().getUsed();
  }
}
