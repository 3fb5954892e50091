package dev.dynamodouble.benchmarks;

import dev.dynamodouble.core.protocol.Dispatcher;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;

/**
 * PutItem through the protocol dispatcher (no HTTP) on the calling thread, 1 KB items of 1,000
 * keys (most puts replace an item), tables in alternating rounds: isolates the engine's write path.
 */
final class DispatcherPuts {
  static final String PAYLOAD = "x".repeat(1000);

  /** Medians per table: ops/s by wall clock and by this thread's CPU time. */
  record Result(double[] wall, double[] cpu) {}

  private DispatcherPuts() {}

  static Result measure(Dispatcher dispatcher, String region, String[] tables, int rounds) {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    int puts = 20_000;
    double[][] wall = new double[tables.length][rounds];
    double[][] cpu = new double[tables.length][rounds];
    for (int round = -1; round < rounds; round++) {
      for (int t = 0; t < tables.length; t++) {
        byte[][] bodies = bodies(tables[t], round, puts);
        long c0 = threads.getCurrentThreadCpuTime();
        long t0 = System.nanoTime();
        for (byte[] body : bodies) {
          dispatcher.handle("DynamoDB_20120810.PutItem", region, "bench", body, 0, body.length);
        }
        if (round >= 0) { // round -1 warms up
          wall[t][round] = puts / ((System.nanoTime() - t0) / 1e9);
          cpu[t][round] = puts / ((threads.getCurrentThreadCpuTime() - c0) / 1e9);
        }
      }
    }
    double[] wallMedians = new double[tables.length];
    double[] cpuMedians = new double[tables.length];
    for (int t = 0; t < tables.length; t++) {
      wallMedians[t] = Stats.median(wall[t]);
      cpuMedians[t] = Stats.median(cpu[t]);
    }
    return new Result(wallMedians, cpuMedians);
  }

  /** PutItem bodies of 1 KB items of 1,000 keys (most puts replace an item), distinct per round. */
  static byte[][] bodies(String table, int round, int puts) {
    byte[][] bodies = new byte[puts][];
    for (int i = 0; i < puts; i++) {
      bodies[i] = ("{\"TableName\":\"" + table + "\",\"Item\":{\"pk\":{\"S\":\"k" + (i % 1000)
          + "\"},\"v\":{\"S\":\"" + round + "-" + i + "\"},\"payload\":{\"S\":\"" + PAYLOAD + "\"}}}")
          .getBytes(StandardCharsets.UTF_8);
    }
    return bodies;
  }

  /** Used heap after a few collections. */
  static long usedHeap() throws InterruptedException {
    Runtime runtime = Runtime.getRuntime();
    for (int i = 0; i < 3; i++) {
      System.gc();
      Thread.sleep(100);
    }
    return runtime.totalMemory() - runtime.freeMemory();
  }
}
