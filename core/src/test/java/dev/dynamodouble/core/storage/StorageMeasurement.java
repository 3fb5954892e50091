package dev.dynamodouble.core.storage;

import java.util.Comparator;
import java.util.Random;
import java.util.TreeMap;

/**
 * Rough numbers for the record, not a test and not a benchmark (those live in `benchmarks`):
 * structure memory per entry and get/put throughput. Run by hand:
 * {@code java -cp core/target/classes:core/target/test-classes dev.dynamodouble.core.storage.StorageMeasurement}
 */
public final class StorageMeasurement {
  private static final Comparator<Integer> ORDER = Comparator.naturalOrder();
  private static volatile Object sink;

  private StorageMeasurement() {}

  public static void main(String[] args) {
    int[] sizes = args.length == 0 ? new int[] {100_000, 1_000_000} : java.util.Arrays.stream(args).mapToInt(Integer::parseInt).toArray();
    for (int n : sizes) {
      Integer[] keys = shuffledKeys(n, 42);
      String[] values = new String[n];
      for (int i = 0; i < n; i++) {
        values[i] = "v" + i;
      }
      memory(n, keys, values);
      throughput(n, keys, values);
    }
  }

  /** Heap held by the structure alone: keys and values exist before and after, so they cancel out. */
  private static void memory(int n, Integer[] keys, String[] values) {
    long before = usedHeap();
    PersistentSortedMap<Integer, String> grown = PersistentSortedMap.empty(ORDER);
    for (int i = 0; i < n; i++) {
      grown = grown.put(keys[i], values[i]);
    }
    long afterGrown = usedHeap();
    // The same key objects, in order (keys are a permutation of 0..n-1), so nothing new is boxed.
    Integer[] sorted = new Integer[n];
    for (Integer key : keys) {
      sorted[key] = key;
    }
    PersistentSortedMap.Builder<Integer, String> builder = PersistentSortedMap.builder(ORDER);
    for (int i = 0; i < n; i++) {
      builder.put(sorted[i], values[i]);
    }
    sorted = null;
    PersistentSortedMap<Integer, String> built = builder.build();
    builder = null;
    long afterBuilt = usedHeap();
    TreeMap<Integer, String> tree = new TreeMap<>();
    for (int i = 0; i < n; i++) {
      tree.put(keys[i], values[i]);
    }
    long afterTree = usedHeap();
    System.out.printf("%,d entries, bytes per entry beyond keys and values: random puts %.1f, builder %.1f, TreeMap %.1f%n",
        n, (afterGrown - before) / (double) n, (afterBuilt - afterGrown) / (double) n, (afterTree - afterBuilt) / (double) n);
    sink = new Object[] {grown, built, tree};
    sink = null;
  }

  private static void throughput(int n, Integer[] keys, String[] values) {
    Integer[] probes = shuffledKeys(n, 7);
    double[] best = new double[5];
    for (int round = 0; round < 6; round++) { // the first round warms the JIT up; the best of the rest is kept
      long start = System.nanoTime();
      PersistentSortedMap<Integer, String> map = PersistentSortedMap.empty(ORDER);
      for (int i = 0; i < n; i++) {
        map = map.put(keys[i], values[i]);
      }
      long putNanos = System.nanoTime() - start;
      start = System.nanoTime();
      long found = 0;
      for (int i = 0; i < n; i++) {
        found += map.get(probes[i]).length();
      }
      long getNanos = System.nanoTime() - start;
      start = System.nanoTime();
      PersistentSortedMap<Integer, String> updated = map;
      for (int i = 0; i < n; i++) {
        updated = updated.put(probes[i], "u");
      }
      long overwriteNanos = System.nanoTime() - start;

      start = System.nanoTime();
      TreeMap<Integer, String> tree = new TreeMap<>();
      for (int i = 0; i < n; i++) {
        tree.put(keys[i], values[i]);
      }
      long treePutNanos = System.nanoTime() - start;
      start = System.nanoTime();
      for (int i = 0; i < n; i++) {
        found += tree.get(probes[i]).length();
      }
      long treeGetNanos = System.nanoTime() - start;
      sink = new Object[] {updated, tree, found};
      double[] rates = {rate(n, putNanos), rate(n, overwriteNanos), rate(n, getNanos), rate(n, treePutNanos), rate(n, treeGetNanos)};
      for (int i = 0; round > 0 && i < rates.length; i++) {
        best[i] = Math.max(best[i], rates[i]);
      }
    }
    System.out.printf("%,d entries, million ops/s (random keys): put (insert) %.2f, put (overwrite) %.2f, get %.2f | mutable TreeMap: put %.2f, get %.2f%n",
        n, best[0], best[1], best[2], best[3], best[4]);
  }

  private static double rate(int n, long nanos) {
    return n * 1_000.0 / nanos;
  }

  private static Integer[] shuffledKeys(int n, long seed) {
    Integer[] keys = new Integer[n];
    for (int i = 0; i < n; i++) {
      keys[i] = i;
    }
    Random random = new Random(seed);
    for (int i = n - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      Integer swap = keys[i];
      keys[i] = keys[j];
      keys[j] = swap;
    }
    return keys;
  }

  private static long usedHeap() {
    Runtime runtime = Runtime.getRuntime();
    for (int i = 0; i < 4; i++) {
      System.gc();
    }
    return runtime.totalMemory() - runtime.freeMemory();
  }
}
