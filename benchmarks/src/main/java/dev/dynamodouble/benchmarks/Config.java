package dev.dynamodouble.benchmarks;

import dev.dynamodouble.benchmarks.sut.SystemUnderTest;
import dev.dynamodouble.benchmarks.sut.Systems;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Run settings, from system properties ({@code -Dbench.*}); see benchmarks/README.md. */
final class Config {

  /** Pseudo-workloads for the start-up measurements. */
  static final String START = "start";
  static final String COLD_START = "cold-start";
  /** Pseudo-workloads measured in child JVMs, one system at a time. */
  static final String OVERHEAD = "overhead";
  static final String MEMORY = "memory";
  static final String QUERY_SCALE = "query-scale";

  final List<SystemUnderTest> systems;
  final List<Workload> workloads;
  final boolean measureStart;
  final boolean measureColdStart;
  final boolean measureOverhead;
  final boolean measureMemory;
  final boolean measureQueryScale;
  final int[] threads;
  final double warmupSeconds;
  final double seconds;
  final int iterations;
  final int startJvms;
  final int startRuns;
  final int coldRuns;
  final int overheadClasses;
  final int memoryItems;
  final int memoryItemBytes;
  final int[] scaleSizes;
  final int scaleQueries;
  /** Item size of the query-scale table (DynamoDB's item size); 0: the bench item shape. */
  final int scaleItemBytes;
  final String childJvmArgs;
  final String http;
  final Path out;

  private Config() {
    systems = Systems.parse(System.getProperty("bench.systems", "all"));
    String selected = System.getProperty("bench.workloads", "all").trim();
    List<String> ids = selected.equals("all") ? null : Arrays.asList(selected.split("\\s*,\\s*"));
    workloads = new ArrayList<>();
    List<String> known = new ArrayList<>(List.of(START, COLD_START, OVERHEAD, MEMORY, QUERY_SCALE));
    for (Workload workload : Workloads.all()) {
      known.add(workload.id());
      if (ids == null || ids.contains(workload.id())) {
        workloads.add(workload);
      }
    }
    if (ids != null) {
      for (String id : ids) {
        if (!known.contains(id)) {
          throw new IllegalArgumentException("-Dbench.workloads: unknown '" + id + "'; known: "
              + String.join(",", known) + " or all");
        }
      }
    }
    measureStart = ids == null || ids.contains(START);
    measureColdStart = ids == null || ids.contains(COLD_START);
    measureOverhead = ids == null || ids.contains(OVERHEAD);
    measureMemory = ids == null || ids.contains(MEMORY);
    measureQueryScale = ids == null || ids.contains(QUERY_SCALE);
    threads = Arrays.stream(System.getProperty("bench.threads", "1,4").split("\\s*,\\s*"))
        .mapToInt(Integer::parseInt).toArray();
    warmupSeconds = Double.parseDouble(System.getProperty("bench.warmup", "1"));
    seconds = Double.parseDouble(System.getProperty("bench.seconds", "1"));
    iterations = Integer.parseInt(System.getProperty("bench.iterations", "5"));
    startJvms = Integer.parseInt(System.getProperty("bench.startJvms", "3"));
    startRuns = Integer.parseInt(System.getProperty("bench.startRuns", "5"));
    coldRuns = Integer.parseInt(System.getProperty("bench.coldRuns", "5"));
    overheadClasses = Integer.parseInt(System.getProperty("bench.overheadClasses", "10"));
    memoryItems = Integer.parseInt(System.getProperty("bench.memoryItems", "100000"));
    memoryItemBytes = Integer.parseInt(System.getProperty("bench.memoryItemBytes", "1024"));
    scaleSizes = Arrays.stream(
            System.getProperty("bench.scaleSizes", "1000,10000,100000,1000000").split("\\s*,\\s*"))
        .mapToInt(Integer::parseInt).toArray();
    scaleQueries = Integer.parseInt(System.getProperty("bench.scaleQueries", "2000"));
    scaleItemBytes = Integer.parseInt(System.getProperty("bench.scaleItemBytes", "0"));
    childJvmArgs = System.getProperty("bench.childJvmArgs", "-Xmx3g");
    http = Clients.httpClientName();
    out = Path.of(System.getProperty("bench.out", "target/benchmark-results.json"));
    if (iterations < 1 || seconds <= 0 || startJvms < 1 || startRuns < 0 || coldRuns < 1
        || overheadClasses < 2 || memoryItems < 1 || memoryItemBytes < 64 || scaleQueries < 1) {
      throw new IllegalArgumentException("bench.iterations, bench.seconds, bench.startJvms,"
          + " bench.coldRuns, bench.memoryItems and bench.scaleQueries must be positive,"
          + " bench.startRuns at least 0, bench.overheadClasses at least 2,"
          + " bench.memoryItemBytes at least 64");
    }
    for (int i = 0; i < scaleSizes.length; i++) {
      if (scaleSizes[i] < QueryScaleProbe.PARTITION_ITEMS
          || (i > 0 && scaleSizes[i] <= scaleSizes[i - 1])) {
        throw new IllegalArgumentException("bench.scaleSizes must increase, each at least "
            + QueryScaleProbe.PARTITION_ITEMS);
      }
    }
  }

  static Config fromSystemProperties() {
    return new Config();
  }

  /** The child JVMs' options (heap size) for the overhead, memory and query-scale probes. */
  List<String> childJvmArgs() {
    List<String> args = new ArrayList<>();
    for (String arg : childJvmArgs.trim().split("\\s+")) {
      if (!arg.isEmpty()) {
        args.add(arg);
      }
    }
    return args;
  }

  int maxThreads() {
    return Arrays.stream(threads).max().orElse(1);
  }
}
