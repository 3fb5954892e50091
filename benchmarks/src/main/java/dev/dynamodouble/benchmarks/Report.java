package dev.dynamodouble.benchmarks;

import dev.dynamodouble.benchmarks.sut.DynamoDbLocal;
import dev.dynamodouble.benchmarks.sut.DynamoDouble;
import dev.dynamodouble.benchmarks.sut.Floor;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import software.amazon.awssdk.core.util.VersionInfo;

/** The printed table and the JSON file of one run. */
final class Report {

  private static final String DD = DynamoDouble.ID;
  private static final String[][] RATIOS = {
      {DynamoDbLocal.ID, "DD/DDBL"},
      {Floor.ID, "DD/floor"},
  };

  private final Config config;
  private final Results results;
  private final List<String> systems;
  private final double loadAtStart;
  private final double loadAtEnd;

  Report(Config config, Results results, double loadAtStart) {
    this.config = config;
    this.results = results;
    this.loadAtStart = loadAtStart;
    this.loadAtEnd = loadAverage();
    this.systems = new ArrayList<>(results.systemNames.keySet());
  }

  /** The 1-minute load average (-1 where unknown): a busy shared machine shows here. */
  static double loadAverage() {
    return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
  }

  static String environment(Config config) {
    return String.format(Locale.ROOT,
        "AWS SDK %s sync client (%s HTTP client) over loopback; Java %s (%s); %d CPUs; %s %s",
        VersionInfo.SDK_VERSION, config.http, System.getProperty("java.version"),
        System.getProperty("java.vm.name"), Runtime.getRuntime().availableProcessors(),
        System.getProperty("os.name"), System.getProperty("os.arch"));
  }

  void print(PrintStream out) {
    out.println();
    out.println("Dynamo Double side by side: " + environment(config));
    out.printf(Locale.ROOT, "load average (1 min) %.1f at start, %.1f at end%n",
        loadAtStart, loadAtEnd);
    if (!config.workloads.isEmpty()) {
      printThroughput(out);
    }
    if (!results.starts.isEmpty()) {
      printStartUp(out);
    }
    printUnavailable(out);
  }

  private List<String[]> ratioColumns() {
    List<String[]> columns = new ArrayList<>();
    if (systems.contains(DD)) {
      for (String[] ratio : RATIOS) {
        if (systems.contains(ratio[0])) {
          columns.add(ratio);
        }
      }
    }
    return columns;
  }

  private void printThroughput(PrintStream out) {
    out.println();
    out.printf(Locale.ROOT, "Throughput: median ops/s of %d x %s s (after %s s warm-up), "
            + "latency p50/p99 in ms over all measured calls; ratios of ops/s (higher = DD faster)%n",
        config.iterations, number(config.seconds), number(config.warmupSeconds));
    StringBuilder header1 = new StringBuilder(String.format(Locale.ROOT, "%-30s %3s", "", ""));
    StringBuilder header2 = new StringBuilder(String.format(Locale.ROOT, "%-30s %3s", "workload", "thr"));
    for (String system : systems) {
      header1.append(String.format(Locale.ROOT, " | %-25s", results.systemNames.get(system)));
      header2.append(String.format(Locale.ROOT, " | %9s %7s %7s", "ops/s", "p50", "p99"));
    }
    for (String[] ratio : ratioColumns()) {
      header1.append(String.format(Locale.ROOT, " | %8s", "ratio"));
      header2.append(String.format(Locale.ROOT, " | %8s", ratio[1]));
    }
    out.println(header1);
    out.println(header2);
    out.println("-".repeat(header2.length()));
    for (Workload workload : config.workloads) {
      for (int threads : config.threads) {
        StringBuilder row = new StringBuilder(
            String.format(Locale.ROOT, "%-30s %3d", workload.label(), threads));
        for (String system : systems) {
          Results.Cell cell = results.cell(system, workload, threads);
          if (cell.ok()) {
            row.append(String.format(Locale.ROOT, " | %9s %7s %7s",
                String.format(Locale.ROOT, "%,.0f", cell.medianOpsPerSecond()),
                millis(cell.latencyMillis(0.50)), millis(cell.latencyMillis(0.99))));
          } else {
            row.append(String.format(Locale.ROOT, " | %9s %7s %7s", "n/a", "", ""));
          }
        }
        for (String[] ratio : ratioColumns()) {
          Results.Cell dd = results.cell(DD, workload, threads);
          Results.Cell other = results.cell(ratio[0], workload, threads);
          row.append(String.format(Locale.ROOT, " | %8s", dd.ok() && other.ok()
              ? ratio(dd.medianOpsPerSecond() / other.medianOpsPerSecond()) : "n/a"));
        }
        out.println(row);
      }
    }
  }

  private void printStartUp(PrintStream out) {
    out.println();
    out.println("Start-up: ms from start to first answered request; "
        + "ratios of times (lower = DD faster)");
    String[][] kinds = {
        {Results.START_FIRST, "in-JVM start, first in a fresh JVM (median of " + config.startJvms + ")"},
        {Results.START_WARM, "in-JVM start, again (median of " + config.startJvms * config.startRuns + ")"},
        {Results.COLD, "cold: new JVM process (median of " + config.coldRuns + ")"},
    };
    StringBuilder header = new StringBuilder(String.format(Locale.ROOT, "%-50s", ""));
    for (String system : systems) {
      header.append(String.format(Locale.ROOT, " | %14s", results.systemNames.get(system)));
    }
    for (String[] ratio : ratioColumns()) {
      header.append(String.format(Locale.ROOT, " | %8s", ratio[1]));
    }
    out.println(header);
    out.println("-".repeat(header.length()));
    for (String[] kind : kinds) {
      if (!hasStart(kind[0])) {
        continue;
      }
      StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "%-50s", kind[1]));
      for (String system : systems) {
        Results.Start start = results.start(system, kind[0]);
        row.append(String.format(Locale.ROOT, " | %14s",
            start.ok() ? String.format(Locale.ROOT, "%,.1f", start.medianMillis()) : "n/a"));
      }
      for (String[] ratio : ratioColumns()) {
        Results.Start dd = results.start(DD, kind[0]);
        Results.Start other = results.start(ratio[0], kind[0]);
        row.append(String.format(Locale.ROOT, " | %8s", dd.ok() && other.ok()
            ? ratio(dd.medianMillis() / other.medianMillis()) : "n/a"));
      }
      out.println(row);
    }
  }

  private boolean hasStart(String kind) {
    for (Results.Start start : results.starts) {
      if (start.kind.equals(kind)) {
        return true;
      }
    }
    return false;
  }

  private void printUnavailable(PrintStream out) {
    Set<String> notes = new LinkedHashSet<>();
    for (String system : systems) {
      String why = results.systemUnavailable.get(system);
      if (why != null) {
        notes.add(results.systemNames.get(system) + ": " + why);
      }
    }
    for (Results.Cell cell : results.cells) {
      if (cell.unavailable != null && !results.systemUnavailable.containsKey(cell.system)) {
        notes.add(results.systemNames.get(cell.system) + ", " + cell.workload.label() + ": "
            + cell.unavailable);
      }
    }
    for (Results.Start start : results.starts) {
      if (start.unavailable != null && !results.systemUnavailable.containsKey(start.system)) {
        notes.add(results.systemNames.get(start.system) + ", start-up (" + start.kind + "): "
            + start.unavailable);
      }
    }
    if (!notes.isEmpty()) {
      out.println();
      out.println("n/a:");
      for (String note : notes) {
        out.println("  " + note);
      }
    }
  }

  void writeJson(Path file) throws IOException {
    JsonOut json = new JsonOut().beginObject();
    json.field("schema", 1);
    json.field("timestamp", Instant.now().toString());
    json.name("environment").beginObject()
        .field("summary", environment(config))
        .field("awsSdk", VersionInfo.SDK_VERSION)
        .field("httpClient", config.http)
        .field("java", System.getProperty("java.version"))
        .field("jvm", System.getProperty("java.vm.name"))
        .field("cpus", Runtime.getRuntime().availableProcessors())
        .field("os", System.getProperty("os.name") + " " + System.getProperty("os.arch"))
        .field("loadAverageAtStart", loadAtStart)
        .field("loadAverageAtEnd", loadAtEnd)
        .endObject();
    json.name("settings").beginObject()
        .field("warmupSeconds", config.warmupSeconds)
        .field("seconds", config.seconds)
        .field("iterations", config.iterations)
        .field("startJvms", config.startJvms)
        .field("startRuns", config.startRuns)
        .field("coldRuns", config.coldRuns);
    json.name("threads").beginArray();
    for (int threads : config.threads) {
      json.value(threads);
    }
    json.endArray().endObject();

    json.name("systems").beginArray();
    for (String system : systems) {
      json.beginObject().field("id", system).field("name", results.systemNames.get(system))
          .field("status", results.systemUnavailable.containsKey(system) ? "n/a" : "ok")
          .field("reason", results.systemUnavailable.get(system)).endObject();
    }
    json.endArray();

    json.name("throughput").beginArray();
    for (Workload workload : config.workloads) {
      for (int threads : config.threads) {
        for (String system : systems) {
          Results.Cell cell = results.cell(system, workload, threads);
          json.beginObject().field("workload", workload.id()).field("label", workload.label())
              .field("threads", threads).field("system", system);
          if (cell.ok()) {
            json.field("status", "ok")
                .field("opsPerSecond", cell.medianOpsPerSecond());
            json.name("opsPerSecondByIteration").beginArray();
            for (double ops : cell.opsPerSecond) {
              json.value(ops);
            }
            json.endArray();
            json.field("operations", cell.operations);
            json.name("latencyMillis").beginObject()
                .field("p50", cell.latencyMillis(0.50))
                .field("p90", cell.latencyMillis(0.90))
                .field("p99", cell.latencyMillis(0.99))
                .field("max", cell.latencyMillis(1.0))
                .endObject();
          } else {
            json.field("status", "n/a").field("reason", reasonOf(cell));
          }
          json.endObject();
        }
      }
    }
    json.endArray();

    json.name("startup").beginArray();
    for (Results.Start start : results.starts) {
      json.beginObject().field("kind", start.kind).field("system", start.system);
      if (start.ok()) {
        json.field("status", "ok").field("medianMillis", start.medianMillis());
        json.name("millisByRun").beginArray();
        for (double millis : start.millis) {
          json.value(millis);
        }
        json.endArray();
      } else {
        json.field("status", "n/a").field("reason", start.unavailable);
      }
      json.endObject();
    }
    json.endArray();

    json.name("ratios").beginArray();
    if (systems.contains(DD)) {
      for (String[] ratio : RATIOS) {
        if (!systems.contains(ratio[0])) {
          continue;
        }
        for (Workload workload : config.workloads) {
          for (int threads : config.threads) {
            Results.Cell dd = results.cell(DD, workload, threads);
            Results.Cell other = results.cell(ratio[0], workload, threads);
            json.beginObject().field("of", DD).field("over", ratio[0])
                .field("workload", workload.id()).field("threads", threads)
                .field("measure", "opsPerSecond");
            if (dd.ok() && other.ok()) {
              json.field("value", dd.medianOpsPerSecond() / other.medianOpsPerSecond());
            } else {
              json.name("value").value((String) null);
            }
            json.endObject();
          }
        }
        for (Results.Start dd : results.starts) {
          if (!dd.system.equals(DD)) {
            continue;
          }
          Results.Start other = results.start(ratio[0], dd.kind);
          json.beginObject().field("of", DD).field("over", ratio[0])
              .field("startup", dd.kind).field("measure", "medianMillis");
          if (dd.ok() && other.ok()) {
            json.field("value", dd.medianMillis() / other.medianMillis());
          } else {
            json.name("value").value((String) null);
          }
          json.endObject();
        }
      }
    }
    json.endArray();
    json.endObject();

    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    Files.writeString(file, json.toString(), StandardCharsets.UTF_8);
  }

  private String reasonOf(Results.Cell cell) {
    String why = results.systemUnavailable.get(cell.system);
    return why != null ? why : cell.unavailable;
  }

  private static String millis(double millis) {
    if (millis < 1) {
      return String.format(Locale.ROOT, "%.3f", millis);
    }
    if (millis < 10) {
      return String.format(Locale.ROOT, "%.2f", millis);
    }
    if (millis < 100) {
      return String.format(Locale.ROOT, "%.1f", millis);
    }
    return String.format(Locale.ROOT, "%.0f", millis);
  }

  private static String ratio(double ratio) {
    if (ratio >= 10) {
      return String.format(Locale.ROOT, "%.0fx", ratio);
    }
    if (ratio >= 1) {
      return String.format(Locale.ROOT, "%.1fx", ratio);
    }
    return String.format(Locale.ROOT, "%.2fx", ratio);
  }

  private static String number(double value) {
    return value == Math.rint(value)
        ? Long.toString((long) value) : String.format(Locale.ROOT, "%s", value);
  }
}
