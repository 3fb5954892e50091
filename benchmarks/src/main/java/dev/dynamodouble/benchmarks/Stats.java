package dev.dynamodouble.benchmarks;

import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntConsumer;
import java.util.function.LongSupplier;

/** Medians and percentiles, and a timed loop of calls (with what each call cost). */
public final class Stats {
  private static final com.sun.management.ThreadMXBean THREADS =
      (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

  private Stats() {}

  /** The median; of an even count, the mean of the middle two. */
  public static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }

  /** As {@link #median(double[])}. */
  public static double median(List<Double> values) {
    return median(values.stream().mapToDouble(Double::doubleValue).toArray());
  }

  /** Nearest-rank percentile of already sorted values; {@code p} in (0, 1]. */
  static long percentile(long[] sorted, double p) {
    if (sorted.length == 0) {
      return 0;
    }
    int rank = (int) Math.ceil(p * sorted.length);
    return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
  }

  /** How many calls a loop made, and in how many nanoseconds. */
  record Timed(long calls, long nanos) {
    double perSecond() {
      return calls / (nanos / 1e9);
    }
  }

  /** Calls {@code operation} (with the number of calls before) until {@code nanos} have passed. */
  static Timed repeat(IntConsumer operation, long nanos) {
    long start = System.nanoTime();
    long end = start + nanos;
    int calls = 0;
    long now;
    do {
      operation.accept(calls);
      calls++;
      now = System.nanoTime();
    } while (now < end);
    return new Timed(calls, now - start);
  }

  /**
   * {@link #repeat}, and what the calls cost: {ops/s, nanoseconds of {@code cpu} per call, bytes
   * this thread allocated per call, this thread's CPU nanoseconds per call}.
   */
  static double[] costPerCall(IntConsumer operation, long nanos, LongSupplier cpu) {
    long allocated = THREADS.getCurrentThreadAllocatedBytes();
    long own = THREADS.getCurrentThreadCpuTime();
    long cpuBefore = cpu.getAsLong();
    Timed timed = repeat(operation, nanos);
    long ownAfter = THREADS.getCurrentThreadCpuTime();
    long cpuAfter = cpu.getAsLong();
    double calls = timed.calls();
    return new double[] {timed.perSecond(), (cpuAfter - cpuBefore) / calls,
        (THREADS.getCurrentThreadAllocatedBytes() - allocated) / calls, (ownAfter - own) / calls};
  }
}
