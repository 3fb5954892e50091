package dev.dynamodouble.benchmarks;

import dev.dynamodouble.benchmarks.sut.DynamoDbLocalOptIn;
import dev.dynamodouble.benchmarks.sut.DynamoDouble;
import dev.dynamodouble.benchmarks.sut.DynamoDoubleInProcess;
import dev.dynamodouble.benchmarks.sut.Floor;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.core.util.VersionInfo;

/** The printed table and the JSON file of one run. */
final class Report {

  static final String DD = DynamoDouble.ID;
  static final String[][] RATIOS = {
      {DynamoDbLocalOptIn.SERVER, "DD/DDBL"},
      {Floor.ID, "DD/floor"},
      {Floor.READING_ID, "DD/floor-json"}, // the floor that reads its requests' JSON
      {dev.dynamodouble.benchmarks.sut.DurableDynamoDouble.ID, "DD/durable"}, // in memory / --data-dir
      {dev.dynamodouble.benchmarks.sut.DynamoDoubleCds.ID, "DD/CDS"}, // java -jar / the launcher with its archive
  };
  /** Throughput ratios of the in-process transport (the SDK without a socket) to the systems over loopback. */
  static final String[][] IN_PROCESS_RATIOS = {
      {DynamoDoubleInProcess.ID, Floor.ID, "inp/floor"},
      {DynamoDoubleInProcess.ID, DynamoDbLocalOptIn.SERVER, "inp/DDBL"},
      {DynamoDoubleInProcess.ID, DD, "inp/DD"},
      {DynamoDoubleInProcess.ID, DynamoDbLocalOptIn.EMBEDDED, "inp/DDBLe"},
  };

  final Config config;
  final Results results;
  final List<String> systems;
  final double loadAtStart;
  final double loadAtEnd;

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
    if (!results.overheads.isEmpty()) {
      printOverhead(out);
    }
    if (!results.memory.isEmpty()) {
      printMemory(out);
    }
    if (!results.scale.isEmpty() || !results.scaleUnavailable.isEmpty()) {
      printQueryScale(out);
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

  private List<String[]> inProcessRatioColumns() {
    List<String[]> columns = new ArrayList<>();
    for (String[] ratio : IN_PROCESS_RATIOS) {
      if (systems.contains(ratio[0]) && systems.contains(ratio[1])) {
        columns.add(ratio);
      }
    }
    return columns;
  }

  private static String opsRatio(Results.Cell top, Results.Cell bottom) {
    return top.ok() && bottom.ok() ? ratio(top.medianOpsPerSecond() / bottom.medianOpsPerSecond()) : "n/a";
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
    for (String[] ratio : inProcessRatioColumns()) {
      header1.append(String.format(Locale.ROOT, " | %9s", "ratio"));
      header2.append(String.format(Locale.ROOT, " | %9s", ratio[2]));
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
          row.append(String.format(Locale.ROOT, " | %8s", opsRatio(dd, other)));
        }
        for (String[] ratio : inProcessRatioColumns()) {
          row.append(String.format(Locale.ROOT, " | %9s",
              opsRatio(results.cell(ratio[0], workload, threads), results.cell(ratio[1], workload, threads))));
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

  /** The systems measured in child JVMs (all but the floor), in table order. */
  private List<String> childSystems(java.util.Collection<String> measured) {
    List<String> list = new ArrayList<>();
    for (String system : systems) {
      if (measured.contains(system)) {
        list.add(system);
      }
    }
    return list;
  }

  private boolean comparesWithLocal(List<String> measured) {
    return measured.contains(DD) && measured.contains(DynamoDbLocalOptIn.SERVER);
  }

  private void printOverhead(PrintStream out) {
    List<String> measured = childSystems(results.overheads.keySet());
    out.println();
    out.println("Per test class, through the JUnit Platform launcher: ms per class with a 2-key table"
        + " and 100 fixture items and one GetItem test, minus an empty class's time (JUnit's own);");
    out.println("Dynamo Double: @DynamoTable; DynamoDB Local: the same done by hand in @BeforeAll/@AfterAll"
        + " (in-JVM, in memory). Ratios of times (lower = DD faster)");
    StringBuilder header = new StringBuilder(String.format(Locale.ROOT, "%-50s", ""));
    for (String system : measured) {
      header.append(String.format(Locale.ROOT, " | %14s", results.systemNames.get(system)));
    }
    if (comparesWithLocal(measured)) {
      header.append(String.format(Locale.ROOT, " | %8s", "DD/DDBL"));
    }
    out.println(header);
    out.println("-".repeat(header.length()));
    String[] rows = {"first test class in a fresh JVM",
        "each further test class (median of " + (config.overheadClasses - 1) + ")",
        "the same, async client injected (median of " + (config.overheadClasses - 1) + ")",
        "empty test class (JUnit alone, median)"};
    for (int row = 0; row < rows.length; row++) {
      StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%-50s", rows[row]));
      double[] values = new double[measured.size()];
      for (int i = 0; i < measured.size(); i++) {
        Results.Overhead overhead = results.overhead(measured.get(i));
        values[i] = !overhead.ok() ? Double.NaN
            : row == 0 ? overhead.firstMillis : row == 1 ? overhead.againMedian()
            : row == 2 ? overhead.asyncAgainMedian() : overhead.plainMillis;
        line.append(String.format(Locale.ROOT, " | %14s",
            Double.isNaN(values[i]) ? "n/a" : String.format(Locale.ROOT, "%,.1f", values[i])));
      }
      if (comparesWithLocal(measured) && row < 2) {
        double dd = values[measured.indexOf(DD)];
        double local = values[measured.indexOf(DynamoDbLocalOptIn.SERVER)];
        line.append(String.format(Locale.ROOT, " | %8s",
            Double.isNaN(dd) || Double.isNaN(local) ? "n/a" : ratio(dd / local)));
      }
      out.println(line);
    }
  }

  private void printMemory(PrintStream out) {
    List<String> measured = childSystems(results.memory.keySet());
    long items = 0;
    long itemBytes = 0;
    for (Results.Memory memory : results.memory.values()) {
      if (memory.ok()) {
        items = memory.items;
        itemBytes = memory.itemBytes;
      }
    }
    out.println();
    out.printf(Locale.ROOT, "Memory: %,d items of about %,d bytes (DynamoDB's item size), loaded with"
        + " BatchWriteItem in a fresh JVM (fixed pre-touched heap); growth per item: heap in use after"
        + " full GCs, resident set outside the heap, and both%n", items, itemBytes);
    StringBuilder header = new StringBuilder(String.format(Locale.ROOT, "%-50s", ""));
    for (String system : measured) {
      header.append(String.format(Locale.ROOT, " | %14s", results.systemNames.get(system)));
    }
    out.println(header);
    out.println("-".repeat(header.length()));
    String[] rows = {"heap bytes per item", "outside the heap (RSS growth), bytes per item",
        "resident total, bytes per item", "load time, s"};
    for (int row = 0; row < rows.length; row++) {
      StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%-50s", rows[row]));
      for (String system : measured) {
        Results.Memory memory = results.memory(system);
        double value = !memory.ok() ? Double.NaN
            : row == 0 ? memory.heapPerItem() : row == 1 ? memory.rssPerItem()
            : row == 2 ? memory.totalPerItem() : memory.loadSeconds;
        line.append(String.format(Locale.ROOT, " | %14s", Double.isNaN(value) ? "n/a"
            : String.format(Locale.ROOT, row == 3 ? "%,.1f" : "%,.0f", value)));
      }
      out.println(line);
    }
    Results.Memory dd = results.memory.get(DD);
    Results.Memory local = results.memory.get(DynamoDbLocalOptIn.SERVER);
    if (dd != null && local != null && dd.ok() && local.ok() && local.rssBytes >= 0) {
      out.printf(Locale.ROOT, "Dynamo Double heap per item / DynamoDB Local resident total per item: %s;"
          + " resident totals: %s (lower = DD smaller)%n",
          ratio(dd.heapPerItem() / local.totalPerItem()),
          ratio(dd.totalPerItem() / local.totalPerItem()));
    }
  }

  private void printQueryScale(PrintStream out) {
    List<String> measured = new ArrayList<>();
    for (String system : systems) {
      if (results.scaleUnavailable.containsKey(system) || hasScalePoint(system)) {
        measured.add(system);
      }
    }
    out.println();
    out.printf(Locale.ROOT, "Query latency as the table grows: Query of the 10 items of a random"
        + " partition, one client thread, %,d Queries per size after %,d warm-up (%,d more at the"
        + " first size); ms%n", config.scaleQueries, config.scaleQueries / 4, QueryScaleProbe.FIRST_WARM_UP);
    StringBuilder header = new StringBuilder(String.format(Locale.ROOT, "%-12s", "items"));
    for (String system : measured) {
      header.append(String.format(Locale.ROOT, " | %-24s", results.systemNames.get(system)));
    }
    if (comparesWithLocal(measured)) {
      header.append(" | DD/DDBL p50");
    }
    StringBuilder header2 = new StringBuilder(String.format(Locale.ROOT, "%-12s", ""));
    for (int i = 0; i < measured.size(); i++) {
      header2.append(String.format(Locale.ROOT, " | %7s %7s %8s", "p50", "p99", "load s"));
    }
    out.println(header);
    out.println(header2);
    out.println("-".repeat(Math.max(header.length(), header2.length())));
    for (int size : config.scaleSizes) {
      StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%,-12d", size));
      for (String system : measured) {
        Results.ScalePoint point = results.scalePoint(system, size);
        line.append(point == null ? String.format(Locale.ROOT, " | %7s %7s %8s", "n/a", "", "")
            : String.format(Locale.ROOT, " | %7s %7s %8.1f", millis(point.p50Millis),
                millis(point.p99Millis), point.loadSeconds));
      }
      if (comparesWithLocal(measured)) {
        Results.ScalePoint dd = results.scalePoint(DD, size);
        Results.ScalePoint local = results.scalePoint(DynamoDbLocalOptIn.SERVER, size);
        line.append(String.format(Locale.ROOT, " | %11s", dd == null || local == null ? "n/a"
            : ratio(dd.p50Millis / local.p50Millis)));
      }
      out.println(line);
    }
    printScaleDetails(out, measured);
  }

  /**
   * Per system and size: the probe's heap and resident set per item, the Query's client-thread CPU,
   * and the p99 of the 1,000-item reference table queried alternately (ratios: this size's over
   * the reference's, same moment).
   */
  private void printScaleDetails(PrintStream out, List<String> measured) {
    out.printf(Locale.ROOT, "%nQuery scale in detail: heap (after full GCs) and RSS growth per item;"
        + " client-thread CPU per Query (ms); p99 against the 1,000-item table queried alternately%n");
    String header = String.format(Locale.ROOT, "%-16s %-12s | %9s %9s | %8s %8s | %8s %8s | %9s %9s",
        "system", "items", "heap B", "RSS B", "cpu p50", "cpu p99", "ref p99", "ref cpu", "p99/ref", "cpu/ref");
    out.println(header);
    out.println("-".repeat(header.length()));
    for (String system : measured) {
      for (int size : config.scaleSizes) {
        Results.ScalePoint p = results.scalePoint(system, size);
        if (p == null || Double.isNaN(p.refP99Millis)) {
          continue;
        }
        out.printf(Locale.ROOT, "%-16.16s %,-12d | %,9.0f %,9.0f | %8s %8s | %8s %8s | %9s %9s%n",
            results.systemNames.get(system), size, p.heapPerItem, p.rssPerItem,
            millis(p.cpuP50Millis), millis(p.cpuP99Millis), millis(p.refP99Millis),
            millis(p.refCpuP99Millis), ratio(p.p99Millis / p.refP99Millis),
            ratio(p.cpuP99Millis / p.refCpuP99Millis));
      }
    }
  }

  private boolean hasScalePoint(String system) {
    for (Results.ScalePoint point : results.scale) {
      if (point.system.equals(system)) {
        return true;
      }
    }
    return false;
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
    for (Results.Overhead overhead : results.overheads.values()) {
      if (overhead.unavailable != null) {
        notes.add(results.systemNames.get(overhead.system) + ", per test class: "
            + overhead.unavailable);
      }
    }
    for (Results.Memory memory : results.memory.values()) {
      if (memory.unavailable != null) {
        notes.add(results.systemNames.get(memory.system) + ", memory: " + memory.unavailable);
      }
    }
    for (Map.Entry<String, String> scale : results.scaleUnavailable.entrySet()) {
      notes.add(results.systemNames.get(scale.getKey()) + ", query latency by size: "
          + scale.getValue());
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
    ReportJson.write(this, file);
  }

  String reasonOf(Results.Cell cell) {
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
