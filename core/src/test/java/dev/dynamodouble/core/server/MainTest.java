package dev.dynamodouble.core.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The standalone main's failing paths, called directly (a successful run blocks until shutdown). */
class MainTest {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(String... args) throws InterruptedException {
    return Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  private String out() {
    return out.toString(StandardCharsets.UTF_8);
  }

  private String err() {
    return err.toString(StandardCharsets.UTF_8);
  }

  @Test
  void helpListsEveryFlag() throws InterruptedException {
    assertThat(run("--help")).isZero();
    assertThat(out()).startsWith("Usage: java -jar ")
        .contains("--port", "--host", "--region", "--status-delay", "--manual-clock", "--help");
    assertThat(err()).isEmpty();
    out.reset();
    assertThat(run("-h")).isZero();
    assertThat(out()).startsWith("Usage:");
  }

  @Test
  void helpWinsOverOtherFlags() throws InterruptedException {
    assertThat(run("--port", "1", "--help")).isZero();
    assertThat(out()).startsWith("Usage:");
  }

  @Test
  void anUnknownFlagExitsWith2() throws InterruptedException {
    assertThat(run("--bogus")).isEqualTo(2);
    assertThat(err()).isEqualTo("dynamo-double: unknown option '--bogus'\nTry --help.\n".replace("\n", System.lineSeparator()));
    assertThat(out()).isEmpty();
  }

  @Test
  void badFlagValuesExitWith2() throws InterruptedException {
    assertThat(run("--port")).isEqualTo(2);
    assertThat(err()).contains("--port needs a value");
    err.reset();
    assertThat(run("--port", "http")).isEqualTo(2);
    assertThat(err()).contains("--port needs a number, not 'http'");
    err.reset();
    assertThat(run("--port", "70000")).isEqualTo(2);
    assertThat(err()).contains("--port must be between 0 and 65535, not 70000");
    err.reset();
    assertThat(run("--status-delay", "-1")).isEqualTo(2);
    assertThat(err()).contains("--status-delay must be between");
    err.reset();
    assertThat(run("--manual-clock", "yesterday")).isEqualTo(2);
    assertThat(err()).contains("--manual-clock needs an ISO-8601 instant, not 'yesterday'");
  }

  @Test
  void aTakenPortIsReportedAndExitsWith1() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      int port = taken.getLocalPort();
      assertThat(run("--port", Integer.toString(port), "--host", "127.0.0.1")).isEqualTo(1);
      assertThat(err()).contains("dynamo-double: cannot listen on 127.0.0.1:" + port
          + ": the port is already in use. Choose another with --port.");
      assertThat(out()).isEmpty();
    }
  }
}
