package dev.dynamodouble.benchmarks;

import dev.dynamodouble.benchmarks.sut.RunningEndpoint;
import dev.dynamodouble.benchmarks.sut.SystemUnavailableException;
import dev.dynamodouble.benchmarks.sut.SystemUnderTest;
import dev.dynamodouble.benchmarks.sut.Systems;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.IntFunction;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Query latency as a table grows, in a child JVM: {@code QueryScaleProbe <system> <sizes>
 * <queries> [itemBytes]}, sizes comma-separated and increasing. The table holds partitions of 10
 * items (the bench item shape, about 150 bytes, or with {@code itemBytes} a string attribute of
 * distinct text per item padding it to that size); it is grown with BatchWriteItem to each size
 * in turn, and at each size one client thread runs {@code queries / 4} warm-up Queries (5,000
 * more at the first size) and then {@code queries} measured Queries, each of the 10 items of a
 * random partition.
 *
 * <p>After each load (before the Queries) the heap in use after full collections and the resident
 * set are taken; their growth since the empty table, divided by the items, is the cost per item.
 * The young and old collections during the measured Queries are counted, so a p99 can be told
 * apart from a collector's pause.
 *
 * <p>Every measured Query of the growing table alternates with one of a fixed 1,000-item table
 * (its figures carry the prefix {@code ref}).
 *
 * <p>Each Query's wall time and its client thread's CPU time are taken: on a busy machine the
 * wall time's p99 is the scheduler's, while in process the CPU time is the whole call's own cost.
 *
 * <p>Prints one {@code PROBE-POINT size=.. p50=.. p99=.. cpuP50=.. cpuP99=.. loadSeconds=..
 * loadCpuSeconds=.. loadGcMillis=.. heapPerItem=..
 * rssPerItem=.. heapBytes=.. rssBytes=.. gcs=.. gcMillis=.. refp50=.. refp99=.. refcpuP50=..
 * refcpuP99=..} per size (ms, bytes), then
 * {@code PROBE-RESULT done}.
 */
public final class QueryScaleProbe {

  static final String TABLE = "scale";
  /**
   * A table of {@value #REFERENCE_ITEMS} items, queried alternately with the growing one: its
   * latency is the 1,000-item figure at the same moment (same compiled code, same heap, same load
   * from elsewhere), so the ratio at each size is the table's size alone.
   */
  static final String REFERENCE_TABLE = "scale_ref";
  static final int REFERENCE_ITEMS = 1_000;
  static final int PARTITION_ITEMS = 10;
  /** Extra warm-up Queries at the first size. */
  static final int FIRST_WARM_UP = 5_000;

  /** The Query's CPU on the client thread: all of it in process (the engine runs on that thread). */
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  /** The whole process's CPU while loading (client, engine and collector threads alike). */
  private static final com.sun.management.OperatingSystemMXBean PROCESS =
      (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

  private QueryScaleProbe() {}

  public static void main(String[] args) {
    try {
      SystemUnderTest system = Systems.byId(args[0]);
      int[] sizes = Arrays.stream(args[1].split(",")).mapToInt(Integer::parseInt).toArray();
      int queries = Integer.parseInt(args[2]);
      int itemBytes = args.length > 3 ? Integer.parseInt(args[3]) : 0;
      IntFunction<Map<String, AttributeValue>> item = i -> item(i, itemBytes);
      RunningEndpoint running = system.start(0);
      try (DynamoDbClient dynamo = Clients.create(running)) {
        Workloads.createTable(dynamo, TABLE);
        Workloads.createTable(dynamo, REFERENCE_TABLE);
        Loading.load(dynamo, REFERENCE_TABLE, 0, REFERENCE_ITEMS, item);
        long heapEmpty = Loading.settledHeapBytes();
        long rssEmpty = Loading.residentBytes();
        int loaded = 0;
        for (int size : sizes) {
          long t0 = System.nanoTime();
          long cpu0 = PROCESS.getProcessCpuTime();
          long[] gc0 = Loading.collections();
          Loading.load(dynamo, TABLE, loaded, size, item);
          double loadSeconds = (System.nanoTime() - t0) / 1e9;
          double loadCpuSeconds = (PROCESS.getProcessCpuTime() - cpu0) / 1e9;
          long loadGcMillis = Loading.collections()[1] - gc0[1];
          loaded = Math.max(loaded, size);
          long heap = Loading.settledHeapBytes() - heapEmpty;
          long rss = Loading.residentBytes() - rssEmpty;
          int partitions = loaded / PARTITION_ITEMS;
          SplittableRandom random = new SplittableRandom(size);
          // The first size also warms up client and server code that the later sizes would
          // otherwise find better compiled.
          int warmUp = size == sizes[0] ? FIRST_WARM_UP + queries / 4 : queries / 4;
          for (int i = 0; i < warmUp; i++) {
            query(dynamo, TABLE, random.nextInt(partitions));
            query(dynamo, REFERENCE_TABLE, random.nextInt(REFERENCE_ITEMS / PARTITION_ITEMS));
          }
          long[] gcBefore = Loading.collections();
          Timings grown = new Timings(queries);
          Timings reference = new Timings(queries);
          for (int i = 0; i < queries; i++) {
            // Alternating, so that whatever slows one moment slows both tables alike.
            grown.time(i, () -> query(dynamo, TABLE, random.nextInt(partitions)));
            reference.time(i, () -> query(dynamo, REFERENCE_TABLE,
                random.nextInt(REFERENCE_ITEMS / PARTITION_ITEMS)));
          }
          long[] gcAfter = Loading.collections();
          System.out.printf(Locale.ROOT, "%ssize=%d %s loadSeconds=%.2f loadCpuSeconds=%.2f"
                  + " loadGcMillis=%d heapPerItem=%.1f"
                  + " rssPerItem=%.1f heapBytes=%d rssBytes=%d gcs=%d gcMillis=%d %s%n",
              ChildJvm.POINT, size, grown.summary(""), loadSeconds, loadCpuSeconds, loadGcMillis,
              (double) heap / loaded,
              (double) rss / loaded, heap, rss, gcAfter[0] - gcBefore[0], gcAfter[1] - gcBefore[1],
              reference.summary("ref"));
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

  /** Wall and client-thread CPU time of each of a run of Queries. */
  private static final class Timings {
    final long[] wall;
    final long[] cpu;

    Timings(int queries) {
      wall = new long[queries];
      cpu = new long[queries];
    }

    void time(int i, Runnable query) {
      long cpuBefore = THREADS.getCurrentThreadCpuTime();
      long before = System.nanoTime();
      query.run();
      wall[i] = System.nanoTime() - before;
      cpu[i] = THREADS.getCurrentThreadCpuTime() - cpuBefore;
    }

    /** {@code p50=.. p99=.. cpuP50=.. cpuP99=..} in ms, each name after {@code prefix}. */
    String summary(String prefix) {
      Arrays.sort(wall);
      Arrays.sort(cpu);
      return String.format(Locale.ROOT, "%1$sp50=%2$.4f %1$sp99=%3$.4f %1$scpuP50=%4$.4f"
              + " %1$scpuP99=%5$.4f", prefix,
          Stats.percentile(wall, 0.50) / 1e6, Stats.percentile(wall, 0.99) / 1e6,
          Stats.percentile(cpu, 0.50) / 1e6, Stats.percentile(cpu, 0.99) / 1e6);
    }
  }

  private static void query(DynamoDbClient dynamo, String table, int partition) {
    int count = dynamo.query(r -> r.tableName(table)
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

  /**
   * Item {@code i}: partition {@code i / 10}, sort key {@code i % 10}, the bench item shape, padded
   * to {@code itemBytes} when that is positive.
   */
  static Map<String, AttributeValue> item(int i, int itemBytes) {
    Map<String, AttributeValue> item = Workloads.item(partitionKey(i / PARTITION_ITEMS),
        Integer.toString(i % PARTITION_ITEMS), i);
    return itemBytes > 0 ? MemoryProbe.padded(item, i, itemBytes) : item;
  }
}
