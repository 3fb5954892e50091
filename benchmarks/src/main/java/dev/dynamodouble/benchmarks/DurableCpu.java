package dev.dynamodouble.benchmarks;

import dev.dynamodouble.benchmarks.sut.DurableDynamoDouble;
import dev.dynamodouble.core.server.Main;
import java.io.IOException;
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
 * {@code -Dbench.threads} (1,16,64), {@code -Dbench.warmup} (10 s per server), {@code -Dbench.seconds} (3) per round, {@code -Dbench.iterations}
 * (5) rounds, {@code -Dbench.serverJvmArgs} (-Xms512m -Xmx1g) for every server, {@code -Dbench.durableJvmArgs}
 * added for the durable ones (e.g. a JFR recording), {@code -Dbench.beforeCore=JAR} a third server, durable, on
 * another build of core (before and after a change, in one run), {@code -Dbench.threadBreakdown=true} one more
 * round per cell with CPU per write by thread name (Linux).
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

    /** CPU clock ticks (1/100 s) by thread name without its number (Linux), for a breakdown. */
    java.util.Map<String, Long> ticksByThread() {
      java.util.Map<String, Long> ticks = new java.util.TreeMap<>();
      try (var tasks = Files.list(Path.of("/proc/" + process.pid() + "/task"))) {
        for (Path task : tasks.toList()) {
          String stat = Files.readString(task.resolve("stat"));
          String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')')).replaceAll("[-#]?\\d+$", "");
          String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
          ticks.merge(name, Long.parseLong(fields[11]) + Long.parseLong(fields[12]), Long::sum);
        }
      } catch (IOException | RuntimeException e) {
        return ticks; // a thread ended meanwhile
      }
      return ticks;
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
    double warmup = Double.parseDouble(System.getProperty("bench.warmup", "10"));
    int rounds = Integer.parseInt(System.getProperty("bench.iterations", "5"));
    List<String> jvmArgs = List.of(System.getProperty("bench.serverJvmArgs", "-Xms512m -Xmx1g").trim().split("\\s+"));
    List<String> durableJvmArgs = new ArrayList<>(jvmArgs);
    String durableExtra = System.getProperty("bench.durableJvmArgs", "").trim();
    if (!durableExtra.isEmpty()) {
      durableJvmArgs.addAll(List.of(durableExtra.split("\\s+")));
    }
    String classPath = System.getProperty("java.class.path");
    List<Path> dataDirs = new ArrayList<>();
    Workload put = Workloads.all().get(0);
    List<Server> servers = new ArrayList<>();
    try {
      servers.add(start("in memory", jvmArgs, classPath));
      dataDirs.add(Files.createTempDirectory("dd-durable-cpu"));
      servers.add(start("--data-dir", durableJvmArgs, classPath, "--data-dir", dataDirs.get(0).toString()));
      String before = System.getProperty("bench.beforeCore", "");
      if (!before.isBlank()) { // another build of core (its jar), also durable: before and after in one run
        String beforePath = Arrays.stream(classPath.split(java.io.File.pathSeparator))
            .map(entry -> entry.contains("dynamo-double-core") || entry.endsWith("core/target/classes") ? before : entry)
            .collect(java.util.stream.Collectors.joining(java.io.File.pathSeparator));
        dataDirs.add(Files.createTempDirectory("dd-durable-cpu"));
        servers.add(start("--data-dir before", durableJvmArgs, beforePath, "--data-dir", dataDirs.get(1).toString()));
      }
      for (Server server : servers) {
        Workloads.createTable(server.client(), BenchData.TABLE);
        run(server, put, 16, warmup / 2); // warm-up: JIT compiles both paths before anything is measured
        run(server, put, 64, warmup / 2);
      }
      System.out.printf("load average %.2f at start; %d x %.0f s per cell; per server: ops/s, server CPU us per"
          + " acknowledged write (of it kernel), context switches per write%n", Report.loadAverage(), rounds, seconds);
      for (int threads : threadCounts) {
        int n = servers.size();
        double[][] ops = new double[n][rounds];
        double[][] cpu = new double[n][rounds];
        double[][] sys = new double[n][rounds];
        double[][] switches = new double[n][rounds];
        for (int round = 0; round < rounds; round++) {
          for (int i = 0; i < n; i++) {
            int s = (i + round) % n; // each round starts with the next server
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
        StringBuilder line = new StringBuilder(String.format("%3d threads", threads));
        for (int s = 0; s < n; s++) {
          line.append(String.format(" | %s %,.0f ops/s %.1f us (%.1f) %.1f sw", servers.get(s).name(),
              Stats.median(ops[s]), Stats.median(cpu[s]), Stats.median(sys[s]), Stats.median(switches[s])));
        }
        for (int s = 1; s < n; s++) {
          line.append(String.format(" | %s / in memory: ops %.2fx, CPU %.2fx", servers.get(s).name(),
              Stats.median(ops[s]) / Stats.median(ops[0]), Stats.median(cpu[s]) / Stats.median(cpu[0])));
        }
        System.out.println(line);
        if (Boolean.getBoolean("bench.threadBreakdown")) {
          for (Server server : servers) {
            java.util.Map<String, Long> ticks0 = server.ticksByThread();
            long done = run(server, put, threads, seconds);
            StringBuilder breakdown = new StringBuilder("    " + server.name() + ", CPU us/write by thread:");
            server.ticksByThread().forEach((name, t) -> {
              double us = (t - ticks0.getOrDefault(name, 0L)) * 1e4 / done;
              if (us >= 0.5) {
                breakdown.append(String.format(" %s %.1f;", name, us));
              }
            });
            System.out.println(breakdown);
          }
        }
      }
      System.out.printf("load average %.2f at end%n", Report.loadAverage());
    } finally {
      for (Server server : servers) {
        server.client().close();
        ChildJvm.stop(server.process());
      }
      for (Path dataDir : dataDirs) {
        DurableDynamoDouble.delete(dataDir);
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

  private static Server start(String name, List<String> jvmArgs, String classPath, String... extra) throws Exception {
    int port = StartUp.freePort();
    List<String> args = new ArrayList<>(List.of("--port", Integer.toString(port), "--no-capacity-enforcement"));
    args.addAll(List.of(extra));
    Path log = Files.createTempFile("dd-durable-cpu", ".log");
    Process process = ChildJvm.start(jvmArgs, classPath, Main.class, log, args.toArray(String[]::new));
    long deadline = System.nanoTime() + 60_000_000_000L;
    while (!StartUp.accepts(port)) {
      if (!process.isAlive() || System.nanoTime() > deadline) {
        ChildJvm.stop(process);
        throw new IllegalStateException(name + " server did not start: " + Files.readString(log));
      }
      Thread.sleep(50);
    }
    return new Server(name, process, Clients.create(URI.create("http://127.0.0.1:" + port)));
  }
}
