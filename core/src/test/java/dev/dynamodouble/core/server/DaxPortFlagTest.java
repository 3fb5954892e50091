package dev.dynamodouble.core.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The standalone server's --dax-port flag. */
class DaxPortFlagTest {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(String... args) throws InterruptedException {
    return Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  @Test
  void helpListsTheFlagAndBadValuesExitWith2() throws InterruptedException {
    assertThat(run("--help")).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("--dax-port N");
    assertThat(run("--dax-port", "dax")).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("--dax-port needs a number, not 'dax'");
    assertThat(run("--dax-port")).isEqualTo(2);
  }
}
