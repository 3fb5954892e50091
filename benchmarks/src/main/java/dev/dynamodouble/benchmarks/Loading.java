package dev.dynamodouble.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntFunction;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Fills a table quickly and the same way on every system: BatchWriteItem of 25 puts, from a few
 * client threads sharing one SDK client, replaying whatever a system leaves unprocessed.
 */
final class Loading {

  /** Client threads that load; more do not help on two cores. */
  static final int THREADS = 4;

  private Loading() {}

  /** Writes the items {@code item(from)} ... {@code item(to - 1)} into {@code table}. */
  static void load(DynamoDbClient dynamo, String table, int from, int to,
      IntFunction<Map<String, AttributeValue>> item) throws InterruptedException {
    int batches = (to - from + BenchData.BATCH_SIZE - 1) / BenchData.BATCH_SIZE;
    AtomicInteger next = new AtomicInteger();
    AtomicReference<Throwable> failure = new AtomicReference<>();
    Thread[] threads = new Thread[THREADS];
    for (int t = 0; t < threads.length; t++) {
      threads[t] = new Thread(() -> {
        try {
          for (int batch = next.getAndIncrement(); batch < batches && failure.get() == null;
              batch = next.getAndIncrement()) {
            int start = from + batch * BenchData.BATCH_SIZE;
            int end = Math.min(to, start + BenchData.BATCH_SIZE);
            List<WriteRequest> writes = new ArrayList<>(end - start);
            for (int i = start; i < end; i++) {
              writes.add(WriteRequest.builder()
                  .putRequest(PutRequest.builder().item(item.apply(i)).build()).build());
            }
            write(dynamo, table, writes);
          }
        } catch (Throwable e) {
          failure.compareAndSet(null, e);
        }
      }, "bench-loader-" + t);
      threads[t].setDaemon(true);
      threads[t].start();
    }
    for (Thread thread : threads) {
      thread.join();
    }
    if (failure.get() != null) {
      throw new IllegalStateException("loading " + table + " failed: "
          + Results.reason(failure.get()), failure.get());
    }
  }

  private static void write(DynamoDbClient dynamo, String table, List<WriteRequest> writes) {
    Map<String, List<WriteRequest>> pending = Map.of(table, writes);
    for (int attempt = 0; attempt < 100; attempt++) {
      Map<String, List<WriteRequest>> request = pending;
      BatchWriteItemResponse response = dynamo.batchWriteItem(r -> r.requestItems(request));
      if (!response.hasUnprocessedItems() || response.unprocessedItems().isEmpty()) {
        return;
      }
      pending = response.unprocessedItems();
    }
    throw new IllegalStateException("BatchWriteItem kept leaving items unprocessed");
  }

  /** Heap in use after full collections, in bytes. */
  static long settledHeapBytes() {
    long used = Long.MAX_VALUE;
    for (int i = 0; i < 4; i++) {
      System.gc();
      Runtime runtime = Runtime.getRuntime();
      used = Math.min(used, runtime.totalMemory() - runtime.freeMemory());
    }
    return used;
  }

  /** This process's resident set size in bytes (Linux), or -1 where unknown. */
  static long residentBytes() {
    try {
      for (String line : java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/self/status"))) {
        if (line.startsWith("VmRSS:")) {
          String[] parts = line.substring("VmRSS:".length()).trim().split("\\s+");
          return Long.parseLong(parts[0]) * 1024;
        }
      }
    } catch (java.io.IOException | RuntimeException unknown) {
      // not Linux
    }
    return -1;
  }

  /** Collections so far and the milliseconds they took, over all of this JVM's collectors. */
  static long[] collections() {
    long count = 0;
    long millis = 0;
    for (java.lang.management.GarbageCollectorMXBean collector
        : java.lang.management.ManagementFactory.getGarbageCollectorMXBeans()) {
      count += Math.max(0, collector.getCollectionCount());
      millis += Math.max(0, collector.getCollectionTime());
    }
    return new long[] {count, millis};
  }
}
