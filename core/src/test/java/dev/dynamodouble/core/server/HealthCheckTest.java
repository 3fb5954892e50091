package dev.dynamodouble.core.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynamodouble.core.DynamoDouble;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The image's health probe against a running server, a wrong path and a closed port, and as the
 * image runs it: a separate process reading the URL a separate server process wrote (its port, TLS).
 */
class HealthCheckTest {
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private final PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8);

  @Test
  void healthyServerExits0AndOtherAnswersExit1() {
    try (DynamoDouble dynamo = DynamoDouble.builder().start()) {
      assertThat(HealthCheck.probe(dynamo.endpoint() + "/_dynamodouble/health", errStream)).isZero();
      assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();

      assertThat(HealthCheck.probe(dynamo.endpoint() + "/_dynamodouble/nothing-here", errStream)).isEqualTo(1);
      assertThat(err.toString(StandardCharsets.UTF_8)).contains("nothing-here answered 404");
    }
  }

  @Test
  void closedPortExits1NamingTheUrl() throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = socket.getLocalPort();
    }
    String url = "http://127.0.0.1:" + port + "/_dynamodouble/health";
    assertThat(HealthCheck.probe(url, errStream)).isEqualTo(1);
    assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("dynamo-double health check: " + url + ": ");
  }

  @Test
  void withoutAUrlItProbesWhatTheServerWroteWhateverItsPortAndTls(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("endpoint");
    assertThat(HealthCheck.run(null, file.toString(), errStream)).isEqualTo(1);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("has not written " + file + " (not listening yet)");

    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String classPath = System.getProperty("java.class.path");
    Process server = new ProcessBuilder(java, "-cp", classPath, Main.class.getName(), "--port", "0", "--tls",
        "--endpoint-file", file.toString()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    try {
      String first = new java.io.BufferedReader(new java.io.InputStreamReader(server.getInputStream(),
          StandardCharsets.UTF_8)).readLine();
      assertThat(first).startsWith("Dynamo Double listening on https://127.0.0.1:");
      String port = first.replaceAll(".*https://127\\.0\\.0\\.1:(\\d+).*", "$1");
      assertThat(Files.readString(file)).isEqualTo("https://127.0.0.1:" + port + "/_dynamodouble/health\n");

      ProcessBuilder probe = new ProcessBuilder(List.of(java, "-cp", classPath, HealthCheck.class.getName()))
          .redirectErrorStream(true);
      probe.environment().put(EndpointFile.ENV, file.toString());
      Process probed = probe.start();
      String output = new String(probed.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(probed.waitFor(60, TimeUnit.SECONDS)).isTrue();
      assertThat(probed.exitValue()).as(output).isZero();
    } finally {
      server.destroy();
      server.waitFor(60, TimeUnit.SECONDS);
    }
  }
}
