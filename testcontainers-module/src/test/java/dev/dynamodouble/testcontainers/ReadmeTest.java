package dev.dynamodouble.testcontainers;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The module README's complete test is, character for character, a file CI runs against the image. */
class ReadmeTest {
  private static final Pattern JAVA_BLOCK = Pattern.compile("```java\n(package .*?)```", Pattern.DOTALL);

  @Test
  void theCompleteTestIsTheOneThatRuns() throws IOException {
    Matcher block = JAVA_BLOCK.matcher(Files.readString(Path.of("README.md"), StandardCharsets.UTF_8));
    assertThat(block.find()).as("a java block that starts with its package").isTrue();
    assertThat(block.group(1)).isEqualTo(Files.readString(
        Path.of("src/test/java/com/example/orders/OrdersContainerTest.java"), StandardCharsets.UTF_8));
  }

  @Test
  void theImageTagIsThisBuildsVersion() throws IOException {
    String image = System.getProperty("dynamodouble.image");
    assertThat(image).as("set by the build").isNotBlank();
    assertThat(Files.readString(Path.of("README.md"), StandardCharsets.UTF_8)).contains("\"" + image + "\"");
  }
}
