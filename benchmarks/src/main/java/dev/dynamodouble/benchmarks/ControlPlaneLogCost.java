package dev.dynamodouble.benchmarks;

import dev.dynamodouble.benchmarks.sut.DurableDynamoDouble;
import dev.dynamodouble.core.DynamoDouble;
import dev.dynamodouble.core.persist.DataDirectory;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.IntConsumer;
import java.util.stream.Stream;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * What a control-plane request costs with {@code --data-dir} while many tables or backups exist:
 * process CPU time per request and bytes the request adds to the log, for UpdateTable (one table's
 * setting), CreateTable and CreateBackup, with 200 tables, then with 1,000 backups present; and the
 * cost of the log's own step alone ({@link DataDirectory#sync}, what every control-plane change ends
 * with: thread CPU and bytes allocated on the calling thread, which also writes and forces). Uses
 * only the public API, so the same class runs against an older core for a before → after figure.
 *
 * <pre>java -cp "target/classes:$(cat target/benchmark.classpath)" dev.dynamodouble.benchmarks.ControlPlaneLogCost</pre>
 *
 * System properties: {@code bench.ops} requests per figure (default 300).
 */
public final class ControlPlaneLogCost {
  private static final int OPS = Integer.getInteger("bench.ops", 300);

  private ControlPlaneLogCost() {}

  public static void main(String[] args) throws IOException {
    System.out.printf("%-44s %14s %14s %14s%n", "request (state present)", "CPU us/request", "log B/request",
        "alloc B/req");
    System.out.printf("%-44s %14s %14s %14s%n", "", "(process)", "", "(all threads)");
    run("200 tables", 200, 0);
    run("1,000 backups", 1, 1000);
  }

  private static void run(String label, int tables, int backups) throws IOException {
    Path dir = Files.createTempDirectory("control-plane-cost");
    DynamoDouble built = DynamoDouble.builder().build();
    DataDirectory data = DataDirectory.open(dir, built.engine(), Long.MAX_VALUE / 4); // no checkpoint while measuring
    // the harness's client settings, on the URLConnection HTTP client this figure was first taken with
    try (DynamoDouble dynamo = built.start();
         DynamoDbClient client = Clients.create(dynamo.endpoint(), "urlconnection")) {
      for (int i = 0; i < tables; i++) {
        create(client, "tbl" + i);
      }
      for (int i = 0; i < backups; i++) {
        int n = i;
        client.createBackup(r -> r.tableName("tbl0").backupName("bak" + n));
      }
      boolean[] on = {false};
      measure(label, "UpdateTable", dir, i -> {
        on[0] = !on[0];
        client.updateTable(r -> r.tableName("tbl0").deletionProtectionEnabled(on[0]));
      });
      measure(label, "CreateTable", dir, i -> create(client, "new" + i));
      measure(label, "CreateBackup", dir, i -> client.createBackup(r -> r.tableName("tbl0").backupName("mbk" + i)));
      measureSync(label, data);
    } finally {
      data.close();
      DurableDynamoDouble.delete(dir);
    }
  }

  private static void measure(String label, String operation, Path dir, IntConsumer request) throws IOException {
    for (int i = 0; i < OPS / 5; i++) {
      request.accept(-1 - i); // warm up (negative: distinct names from the measured ones)
    }
    var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    long bytes = size(dir);
    long cpu = os.getProcessCpuTime();
    long allocated = allocated();
    for (int i = 0; i < OPS; i++) {
      request.accept(i);
    }
    long allocatedBytes = allocated() - allocated;
    long cpuNs = os.getProcessCpuTime() - cpu;
    long logBytes = size(dir) - bytes;
    System.out.printf("%-44s %14.0f %14d %,14d%n", operation + " (" + label + ")", cpuNs / 1e3 / OPS,
        logBytes / OPS, allocatedBytes / OPS);
  }

  /** Bytes allocated so far by the threads alive now (the server's request threads live as long as it). */
  private static long allocated() {
    var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long total = 0;
    for (long bytes : threads.getThreadAllocatedBytes(threads.getAllThreadIds())) {
      total += Math.max(bytes, 0);
    }
    return total;
  }

  /** The log's step alone, on this thread: thread CPU and allocation per sync. */
  private static void measureSync(String label, DataDirectory data) {
    var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long id = Thread.currentThread().getId();
    for (int i = 0; i < OPS / 5; i++) {
      data.sync();
    }
    long cpu = threads.getCurrentThreadCpuTime();
    long allocated = threads.getThreadAllocatedBytes(id);
    for (int i = 0; i < OPS; i++) {
      data.sync();
    }
    long cpuNs = threads.getCurrentThreadCpuTime() - cpu;
    long bytes = threads.getThreadAllocatedBytes(id) - allocated;
    System.out.printf("%-44s %14.0f %14s %,14d   (this thread)%n", "DataDirectory.sync (" + label + ")",
        cpuNs / 1e3 / OPS, "", bytes / OPS);
  }

  private static void create(DynamoDbClient client, String name) {
    client.createTable(r -> r.tableName(name).billingMode("PAY_PER_REQUEST")
        .attributeDefinitions(a -> a.attributeName("pk").attributeType("S"))
        .keySchema(k -> k.attributeName("pk").keyType("HASH")));
  }

  private static long size(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      long total = 0;
      for (Path file : files.toList()) {
        total += Files.size(file);
      }
      return total;
    }
  }
}
