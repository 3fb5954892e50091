package dev.dynamodouble.benchmarks;

import dev.dynamodouble.benchmarks.sut.RunningEndpoint;
import dev.dynamodouble.benchmarks.sut.SystemUnavailableException;
import dev.dynamodouble.benchmarks.sut.SystemUnderTest;
import dev.dynamodouble.benchmarks.sut.Systems;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Query latency as a table grows, in a child JVM: {@code QueryScaleProbe <system> <sizes>
 * <queries>}, sizes comma-separated and increasing. The table holds partitions of 10 items
 * (the bench item shape, about 150 bytes); it is grown with BatchWriteItem to each size in turn,
 * and at each size one client thread runs {@code queries / 4} warm-up Queries (5,000 more at the
 * first size) and then
 * {@code queries} measured Queries, each of the 10 items of a random partition.
 *
 * <p>Prints one {@code PROBE-POINT size=.. p50=.. p99=.. loadSeconds=..} per size (ms), then
 * {@code PROBE-RESULT done}.
 */
public final class QueryScaleProbe {

  static final String TABLE = "scale";
  static final int PARTITION_ITEMS = 10;
  /** Extra warm-up Queries at the first size. */
  static final int FIRST_WARM_UP = 5_000;

  private QueryScaleProbe() {}

  public static void main(String[] args) {
    try {
      SystemUnderTest system = Systems.byId(args[0]);
      int[] sizes = Arrays.stream(args[1].split(",")).mapToInt(Integer::parseInt).toArray();
      int queries = Integer.parseInt(args[2]);
      RunningEndpoint running = system.start(0);
      try (DynamoDbClient dynamo = Clients.create(running.endpoint())) {
        Workloads.createTable(dynamo, TABLE);
        int loaded = 0;
        for (int size : sizes) {
          long t0 = System.nanoTime();
          Loading.load(dynamo, TABLE, loaded, size, QueryScaleProbe::item);
          double loadSeconds = (System.nanoTime() - t0) / 1e9;
          loaded = Math.max(loaded, size);
          int partitions = loaded / PARTITION_ITEMS;
          SplittableRandom random = new SplittableRandom(size);
          // The first size also warms up client and server code that the later sizes would
          // otherwise find better compiled.
          int warmUp = size == sizes[0] ? FIRST_WARM_UP + queries / 4 : queries / 4;
          for (int i = 0; i < warmUp; i++) {
            query(dynamo, random.nextInt(partitions));
          }
          long[] latencies = new long[queries];
          for (int i = 0; i < queries; i++) {
            int partition = random.nextInt(partitions);
            long before = System.nanoTime();
            query(dynamo, partition);
            latencies[i] = System.nanoTime() - before;
          }
          Arrays.sort(latencies);
          System.out.printf(Locale.ROOT, "%ssize=%d p50=%.4f p99=%.4f loadSeconds=%.2f%n",
              ChildJvm.POINT, size, Stats.percentile(latencies, 0.50) / 1e6,
              Stats.percentile(latencies, 0.99) / 1e6, loadSeconds);
          System.out.flush();
        }
        ChildJvm.exit(ChildJvm.RESULT + "done", 0);
      } finally {
        running.close();
      }
    } catch (SystemUnavailableException e) {
      ChildJvm.exit(ChildJvm.UNAVAILABLE + Results.reason(e), 0);
    } catch (Throwable e) {
      e.printStackTrace();
      ChildJvm.exit(ChildJvm.ERROR + Results.reason(e), 1);
    }
  }

  private static void query(DynamoDbClient dynamo, int partition) {
    int count = dynamo.query(r -> r.tableName(TABLE)
        .keyConditionExpression("#pk = :pk")
        .expressionAttributeNames(Map.of("#pk", BenchData.PK))
        .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(partitionKey(partition)))))
        .count();
    if (count != PARTITION_ITEMS) {
      throw new IllegalStateException("Query of partition " + partition + " returned " + count
          + " items");
    }
  }

  static String partitionKey(int partition) {
    return "part-" + partition;
  }

  /** Item {@code i}: partition {@code i / 10}, sort key {@code i % 10}, the bench item shape. */
  static Map<String, AttributeValue> item(int i) {
    return Workloads.item(partitionKey(i / PARTITION_ITEMS),
        Integer.toString(i % PARTITION_ITEMS), i);
  }
}
