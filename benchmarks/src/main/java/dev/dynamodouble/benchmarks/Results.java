package dev.dynamodouble.benchmarks;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Everything one run measured, keyed for the table and the JSON. */
final class Results {

  /** One system on one workload with one thread count. */
  static final class Cell {
    final String system;
    final Workload workload;
    final int threads;
    String unavailable;
    final List<Double> opsPerSecond = new ArrayList<>();
    long operations;
    long[] sortedLatencies = new long[0];

    Cell(String system, Workload workload, int threads) {
      this.system = system;
      this.workload = workload;
      this.threads = threads;
    }

    boolean ok() {
      return unavailable == null && !opsPerSecond.isEmpty();
    }

    double medianOpsPerSecond() {
      return Stats.median(opsPerSecond);
    }

    /** Percentile latency in milliseconds. */
    double latencyMillis(double p) {
      return Stats.percentile(sortedLatencies, p) / 1e6;
    }
  }

  /** One system on one start-up measurement. */
  static final class Start {
    final String system;
    final String kind;
    String unavailable;
    final List<Double> millis = new ArrayList<>();

    Start(String system, String kind) {
      this.system = system;
      this.kind = kind;
    }

    boolean ok() {
      return unavailable == null && !millis.isEmpty();
    }

    double medianMillis() {
      return Stats.median(millis);
    }
  }

  /** Per-test-class overhead through JUnit, the plain class's time subtracted. */
  static final class Overhead {
    final String system;
    String unavailable;
    /** Median time of an empty test class (JUnit's own cost), ms. */
    double plainMillis;
    /** The first class in a fresh JVM, ms, minus {@link #plainMillis}. */
    double firstMillis;
    /** Each further class, ms, minus {@link #plainMillis}. */
    final List<Double> againMillis = new ArrayList<>();
    /** Each further class injecting the asynchronous client, after the sync ones (Dynamo Double only). */
    final List<Double> asyncAgainMillis = new ArrayList<>();

    Overhead(String system) {
      this.system = system;
    }

    boolean ok() {
      return unavailable == null && !againMillis.isEmpty();
    }

    double againMedian() {
      return Stats.median(againMillis);
    }

    double asyncAgainMedian() {
      return asyncAgainMillis.isEmpty() ? Double.NaN
          : Stats.median(asyncAgainMillis);
    }
  }

  /** Memory of N items of about 1 KB. */
  static final class Memory {
    final String system;
    String unavailable;
    long items;
    long itemBytes;
    long heapBytes;
    /**
     * Growth of the resident set with a fixed, pre-touched heap: what grew outside the Java heap
     * (native memory, code, metaspace); -1 where unknown.
     */
    long rssBytes = -1;
    double loadSeconds;

    Memory(String system) {
      this.system = system;
    }

    boolean ok() {
      return unavailable == null && items > 0;
    }

    double heapPerItem() {
      return (double) heapBytes / items;
    }

    double rssPerItem() {
      return rssBytes < 0 ? Double.NaN : (double) rssBytes / items;
    }

    /** Heap plus outside the heap: the resident memory the items cost. */
    double totalPerItem() {
      return rssBytes < 0 ? Double.NaN : (double) (heapBytes + Math.max(0, rssBytes)) / items;
    }
  }

  /** Query latency at one table size. */
  static final class ScalePoint {
    final String system;
    final int size;
    double p50Millis;
    double p99Millis;
    double loadSeconds;
    /** Client-thread CPU per Query (all of it in process); NaN when the probe did not report it. */
    double cpuP50Millis = Double.NaN;
    double cpuP99Millis = Double.NaN;
    /** The same, for the 1,000-item reference table queried alternately. */
    double refP99Millis = Double.NaN;
    double refCpuP99Millis = Double.NaN;
    /** Heap in use after full GCs and resident set, growth since the empty table, per item. */
    double heapPerItem = Double.NaN;
    double rssPerItem = Double.NaN;

    ScalePoint(String system, int size) {
      this.system = system;
      this.size = size;
    }
  }

  /** In-JVM start, the first in a fresh JVM (server classes not loaded yet). */
  static final String START_FIRST = "in-jvm-first";
  /** In-JVM start once the server's classes are loaded (what each further test class pays). */
  static final String START_WARM = "in-jvm-warm";
  /** New JVM process started to first answered request. */
  static final String COLD = "cold";

  final Map<String, String> systemNames = new LinkedHashMap<>();
  /** Why a whole system is missing (not built yet, set-up failed), by system id. */
  final Map<String, String> systemUnavailable = new LinkedHashMap<>();
  final List<Cell> cells = new ArrayList<>();
  final List<Start> starts = new ArrayList<>();
  final Map<String, Overhead> overheads = new LinkedHashMap<>();
  final Map<String, Memory> memory = new LinkedHashMap<>();
  final List<ScalePoint> scale = new ArrayList<>();
  /** Why a system has no (or not every) query-scale point, by system id. */
  final Map<String, String> scaleUnavailable = new LinkedHashMap<>();

  Overhead overhead(String system) {
    return overheads.computeIfAbsent(system, Overhead::new);
  }

  Memory memory(String system) {
    return memory.computeIfAbsent(system, Memory::new);
  }

  /** The query-scale point of a system at a size, or null. */
  ScalePoint scalePoint(String system, int size) {
    for (ScalePoint point : scale) {
      if (point.system.equals(system) && point.size == size) {
        return point;
      }
    }
    return null;
  }

  Cell cell(String system, Workload workload, int threads) {
    for (Cell cell : cells) {
      if (cell.system.equals(system) && cell.workload == workload && cell.threads == threads) {
        return cell;
      }
    }
    Cell cell = new Cell(system, workload, threads);
    cells.add(cell);
    return cell;
  }

  Start start(String system, String kind) {
    for (Start start : starts) {
      if (start.system.equals(system) && start.kind.equals(kind)) {
        return start;
      }
    }
    Start start = new Start(system, kind);
    starts.add(start);
    return start;
  }

  /** A short, single-line reason for "n/a". */
  static String reason(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getMessage() == null) {
      root = root.getCause();
    }
    String message = root.getMessage() == null ? "" : root.getMessage();
    int newline = message.indexOf('\n');
    if (newline >= 0) {
      message = message.substring(0, newline);
    }
    if (message.length() > 160) {
      message = message.substring(0, 157) + "...";
    }
    return root.getClass().getSimpleName() + (message.isEmpty() ? "" : ": " + message);
  }
}
