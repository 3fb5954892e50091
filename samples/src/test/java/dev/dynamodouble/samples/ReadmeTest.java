package dev.dynamodouble.samples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The README's first page stays true: its first test is, character for character, a file this
 * module compiles and runs, and the version it tells users to add is the one this build makes.
 */
class ReadmeTest {
  private static final Path ROOT = Path.of("..");
  private static final Pattern JAVA_BLOCK = Pattern.compile("```java\n(.*?)```", Pattern.DOTALL);

  private static String read(Path path) throws IOException {
    return Files.readString(ROOT.resolve(path), StandardCharsets.UTF_8);
  }

  private static String section(String readme, String heading) {
    int start = readme.indexOf("\n## " + heading + "\n");
    assertThat(start).as("README section \"%s\"", heading).isNotNegative();
    int end = readme.indexOf("\n## ", start + 1);
    return readme.substring(start, end < 0 ? readme.length() : end);
  }

  @Test
  void theShortestTestIsTheCompiledOne() throws IOException {
    Matcher block = JAVA_BLOCK.matcher(section(read(Path.of("README.md")), "The shortest complete test"));
    assertThat(block.find()).as("a java block").isTrue();
    assertThat(block.group(1)).isEqualTo(read(Path.of("samples/src/test/java/com/example/orders/OrdersTest.java")));
  }

  @Test
  void theVersionToAddIsThisBuildsVersion() throws IOException {
    String version = System.getProperty("dynamodouble.version");
    assertThat(version).as("set by the build").isNotBlank();
    String add = section(read(Path.of("README.md")), "Add it");
    assertThat(add).contains("<version>" + version + "</version>")
        .contains("\"dev.dynamodouble:dynamo-double-bom:" + version + "\"");
    List<String> poms = new ArrayList<>(List.of("bom/pom.xml", "consumers/plain-sdk/pom.xml",
        "consumers/spring-boot-35/pom.xml", "consumers/spring-boot-40/pom.xml"));
    for (String pom : poms) {
      assertThat(read(Path.of(pom))).as(pom).contains("<version>" + version + "</version>");
    }
  }
}
