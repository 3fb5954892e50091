package dev.dynamodouble.benchmarks;

import dev.dynamodouble.benchmarks.sut.FloorServer;
import dev.dynamodouble.benchmarks.sut.RunningEndpoint;
import dev.dynamodouble.benchmarks.sut.SystemUnderTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The side-by-side benchmark: Dynamo Double, DynamoDB Local and the floor, each through the same
 * AWS SDK v2 sync client over loopback. Start-up is measured first (in child JVMs), then every
 * workload with every thread count; the systems all run in this JVM and take turns within each
 * iteration so that noise from a shared machine hits them alike. Prints a table and writes JSON.
 * Settings: see {@link Config} and benchmarks/README.md.
 */
public final class SideBySide {

  private static final long BEGAN = System.nanoTime();

  private SideBySide() {}

  public static void main(String[] args) throws Exception {
    double loadAtStart = Report.loadAverage();
    Config config = Config.fromSystemProperties();
    Results results = new Results();
    for (SystemUnderTest system : config.systems) {
      results.systemNames.put(system.id(), system.displayName());
    }
    Path logs = config.out.toAbsolutePath().getParent().resolve("bench-logs");
    Files.createDirectories(logs);
    progress("%s", Report.environment(config));
    progress("systems %s; workloads %d x threads %s; warm-up %s s, %d x %s s; child-JVM logs in %s",
        results.systemNames.keySet(), config.workloads.size(), Arrays.toString(config.threads),
        config.warmupSeconds, config.iterations, config.seconds, logs);

    warmSdkInThisJvm();
    StartUp startUp = new StartUp(config, results, logs);
    for (SystemUnderTest system : config.systems) {
      if (config.measureStart) {
        startUp.inJvm(system);
        progress("start-up in JVM  %-15s first %s, again %s", system.displayName(),
            startSummary(results.start(system.id(), Results.START_FIRST)),
            startSummary(results.start(system.id(), Results.START_WARM)));
      }
      if (config.measureColdStart) {
        startUp.cold(system);
        progress("cold start       %-15s %s", system.displayName(),
            startSummary(results.start(system.id(), Results.COLD)));
      }
    }
    ChildMeasurements children = new ChildMeasurements(config, results, logs);
    for (SystemUnderTest system : config.systems) {
      if (!ChildMeasurements.applies(system)) {
        continue;
      }
      if (config.measureOverhead && ChildMeasurements.appliesToOverhead(system)) {
        children.overhead(system);
        Results.Overhead overhead = results.overhead(system.id());
        progress("test-class cost  %-15s %s", system.displayName(), overhead.ok()
            ? String.format(Locale.ROOT, "first %.1f ms, again %.1f ms (empty class %.1f ms)",
                overhead.firstMillis, overhead.againMedian(), overhead.plainMillis)
            : "n/a (" + overhead.unavailable + ")");
      }
      if (config.measureMemory) {
        children.memory(system);
        Results.Memory memory = results.memory(system.id());
        progress("memory           %-15s %s", system.displayName(), memory.ok()
            ? String.format(Locale.ROOT, "%,d items of %,d bytes: heap %,.0f B/item, RSS %,.0f B/item"
                + " (loaded in %.1f s)", memory.items, memory.itemBytes, memory.heapPerItem(),
                memory.rssPerItem(), memory.loadSeconds)
            : "n/a (" + memory.unavailable + ")");
      }
      if (config.measureQueryScale) {
        children.queryScale(system);
        for (int size : config.scaleSizes) {
          Results.ScalePoint point = results.scalePoint(system.id(), size);
          if (point != null) {
            progress("query-scale      %-15s %,9d items: p50 %.3f ms, p99 %.3f ms (loaded in %.1f s)",
                system.displayName(), size, point.p50Millis, point.p99Millis, point.loadSeconds);
          }
        }
        if (results.scaleUnavailable.containsKey(system.id())) {
          progress("query-scale      %-15s n/a (%s)", system.displayName(),
              results.scaleUnavailable.get(system.id()));
        }
      }
    }
    if (!config.workloads.isEmpty()) {
      runWorkloads(config, results);
    }

    Report report = new Report(config, results, loadAtStart);
    report.print(System.out);
    report.writeJson(config.out);
    System.out.printf(Locale.ROOT, "%nJSON: %s (run took %.0f s)%n",
        config.out.toAbsolutePath(), (System.nanoTime() - BEGAN) / 1e9);
  }

  /** A system running in this JVM with its client. */
  private static final class Live {
    final SystemUnderTest system;
    final RunningEndpoint endpoint;
    final DynamoDbClient client;

    Live(SystemUnderTest system, RunningEndpoint endpoint, DynamoDbClient client) {
      this.system = system;
      this.endpoint = endpoint;
      this.client = client;
    }
  }

  private static void runWorkloads(Config config, Results results) throws InterruptedException {
    List<Live> live = new ArrayList<>();
    try {
      for (SystemUnderTest system : config.systems) {
        RunningEndpoint endpoint = null;
        DynamoDbClient client = null;
        try {
          endpoint = system.start(0);
          client = Clients.create(endpoint);
          Workloads.prepare(client, config.maxThreads());
          live.add(new Live(system, endpoint, client));
          progress("running          %-15s at %s", system.displayName(), endpoint.endpoint());
        } catch (Exception e) {
          results.systemUnavailable.put(system.id(), Results.reason(e));
          progress("n/a              %-15s %s", system.displayName(), Results.reason(e));
          closeQuietly(client, endpoint);
        }
      }
      if (config.warmupSeconds > 0) {
        // One pass over every workload first, so the first cells are not measured on code that
        // only the later ones have had compiled (client and servers alike).
        long warmUp = nanos(Math.min(0.5, config.warmupSeconds));
        for (Workload workload : config.workloads) {
          for (Live system : live) {
            Measurement.run(system.client, workload, config.maxThreads(), warmUp);
          }
        }
        progress("warmed up        every workload on every system");
      }
      int cells = config.workloads.size() * config.threads.length;
      int done = 0;
      for (Workload workload : config.workloads) {
        for (int threads : config.threads) {
          measureCell(config, results, live, workload, threads);
          done++;
          StringBuilder line = new StringBuilder();
          for (Live system : live) {
            Results.Cell cell = results.cell(system.system.id(), workload, threads);
            line.append(String.format(Locale.ROOT, "  %s %s", system.system.displayName(),
                cell.ok() ? String.format(Locale.ROOT, "%,.0f ops/s", cell.medianOpsPerSecond())
                    : "n/a"));
          }
          progress("[%2d/%d] %-30s x%d:%s", done, cells, workload.label(), threads, line);
        }
      }
    } finally {
      for (Live system : live) {
        closeQuietly(system.client, system.endpoint);
      }
    }
  }

  private static void measureCell(Config config, Results results, List<Live> live,
      Workload workload, int threads) throws InterruptedException {
    List<Live> active = new ArrayList<>();
    for (Live system : live) {
      Results.Cell cell = results.cell(system.system.id(), workload, threads);
      if (config.warmupSeconds > 0) {
        Measurement warmUp = Measurement.run(
            system.client, workload, threads, nanos(config.warmupSeconds));
        if (warmUp.failure != null) {
          cell.unavailable = Results.reason(warmUp.failure);
          continue;
        }
      }
      active.add(system);
    }
    List<List<long[]>> latencies = new ArrayList<>();
    for (int i = 0; i < active.size(); i++) {
      latencies.add(new ArrayList<>());
    }
    for (int iteration = 0; iteration < config.iterations; iteration++) {
      // Take turns, starting with a different system each iteration.
      for (int turn = 0; turn < active.size(); turn++) {
        int index = (turn + iteration) % active.size();
        Live system = active.get(index);
        Results.Cell cell = results.cell(system.system.id(), workload, threads);
        if (cell.unavailable != null) {
          continue;
        }
        System.gc(); // leave no garbage of the previous turn to the next system
        Measurement measured = Measurement.run(
            system.client, workload, threads, nanos(config.seconds));
        if (measured.failure != null) {
          cell.unavailable = Results.reason(measured.failure);
          cell.opsPerSecond.clear();
          continue;
        }
        cell.opsPerSecond.add(measured.opsPerSecond());
        cell.operations += measured.operations;
        latencies.get(index).add(measured.latencies);
      }
    }
    for (int index = 0; index < active.size(); index++) {
      Results.Cell cell = results.cell(active.get(index).system.id(), workload, threads);
      if (cell.unavailable != null) {
        continue;
      }
      long[] all = latencies.get(index).stream().flatMapToLong(Arrays::stream).toArray();
      Arrays.sort(all);
      cell.sortedLatencies = all;
    }
  }

  /** Loads and JIT-warms the SDK client in this JVM (used by the cold-start polling). */
  private static void warmSdkInThisJvm() throws InterruptedException {
    try (FloorServer floor = FloorServer.start(0);
         DynamoDbClient dynamo = Clients.create(floor.endpoint())) {
      long deadline = System.nanoTime() + 2_000_000_000L;
      while (System.nanoTime() < deadline) {
        dynamo.listTables();
        dynamo.getItem(r -> r.tableName(BenchData.TABLE).key(Map.of()));
      }
    }
  }

  private static String startSummary(Results.Start start) {
    if (start.ok()) {
      return String.format(Locale.ROOT, "%.1f ms", start.medianMillis());
    }
    return start.unavailable == null ? "-" : "n/a (" + start.unavailable + ")";
  }

  private static long nanos(double seconds) {
    return (long) (seconds * 1e9);
  }

  private static void closeQuietly(DynamoDbClient client, RunningEndpoint endpoint) {
    if (client != null) {
      client.close();
    }
    if (endpoint != null) {
      try {
        endpoint.close();
      } catch (RuntimeException e) {
        progress("could not stop %s: %s", endpoint.endpoint(), Results.reason(e));
      }
    }
  }

  private static void progress(String format, Object... args) {
    System.err.printf(Locale.ROOT, "[bench %4.0fs] %s%n", (System.nanoTime() - BEGAN) / 1e9,
        String.format(Locale.ROOT, format, args));
  }
}
