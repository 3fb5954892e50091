package dev.dynamodouble.core.readme;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The project README as the tests of its examples read it, and the output of an example's main. */
final class ReadmeText {
  static final Path README = Path.of("..", "README.md");

  private ReadmeText() {}

  /** The one README java block that contains {@code marker}. */
  static String javaBlock(String marker) throws IOException {
    Matcher block = Pattern.compile("```java\n(.*?)```", Pattern.DOTALL)
        .matcher(Files.readString(README, StandardCharsets.UTF_8));
    List<String> found = new ArrayList<>();
    while (block.find()) {
      if (block.group(1).contains(marker)) {
        found.add(block.group(1));
      }
    }
    assertThat(found).as("README java blocks containing %s", marker).hasSize(1);
    return found.get(0);
  }

  /** What {@code example} printed to System.out. */
  static String printedBy(Example example) throws Exception {
    PrintStream stdout = System.out;
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    try {
      System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
      example.run();
    } finally {
      System.setOut(stdout);
    }
    return printed.toString(StandardCharsets.UTF_8);
  }

  interface Example {
    void run() throws Exception;
  }
}
