package dev.dynamodouble.benchmarks;

import dev.dynamodouble.benchmarks.sut.JavaCommand;
import dev.dynamodouble.core.server.Main;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * What durability costs the standalone server per PutItem: the server as users run it, in its own
 * process, in memory and with {@code --data-dir}, driven side by side (alternating rounds) by the
 * benchmark's put workload. Per cell: median ops/s and the server process's CPU time per
 * acknowledged write (user + system, from the OS), which other load on a shared machine blurs far
 * less than throughput.
 *
 * <pre>java -cp "target/classes:$(cat target/benchmark.classpath)" dev.dynamodouble.benchmarks.DurableCpu</pre>
 *
 * {@code -Dbench.threads} (1,16,64), {@code -Dbench.seconds} (3) per round, {@code -Dbench.iterations}
 * (5) rounds, {@code -Dbench.serverJvmArgs} (-Xms512m -Xmx1g) for both servers, {@code -Dbench.durableJvmArgs}
 * added for the durable one (e.g. a JFR recording).
 */
final class DurableCpu {
  private DurableCpu() {}

  /** One standalone server in a child process. */
  private record Server(String name, Process process, DynamoDbClient client) {
    double cpuSeconds() {
      Duration cpu = process.toHandle().info().totalCpuDuration().orElseThrow();
      return cpu.toNanos() / 1e9;
    }

    /** Kernel CPU seconds (Linux: /proc/PID/stat), or 0 where there is no /proc. */
    double systemSeconds() {
      try {
        String stat = Files.readString(Path.of("/proc/" + process.pid() + "/stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[12]) / 100.0; // stime, in clock ticks of 1/100 s
      } catch (IOException | RuntimeException e) {
        return 0;
      }
    }

    /** Context switches of every thread the process has now (Linux), or 0. */
    long contextSwitches() {
      long total = 0;
      try (var tasks = Files.list(Path.of("/proc/" + process.pid() + "/task"))) {
        for (Path task : tasks.toList()) {
          for (String line : Files.readAllLines(task.resolve("status"))) {
            if (line.contains("ctxt_switches:")) {
              total += Long.parseLong(line.substring(line.indexOf(':') + 1).trim());
            }
          }
        }
      } catch (IOException | RuntimeException e) {
        return total; // a thread ended meanwhile
      }
      return total;
    }
  }

  public static void main(String[] args) throws Exception {
    int[] threadCounts = Arrays.stream(System.getProperty("bench.threads", "1,16,64").split(","))
        .mapToInt(s -> Integer.parseInt(s.trim())).toArray();
    double seconds = Double.parseDouble(System.getProperty("bench.seconds", "3"));
    int rounds = Integer.parseInt(System.getProperty("bench.iterations", "5"));
    List<String> jvmArgs = List.of(System.getProperty("bench.serverJvmArgs", "-Xms512m -Xmx1g").trim().split("\\s+"));
    Path dataDir = Files.createTempDirectory("dd-durable-cpu");
    Workload put = Workloads.all().get(0);
    List<Server> servers = new ArrayList<>();
    try {
      servers.add(start("in memory", jvmArgs));
      List<String> durableJvmArgs = new ArrayList<>(jvmArgs);
      String durableExtra = System.getProperty("bench.durableJvmArgs", "").trim();
      if (!durableExtra.isEmpty()) {
        durableJvmArgs.addAll(List.of(durableExtra.split("\\s+")));
      }
      servers.add(start("--data-dir", durableJvmArgs, "--data-dir", dataDir.toString()));
      for (Server server : servers) {
        Workloads.createTable(server.client(), BenchData.TABLE);
        run(server, put, 16, 2); // warm-up
      }
      System.out.printf("load average %.2f at start; %d x %.0f s per cell%n", load(), rounds, seconds);
      double[] idle0 = {servers.get(0).cpuSeconds(), servers.get(1).cpuSeconds()};
      Thread.sleep(2000);
      System.out.printf("idle CPU ms/s: in memory %.1f, --data-dir %.1f%n", (servers.get(0).cpuSeconds() - idle0[0]) * 500,
          (servers.get(1).cpuSeconds() - idle0[1]) * 500);
      System.out.println("threads | in memory: ops/s, CPU us/write (of it kernel), switches/write"
          + " | --data-dir: the same | ops ratio | CPU ratio");
      for (int threads : threadCounts) {
        double[][] ops = new double[2][rounds];
        double[][] cpu = new double[2][rounds];
        double[][] sys = new double[2][rounds];
        double[][] switches = new double[2][rounds];
        for (int round = 0; round < rounds; round++) {
          for (int n = 0; n < 2; n++) {
            int s = (round & 1) == 0 ? n : 1 - n; // alternate which goes first
            Server server = servers.get(s);
            double cpu0 = server.cpuSeconds();
            double sys0 = server.systemSeconds();
            long switches0 = server.contextSwitches();
            long t0 = System.nanoTime();
            long done = run(server, put, threads, seconds);
            double wall = (System.nanoTime() - t0) / 1e9;
            ops[s][round] = done / wall;
            cpu[s][round] = (server.cpuSeconds() - cpu0) / done * 1e6;
            sys[s][round] = (server.systemSeconds() - sys0) / done * 1e6;
            switches[s][round] = (server.contextSwitches() - switches0) / (double) done;
          }
        }
        double memOps = Stats.median(ops[0]);
        double durOps = Stats.median(ops[1]);
        double memCpu = Stats.median(cpu[0]);
        double durCpu = Stats.median(cpu[1]);
        System.out.printf("%7d | %,9.0f  %6.1f (%5.1f) %5.1f | %,9.0f  %6.1f (%5.1f) %5.1f | %.2fx | %.2fx%n",
            threads, memOps, memCpu, Stats.median(sys[0]), Stats.median(switches[0]),
            durOps, durCpu, Stats.median(sys[1]), Stats.median(switches[1]), durOps / memOps, durCpu / memCpu);
      }
      System.out.printf("load average %.2f at end%n", load());
    } finally {
      for (Server server : servers) {
        server.client().close();
        server.process().destroy();
        server.process().waitFor();
      }
      try (var files = Files.walk(dataDir)) {
        for (Path file : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(file);
        }
      }
    }
  }

  /** Puts from {@code threads} client threads for {@code seconds}; how many were acknowledged. */
  private static long run(Server server, Workload put, int threads, double seconds) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    AtomicBoolean stop = new AtomicBoolean();
    try {
      List<Future<Long>> counts = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int thread = t;
        counts.add(pool.submit(() -> {
          long n = 0;
          while (!stop.get()) {
            put.run(server.client(), thread, n++);
          }
          return n;
        }));
      }
      Thread.sleep((long) (seconds * 1000));
      stop.set(true);
      long total = 0;
      for (Future<Long> count : counts) {
        total += count.get();
      }
      return total;
    } finally {
      pool.shutdownNow();
    }
  }

  private static Server start(String name, List<String> jvmArgs, String... extra) throws Exception {
    int port;
    try (ServerSocket probe = new ServerSocket(0)) {
      port = probe.getLocalPort();
    }
    List<String> args = new ArrayList<>(List.of("--port", Integer.toString(port), "--no-capacity-enforcement"));
    args.addAll(List.of(extra));
    Path log = Files.createTempFile("dd-durable-cpu", ".log");
    Process process = new ProcessBuilder(JavaCommand.withThisClassPath(jvmArgs, Main.class, args.toArray(String[]::new)))
        .redirectErrorStream(true).redirectOutput(log.toFile()).start();
    long deadline = System.nanoTime() + 60_000_000_000L;
    while (!listening(port)) {
      if (!process.isAlive() || System.nanoTime() > deadline) {
        process.destroy();
        throw new IllegalStateException(name + " server did not start: " + Files.readString(log));
      }
      Thread.sleep(50);
    }
    return new Server(name, process, Clients.create(URI.create("http://127.0.0.1:" + port)));
  }

  private static boolean listening(int port) {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private static double load() throws IOException {
    return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
  }
}
