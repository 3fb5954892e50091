package dev.dynamodouble.junit5;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The README's examples stay what the build runs: every test class of the {@code readme} package, and
 * core's tests of the README's examples, are, but for the package line and a one-line header comment,
 * a java block of the project README; the scenario file beside them is the README's
 * {@code orders-faults.yml}.
 */
class ReadmeBlocksTest {
  private static final Path README = Path.of("..", "README.md");
  private static final Path EXAMPLES = Path.of("src", "test", "java", "dev", "dynamodouble", "junit5", "readme");
  private static final Path CORE_TESTS = Path.of("..", "core", "src", "test", "java", "dev", "dynamodouble", "core");
  private static final List<Path> CORE_EXAMPLES = List.of(CORE_TESTS.resolve("capacity/ReadmeCapacityExampleTest.java"),
      CORE_TESTS.resolve("export/ReadmeExportImportExampleTest.java"), CORE_TESTS.resolve("dax/PriceCacheTest.java"));
  private static final Path SCENARIO = Path.of("src", "test", "resources", "dev", "dynamodouble", "junit5", "readme",
      "orders-faults.yml");

  private static List<String> blocks(String language) throws IOException {
    Matcher block = Pattern.compile("```" + language + "\n(.*?)```", Pattern.DOTALL)
        .matcher(Files.readString(README, StandardCharsets.UTF_8));
    List<String> found = new ArrayList<>();
    while (block.find()) {
      found.add(block.group(1));
    }
    return found;
  }

  /** The file as the README shows it: without its package line and top-level one-line comments. */
  private static String asShown(Path file) throws IOException {
    StringBuilder shown = new StringBuilder();
    boolean leading = true;
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      boolean header = line.startsWith("package ") || (line.startsWith("/*") && line.endsWith("*/"));
      if (header || (leading && line.isEmpty())) {
        continue;
      }
      leading = false;
      shown.append(line).append('\n');
    }
    return shown.toString();
  }

  @Test
  void everyReadmeExampleClassIsShownAsItIs() throws IOException {
    List<String> java = blocks("java");
    List<Path> examples;
    try (Stream<Path> files = Files.list(EXAMPLES)) {
      examples = Stream.concat(files.filter(f -> f.toString().endsWith(".java")).sorted(), CORE_EXAMPLES.stream())
          .toList();
    }
    assertThat(examples).as("the examples in %s and core", EXAMPLES).hasSizeGreaterThanOrEqualTo(14);
    for (Path example : examples) {
      String name = example.getFileName().toString().replace(".java", "");
      String shown = java.stream().filter(b -> b.contains("\nclass " + name + " ")).findFirst().orElse(null);
      assertThat(shown).as("a README java block declaring class %s", name).isNotNull();
      assertThat(asShown(example)).as("%s as the README shows it", name).isEqualTo(shown);
    }
  }

  @Test
  void theScenarioFileIsTheReadmes() throws IOException {
    assertThat(blocks("yaml")).contains(Files.readString(SCENARIO, StandardCharsets.UTF_8));
  }
}
