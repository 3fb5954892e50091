package dev.dynamodouble.core.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The standalone server as a separate process: it prints one line with its URL, serves, and stops
 * cleanly on SIGINT and SIGTERM. Waits below are guards against a hang, never timing assertions.
 */
class MainProcessTest {
  private static final Pattern LISTENING = Pattern.compile("Dynamo Double listening on (http://127\\.0\\.0\\.1:\\d+) \\(in-memory\\)");
  private static final long GUARD_SECONDS = 60;

  private static String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  private static Process start(List<String> command) throws IOException {
    return new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
  }

  private static Process startServer() throws IOException {
    return startServer(List.of());
  }

  private static Process startServer(List<String> prefix) throws IOException {
    List<String> command = new ArrayList<>(prefix);
    command.addAll(List.of(java(), "-cp", System.getProperty("java.class.path"),
        Main.class.getName(), "--port", "0", "--host", "127.0.0.1", "--status-delay", "0"));
    return start(command);
  }

  /**
   * Whether this JVM runs with SIGINT ignored, as a background job of a non-interactive shell does
   * (and some CI agents): a child inherits that, and then no SIGINT can stop it. Linux tells
   * through /proc; elsewhere the answer is "no".
   */
  private static boolean sigintIgnored() throws IOException {
    Path status = Path.of("/proc/self/status");
    if (!Files.isReadable(status)) {
      return false;
    }
    for (String line : Files.readAllLines(status, StandardCharsets.US_ASCII)) {
      if (line.startsWith("SigIgn:")) {
        long ignored = Long.parseUnsignedLong(line.substring("SigIgn:".length()).trim(), 16);
        return (ignored & (1L << (2 - 1))) != 0; // bit n-1 is signal n; SIGINT is 2
      }
    }
    return false;
  }

  /** Whether GNU env can start a command with a signal's default action restored. */
  private static boolean envCanRestoreSigint() throws InterruptedException {
    try {
      Process env = new ProcessBuilder("env", "--default-signal=INT", "true")
          .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
      return env.waitFor(GUARD_SECONDS, TimeUnit.SECONDS) && env.exitValue() == 0;
    } catch (IOException e) {
      return false;
    }
  }

  /** Reads the one line the server prints and returns its URL. */
  private static URI endpointOf(Process process) throws IOException {
    BufferedReader stdout = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    String first = stdout.readLine();
    assertThat(first).as("first line of stdout").isNotNull();
    Matcher matcher = LISTENING.matcher(first);
    assertThat(matcher.matches()).as(first).isTrue();
    return URI.create(matcher.group(1));
  }

  @Test
  void stopsOnSigint() throws Exception {
    Path kill = Path.of("/bin/kill");
    assumeTrue(Files.isExecutable(kill), "needs /bin/kill to send SIGINT");
    List<String> prefix = List.of();
    if (sigintIgnored()) {
      assumeTrue(envCanRestoreSigint(), "this test run ignores SIGINT (started as a background job or under nohup"
          + " in a non-interactive shell?), the server would inherit that, and no `env --default-signal` can undo it");
      prefix = List.of("env", "--default-signal=INT");
    }
    Process process = startServer(prefix);
    try {
      endpointOf(process);
      Process signal = new ProcessBuilder(kill.toString(), "-INT", Long.toString(process.pid())).start();
      assertThat(signal.waitFor(GUARD_SECONDS, TimeUnit.SECONDS)).isTrue();
      assertThat(process.waitFor(GUARD_SECONDS, TimeUnit.SECONDS)).as("exited after SIGINT").isTrue();
      assertThat(process.exitValue()).isIn(0, 130);
    } finally {
      process.destroyForcibly();
    }
  }

  @Test
  void servesAndStopsOnSigterm() throws Exception {
    Process process = startServer();
    try {
      URI endpoint = endpointOf(process);

      HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(GUARD_SECONDS)).build();
      HttpResponse<String> response = http.send(HttpRequest.newBuilder(endpoint.resolve("/"))
          .timeout(Duration.ofSeconds(GUARD_SECONDS))
          .header("X-Amz-Target", "DynamoDB_20120810.ListTables")
          .header("Content-Type", "application/x-amz-json-1.0")
          .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.body()).isEqualTo("{\"TableNames\":[]}");

      process.destroy(); // SIGTERM
      assertThat(process.waitFor(GUARD_SECONDS, TimeUnit.SECONDS)).as("exited after SIGTERM").isTrue();
      assertThat(process.exitValue()).isIn(0, 143);
    } finally {
      process.destroyForcibly();
    }
  }

  @Test
  void theShadedJarPrintsHelpWhenItHasBeenBuilt() throws Exception {
    Path target = Path.of("target");
    assumeTrue(Files.isDirectory(target), "no target directory");
    Path jar;
    try (Stream<Path> files = Files.list(target)) {
      jar = files.filter(p -> p.getFileName().toString().endsWith("-all.jar")).findFirst().orElse(null);
    }
    assumeTrue(jar != null, "the -all.jar is built in the package phase, after test");
    Process process = start(List.of(java(), "-jar", jar.toAbsolutePath().toString(), "--help"));
    try {
      String help = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(process.waitFor(GUARD_SECONDS, TimeUnit.SECONDS)).isTrue();
      assertThat(process.exitValue()).isZero();
      assertThat(help).startsWith("Usage: java -jar").contains("--port");
    } finally {
      process.destroyForcibly();
    }
    assertThat(new File(jar.toString())).exists();
  }
}
