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

  final List<SystemUnderTest> systems;
  final List<Workload> workloads;
  final boolean measureStart;
  final boolean measureColdStart;
  final int[] threads;
  final double warmupSeconds;
  final double seconds;
  final int iterations;
  final int startJvms;
  final int startRuns;
  final int coldRuns;
  final String http;
  final Path out;

  private Config() {
    systems = Systems.parse(System.getProperty("bench.systems", "all"));
    String selected = System.getProperty("bench.workloads", "all").trim();
    List<String> ids = selected.equals("all") ? null : Arrays.asList(selected.split("\\s*,\\s*"));
    workloads = new ArrayList<>();
    List<String> known = new ArrayList<>(List.of(START, COLD_START));
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
    threads = Arrays.stream(System.getProperty("bench.threads", "1,4").split("\\s*,\\s*"))
        .mapToInt(Integer::parseInt).toArray();
    warmupSeconds = Double.parseDouble(System.getProperty("bench.warmup", "1"));
    seconds = Double.parseDouble(System.getProperty("bench.seconds", "1"));
    iterations = Integer.parseInt(System.getProperty("bench.iterations", "5"));
    startJvms = Integer.parseInt(System.getProperty("bench.startJvms", "3"));
    startRuns = Integer.parseInt(System.getProperty("bench.startRuns", "5"));
    coldRuns = Integer.parseInt(System.getProperty("bench.coldRuns", "5"));
    http = Clients.httpClientName();
    out = Path.of(System.getProperty("bench.out", "target/benchmark-results.json"));
    if (iterations < 1 || seconds <= 0 || startJvms < 1 || startRuns < 0 || coldRuns < 1) {
      throw new IllegalArgumentException("bench.iterations, bench.seconds, bench.startJvms and"
          + " bench.coldRuns must be positive, bench.startRuns at least 0");
    }
  }

  static Config fromSystemProperties() {
    return new Config();
  }

  int maxThreads() {
    return Arrays.stream(threads).max().orElse(1);
  }
}
