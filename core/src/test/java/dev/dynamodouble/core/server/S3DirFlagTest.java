package dev.dynamodouble.core.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The standalone server's --s3-dir flag: the directory standing in for S3 in exports and imports. */
class S3DirFlagTest {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(String... args) throws InterruptedException {
    return Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  @Test
  void theFlagIsListedParsedAndNeedsAValue() throws InterruptedException {
    assertThat(run("--help")).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("--s3-dir DIR");
    assertThat(Main.Options.parse(new String[] {"--s3-dir", "exports"}).s3Dir).isEqualTo(Path.of("exports"));
    assertThat(Main.Options.parse(new String[0]).s3Dir).isNull();
    assertThat(run("--s3-dir")).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("--s3-dir needs a value");
  }
}
