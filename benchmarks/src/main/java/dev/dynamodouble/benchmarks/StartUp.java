package dev.dynamodouble.benchmarks;

import dev.dynamodouble.benchmarks.sut.JavaCommand;
import dev.dynamodouble.benchmarks.sut.Loopback;
import dev.dynamodouble.benchmarks.sut.SystemUnderTest;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The start-up measurements; both run in child JVMs whose output goes to target/bench-logs. */
final class StartUp {

  private static final long PROBE_TIMEOUT_SECONDS = 180;
  private static final long COLD_TIMEOUT_NANOS = 30_000_000_000L;
  private static final long POLL_MILLIS = 5;

  private final Config config;
  private final Results results;
  private final Path logs;

  StartUp(Config config, Results results, Path logs) {
    this.config = config;
    this.results = results;
    this.logs = logs;
  }

  /**
   * In-JVM start, measured by {@link StartProbe} in {@code startJvms} fresh JVMs, each starting
   * the system once cold and then {@code startRuns} more times.
   */
  void inJvm(SystemUnderTest system) throws IOException, InterruptedException {
    Results.Start first = results.start(system.id(), Results.START_FIRST);
    Results.Start again = results.start(system.id(), Results.START_WARM);
    for (int jvm = 0; jvm < config.startJvms; jvm++) {
      String outcome = probe(system, jvm);
      if (!outcome.startsWith(StartProbe.RESULT)) {
        String why = outcome.substring(outcome.indexOf(' ') + 1);
        first.unavailable = why;
        again.unavailable = why;
        first.millis.clear();
        again.millis.clear();
        return;
      }
      String[] millis = outcome.substring(StartProbe.RESULT.length()).trim().split(" ");
      first.millis.add(Double.parseDouble(millis[0]));
      for (int i = 1; i < millis.length; i++) {
        again.millis.add(Double.parseDouble(millis[i]));
      }
    }
    if (again.millis.isEmpty()) {
      results.starts.remove(again);
    }
  }

  private String probe(SystemUnderTest system, int jvm) throws IOException, InterruptedException {
    List<String> command = JavaCommand.withThisClassPath(ChildJvm.passedProperties(), StartProbe.class,
        system.id(), String.valueOf(config.startRuns + 1));
    Path log = logs.resolve(system.id() + "-start-probe-" + jvm + ".log");
    Process process = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(log.toFile()).start();
    if (!process.waitFor(PROBE_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
      stop(process);
      return StartProbe.ERROR + "no answer in " + PROBE_TIMEOUT_SECONDS + " s (see " + log + ")";
    }
    String outcome = StartProbe.ERROR + "no result line (see " + log + ")";
    for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
      if (line.startsWith("PROBE-")) {
        outcome = line;
      }
    }
    return outcome;
  }

  /** New JVM process (the way users start the system out of process) to first answered request. */
  void cold(SystemUnderTest system) throws InterruptedException {
    Results.Start cold = results.start(system.id(), Results.COLD);
    for (int run = 0; run < config.coldRuns; run++) {
      try {
        cold.millis.add(coldRun(system, run));
      } catch (Exception e) {
        cold.unavailable = Results.reason(e);
        cold.millis.clear();
        return;
      }
    }
  }

  private double coldRun(SystemUnderTest system, int run) throws Exception {
    int port = freePort();
    List<String> command = system.coldStartCommand(port);
    Path log = logs.resolve(system.id() + "-cold-" + run + ".log");
    URI endpoint = URI.create("http://" + Loopback.HOST + ":" + port);
    try (DynamoDbClient dynamo = Clients.create(endpoint)) {
      long t0 = System.nanoTime();
      Process process = new ProcessBuilder(command).redirectErrorStream(true)
          .redirectOutput(log.toFile()).start();
      try {
        while (true) {
          if (!process.isAlive()) {
            throw new IllegalStateException("exited with status " + process.exitValue() + ": "
                + lastLine(log) + " (" + log + ")");
          }
          if (System.nanoTime() - t0 > COLD_TIMEOUT_NANOS) {
            throw new IllegalStateException("no answer on 127.0.0.1:" + port + " within "
                + COLD_TIMEOUT_NANOS / 1_000_000_000L + " s (" + log + ")");
          }
          if (accepts(port)) {
            try {
              StartProbe.firstRequest(dynamo);
              return (System.nanoTime() - t0) / 1e6;
            } catch (SdkClientException notYet) {
              // listening but not answering yet
            }
          }
          Thread.sleep(POLL_MILLIS);
        }
      } finally {
        stop(process);
      }
    }
  }

  /** Whether something accepts connections on 127.0.0.1:{@code port} now. */
  static boolean accepts(int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(Loopback.ADDRESS, port), 200);
      return true;
    } catch (IOException refused) {
      return false;
    }
  }

  /** A port free on 127.0.0.1 now. */
  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, Loopback.ADDRESS)) {
      return socket.getLocalPort();
    }
  }

  private static void stop(Process process) throws InterruptedException {
    ChildJvm.stop(process);
  }

  private static String lastLine(Path log) {
    try {
      List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
      for (int i = lines.size() - 1; i >= 0; i--) {
        if (!lines.get(i).isBlank()) {
          return lines.get(i).trim();
        }
      }
      return "(no output)";
    } catch (IOException e) {
      return "(no log)";
    }
  }
}
