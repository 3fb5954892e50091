package dev.dynamodouble.benchmarks;

import dev.dynamodouble.benchmarks.sut.DynamoDbLocalOptIn;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import software.amazon.awssdk.core.util.VersionInfo;

/** The JSON file of one run: everything {@link Report} prints, per iteration, so runs can be compared. */
final class ReportJson {
  private ReportJson() {}

  static void write(Report report, Path file) throws IOException {
    JsonOut json = new JsonOut().beginObject();
    json.field("schema", 1);
    json.field("timestamp", Instant.now().toString());
    json.name("environment").beginObject()
        .field("summary", Report.environment(report.config))
        .field("awsSdk", VersionInfo.SDK_VERSION)
        .field("httpClient", report.config.http)
        .field("java", System.getProperty("java.version"))
        .field("jvm", System.getProperty("java.vm.name"))
        .field("cpus", Runtime.getRuntime().availableProcessors())
        .field("os", System.getProperty("os.name") + " " + System.getProperty("os.arch"))
        .field("loadAverageAtStart", report.loadAtStart)
        .field("loadAverageAtEnd", report.loadAtEnd)
        .endObject();
    json.name("settings").beginObject()
        .field("warmupSeconds", report.config.warmupSeconds)
        .field("seconds", report.config.seconds)
        .field("iterations", report.config.iterations)
        .field("startJvms", report.config.startJvms)
        .field("startRuns", report.config.startRuns)
        .field("coldRuns", report.config.coldRuns);
    json.name("threads").beginArray();
    for (int threads : report.config.threads) {
      json.value(threads);
    }
    json.endArray().endObject();

    json.name("systems").beginArray();
    for (String system : report.systems) {
      json.beginObject().field("id", system).field("name", report.results.systemNames.get(system))
          .field("status", report.results.systemUnavailable.containsKey(system) ? "n/a" : "ok")
          .field("reason", report.results.systemUnavailable.get(system)).endObject();
    }
    json.endArray();

    json.name("throughput").beginArray();
    for (Workload workload : report.config.workloads) {
      for (int threads : report.config.threads) {
        for (String system : report.systems) {
          Results.Cell cell = report.results.cell(system, workload, threads);
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
            json.field("status", "n/a").field("reason", report.reasonOf(cell));
          }
          json.endObject();
        }
      }
    }
    json.endArray();

    json.name("startup").beginArray();
    for (Results.Start start : report.results.starts) {
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

    json.name("perTestClass").beginArray();
    for (Results.Overhead overhead : report.results.overheads.values()) {
      json.beginObject().field("system", overhead.system);
      if (overhead.ok()) {
        json.field("status", "ok")
            .field("emptyClassMillis", overhead.plainMillis)
            .field("firstMillis", overhead.firstMillis)
            .field("againMedianMillis", overhead.againMedian());
        json.name("againMillis").beginArray();
        for (double millis : overhead.againMillis) {
          json.value(millis);
        }
        json.endArray();
        if (!overhead.asyncAgainMillis.isEmpty()) {
          json.field("asyncAgainMedianMillis", overhead.asyncAgainMedian());
        }
      } else {
        json.field("status", "n/a").field("reason", overhead.unavailable);
      }
      json.endObject();
    }
    json.endArray();

    json.name("memory").beginArray();
    for (Results.Memory memory : report.results.memory.values()) {
      json.beginObject().field("system", memory.system);
      if (memory.ok()) {
        json.field("status", "ok")
            .field("items", memory.items)
            .field("itemBytes", memory.itemBytes)
            .field("heapBytes", memory.heapBytes)
            .field("heapBytesPerItem", memory.heapPerItem())
            .field("outsideHeapBytes", memory.rssBytes)
            .field("loadSeconds", memory.loadSeconds);
        if (memory.rssBytes >= 0) {
          json.field("outsideHeapBytesPerItem", memory.rssPerItem())
              .field("residentBytesPerItem", memory.totalPerItem());
        }
      } else {
        json.field("status", "n/a").field("reason", memory.unavailable);
      }
      json.endObject();
    }
    json.endArray();

    json.name("queryLatencyBySize").beginArray();
    for (Results.ScalePoint point : report.results.scale) {
      json.beginObject().field("system", point.system).field("items", point.size)
          .field("queries", report.config.scaleQueries)
          .field("p50Millis", point.p50Millis).field("p99Millis", point.p99Millis)
          .field("loadSeconds", point.loadSeconds).field("cpuP50Millis", point.cpuP50Millis)
          .field("cpuP99Millis", point.cpuP99Millis).field("referenceP99Millis", point.refP99Millis)
          .field("referenceCpuP99Millis", point.refCpuP99Millis)
          .field("heapBytesPerItem", point.heapPerItem).field("rssBytesPerItem", point.rssPerItem)
          .endObject();
    }
    for (Map.Entry<String, String> scale : report.results.scaleUnavailable.entrySet()) {
      json.beginObject().field("system", scale.getKey()).field("status", "n/a")
          .field("reason", scale.getValue()).endObject();
    }
    json.endArray();

    json.name("ratios").beginArray();
    if (report.systems.contains(Report.DD)) {
      for (String[] ratio : Report.RATIOS) {
        if (!report.systems.contains(ratio[0])) {
          continue;
        }
        for (Workload workload : report.config.workloads) {
          for (int threads : report.config.threads) {
            Results.Cell dd = report.results.cell(Report.DD, workload, threads);
            Results.Cell other = report.results.cell(ratio[0], workload, threads);
            json.beginObject().field("of", Report.DD).field("over", ratio[0])
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
        for (Results.Start dd : report.results.starts) {
          if (!dd.system.equals(Report.DD)) {
            continue;
          }
          Results.Start other = report.results.start(ratio[0], dd.kind);
          json.beginObject().field("of", Report.DD).field("over", ratio[0])
              .field("startup", dd.kind).field("measure", "medianMillis");
          if (dd.ok() && other.ok()) {
            json.field("value", dd.medianMillis() / other.medianMillis());
          } else {
            json.name("value").value((String) null);
          }
          json.endObject();
        }
      }
      Results.Overhead ddClass = report.results.overheads.get(Report.DD);
      Results.Overhead localClass = report.results.overheads.get(DynamoDbLocalOptIn.SERVER);
      if (ddClass != null && localClass != null && ddClass.ok() && localClass.ok()) {
        json.beginObject().field("of", Report.DD).field("over", DynamoDbLocalOptIn.SERVER)
            .field("perTestClass", "first").field("measure", "millis")
            .field("value", ddClass.firstMillis / localClass.firstMillis).endObject();
        json.beginObject().field("of", Report.DD).field("over", DynamoDbLocalOptIn.SERVER)
            .field("perTestClass", "again").field("measure", "medianMillis")
            .field("value", ddClass.againMedian() / localClass.againMedian()).endObject();
      }
      Results.Memory ddMemory = report.results.memory.get(Report.DD);
      Results.Memory localMemory = report.results.memory.get(DynamoDbLocalOptIn.SERVER);
      if (ddMemory != null && localMemory != null && ddMemory.ok() && localMemory.ok()
          && localMemory.rssBytes >= 0) {
        json.beginObject().field("of", Report.DD).field("over", DynamoDbLocalOptIn.SERVER)
            .field("memory", "heapPerItemOverResidentPerItem").field("measure", "bytesPerItem")
            .field("value", ddMemory.heapPerItem() / localMemory.totalPerItem()).endObject();
        json.beginObject().field("of", Report.DD).field("over", DynamoDbLocalOptIn.SERVER)
            .field("memory", "residentPerItem").field("measure", "bytesPerItem")
            .field("value", ddMemory.totalPerItem() / localMemory.totalPerItem()).endObject();
      }
      for (int size : report.config.scaleSizes) {
        Results.ScalePoint dd = report.results.scalePoint(Report.DD, size);
        Results.ScalePoint local = report.results.scalePoint(DynamoDbLocalOptIn.SERVER, size);
        if (dd != null && local != null) {
          json.beginObject().field("of", Report.DD).field("over", DynamoDbLocalOptIn.SERVER)
              .field("queryItems", size).field("measure", "p50Millis")
              .field("value", dd.p50Millis / local.p50Millis).endObject();
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
}
