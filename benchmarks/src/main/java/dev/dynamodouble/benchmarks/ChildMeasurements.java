package dev.dynamodouble.benchmarks;

import dev.dynamodouble.benchmarks.sut.DynamoDoubleInProcess;
import dev.dynamodouble.benchmarks.sut.Floor;
import dev.dynamodouble.benchmarks.sut.SystemUnderTest;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The measurements that each need a fresh JVM per system: per-test-class overhead through JUnit,
 * memory per item, and Query latency as a table grows. The floor stores nothing and has no test
 * class, so it is left out of all three.
 */
final class ChildMeasurements {

  private static final long OVERHEAD_TIMEOUT_SECONDS = 600;
  private static final long MEMORY_TIMEOUT_SECONDS = 1_800;
  private static final long SCALE_TIMEOUT_SECONDS = 3_600;

  /**
   * The memory probe's heap is fixed and touched up front, so that the resident set grows only by
   * what lives outside the Java heap (DynamoDB Local's SQLite keeps its tables there).
   */
  static final java.util.List<String> MEMORY_JVM_ARGS =
      java.util.List.of("-Xms3g", "-Xmx3g", "-XX:+AlwaysPreTouch");

  private final Config config;
  private final Results results;
  private final Path logs;

  ChildMeasurements(Config config, Results results, Path logs) {
    this.config = config;
    this.results = results;
    this.logs = logs;
  }

  /** Memory and query scale: every system that stores items, also in process. */
  static boolean applies(SystemUnderTest system) {
    return !system.id().equals(Floor.ID)
        && !system.id().equals(Floor.READING_ID)
        && !system.id().equals(dev.dynamodouble.benchmarks.sut.DynamoDbLocalOptIn.EMBEDDED)
        && !system.id().equals(dev.dynamodouble.benchmarks.sut.DynamoDoubleCds.ID);
  }

  /** The per-test-class cost: systems a test class starts (the in-process one has no class of its own). */
  static boolean appliesToOverhead(SystemUnderTest system) {
    return applies(system) && !system.id().equals(DynamoDoubleInProcess.ID);
  }

  void overhead(SystemUnderTest system) throws IOException, InterruptedException {
    Results.Overhead overhead = results.overhead(system.id());
    ChildJvm.Outcome outcome = ChildJvm.run(config.childJvmArgs(), OverheadProbe.class,
        logs.resolve(system.id() + "-overhead.log"), OVERHEAD_TIMEOUT_SECONDS,
        system.id(), String.valueOf(config.overheadClasses));
    if (outcome.result == null) {
      overhead.unavailable = outcome.failure;
      return;
    }
    overhead.plainMillis = Double.parseDouble(outcome.result.get("plain"));
    overhead.firstMillis = Double.parseDouble(outcome.result.get("first")) - overhead.plainMillis;
    for (String millis : outcome.result.get("again").split(",")) {
      overhead.againMillis.add(Double.parseDouble(millis) - overhead.plainMillis);
    }
    String async = outcome.result.get("async");
    if (async != null) {
      for (String millis : async.split(",")) {
        overhead.asyncAgainMillis.add(Double.parseDouble(millis) - overhead.plainMillis);
      }
    }
  }

  void memory(SystemUnderTest system) throws IOException, InterruptedException {
    Results.Memory memory = results.memory(system.id());
    ChildJvm.Outcome outcome = ChildJvm.run(MEMORY_JVM_ARGS, MemoryProbe.class,
        logs.resolve(system.id() + "-memory.log"), MEMORY_TIMEOUT_SECONDS,
        system.id(), String.valueOf(config.memoryItems), String.valueOf(config.memoryItemBytes));
    if (outcome.result == null) {
      memory.unavailable = outcome.failure;
      return;
    }
    Map<String, String> result = outcome.result;
    memory.items = Long.parseLong(result.get("items"));
    memory.itemBytes = Long.parseLong(result.get("itemBytes"));
    memory.heapBytes = Long.parseLong(result.get("heapBytes"));
    memory.rssBytes = Long.parseLong(result.get("rssBytes"));
    memory.loadSeconds = Double.parseDouble(result.get("loadSeconds"));
  }

  void queryScale(SystemUnderTest system) throws IOException, InterruptedException {
    String sizes = Arrays.stream(config.scaleSizes).mapToObj(String::valueOf)
        .collect(Collectors.joining(","));
    ChildJvm.Outcome outcome = ChildJvm.run(config.childJvmArgs(), QueryScaleProbe.class,
        logs.resolve(system.id() + "-query-scale.log"), SCALE_TIMEOUT_SECONDS,
        system.id(), sizes, String.valueOf(config.scaleQueries), String.valueOf(config.scaleItemBytes));
    for (Map<String, String> fields : outcome.points) {
      Results.ScalePoint point =
          new Results.ScalePoint(system.id(), Integer.parseInt(fields.get("size")));
      point.p50Millis = Double.parseDouble(fields.get("p50"));
      point.p99Millis = Double.parseDouble(fields.get("p99"));
      point.loadSeconds = Double.parseDouble(fields.get("loadSeconds"));
      point.cpuP50Millis = number(fields, "cpuP50");
      point.cpuP99Millis = number(fields, "cpuP99");
      point.refP99Millis = number(fields, "refp99");
      point.refCpuP99Millis = number(fields, "refcpuP99");
      point.heapPerItem = number(fields, "heapPerItem");
      point.rssPerItem = number(fields, "rssPerItem");
      results.scale.add(point);
    }
    if (outcome.result == null) {
      results.scaleUnavailable.put(system.id(), outcome.failure);
    }
  }

  private static double number(Map<String, String> fields, String name) {
    String value = fields.get(name);
    return value == null ? Double.NaN : Double.parseDouble(value);
  }
}
