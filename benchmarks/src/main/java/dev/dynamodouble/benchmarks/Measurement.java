package dev.dynamodouble.benchmarks;

import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * One timed run of a workload: {@code threads} client threads share one SDK client and call the
 * workload back to back until the duration is over; every call's latency is recorded.
 */
final class Measurement {

  final long operations;
  final long elapsedNanos;
  /** Latency of every call, in nanoseconds, unsorted. */
  final long[] latencies;
  /** The first failure of any thread (the run stops at once), or null. */
  final Throwable failure;

  private Measurement(long operations, long elapsedNanos, long[] latencies, Throwable failure) {
    this.operations = operations;
    this.elapsedNanos = elapsedNanos;
    this.latencies = latencies;
    this.failure = failure;
  }

  double opsPerSecond() {
    return elapsedNanos == 0 ? 0 : operations * 1e9 / elapsedNanos;
  }

  static Measurement run(DynamoDbClient dynamo, Workload workload, int threads, long durationNanos)
      throws InterruptedException {
    AtomicReference<Throwable> failure = new AtomicReference<>();
    CountDownLatch ready = new CountDownLatch(threads);
    CountDownLatch go = new CountDownLatch(1);
    long[] start = new long[1];
    long[][] latencies = new long[threads][];
    int[] counts = new int[threads];
    long[] lastEnd = new long[threads];
    Thread[] workers = new Thread[threads];
    for (int t = 0; t < threads; t++) {
      int thread = t;
      workers[t] = new Thread(() -> {
        long[] mine = new long[4096];
        int count = 0;
        long end = 0;
        ready.countDown();
        try {
          go.await();
          long deadline = start[0] + durationNanos;
          long sequence = 0;
          while (failure.get() == null) {
            long before = System.nanoTime();
            if (before >= deadline) {
              break;
            }
            workload.run(dynamo, thread, sequence++);
            end = System.nanoTime();
            if (count == mine.length) {
              mine = Arrays.copyOf(mine, count * 2);
            }
            mine[count++] = end - before;
          }
        } catch (Throwable e) {
          failure.compareAndSet(null, e);
        }
        latencies[thread] = mine;
        counts[thread] = count;
        lastEnd[thread] = end;
      }, "bench-client-" + t);
      workers[t].setDaemon(true);
      workers[t].start();
    }
    ready.await();
    start[0] = System.nanoTime();
    go.countDown();
    for (Thread worker : workers) {
      worker.join();
    }
    long total = 0;
    long end = start[0];
    for (int t = 0; t < threads; t++) {
      total += counts[t];
      end = Math.max(end, lastEnd[t]);
    }
    long[] all = new long[(int) total];
    int at = 0;
    for (int t = 0; t < threads; t++) {
      System.arraycopy(latencies[t], 0, all, at, counts[t]);
      at += counts[t];
    }
    return new Measurement(total, end - start[0], all, failure.get());
  }
}
