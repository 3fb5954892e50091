package dev.dynamodouble.core.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynamodouble.core.DynamoDouble;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The image's health probe against a running server, a wrong path and a closed port. */
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
}
