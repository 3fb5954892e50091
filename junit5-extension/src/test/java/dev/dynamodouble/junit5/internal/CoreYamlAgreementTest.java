package dev.dynamodouble.junit5.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynamodouble.core.fixture.FixtureError;
import dev.dynamodouble.core.fixture.FixtureTree;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Core's own YAML subset (the standalone server's {@code --fixtures}) reads every YAML fixture of
 * this module's tests, and a set of tricky scalars, to the same tree as this module's reader (Jackson's
 * YAML), or refuses it with a line: a fixture file never means one thing to the extension and another
 * to the server.
 */
class CoreYamlAgreementTest {
  @TempDir
  Path dir;

  @Test
  void everyYamlFixtureOfTheseTestsReadsTheSame() throws IOException, URISyntaxException {
    Path root = Path.of(CoreYamlAgreementTest.class.getResource("/dev/dynamodouble/junit5").toURI());
    List<Path> files;
    try (Stream<Path> walk = Files.walk(root)) {
      files = walk.filter(f -> f.toString().endsWith(".yml") || f.toString().endsWith(".yaml"))
          .filter(f -> !f.toString().contains("/faults/") && !f.toString().contains("-faults"))
          .sorted().toList();
    }
    assertThat(files).hasSizeGreaterThan(5);
    int agreed = 0;
    for (Path file : files) {
      if (compare(file)) {
        agreed++;
      }
    }
    assertThat(agreed).as("files read by both").isGreaterThanOrEqualTo(files.size() - 2); // the two error samples
  }

  @Test
  void trickyScalarsReadTheSameOrAreRefused() throws IOException {
    String yaml = """
        # scalars whose type YAML readers decide
        a: yes
        b: Off
        c: TRUE
        d: y
        e: ~
        f: ""
        g: 12.50
        h: -3
        i: 1e5
        j: .5
        k: 2024-03-01
        l: "2024-03-01T09:00:00Z"
        m: 'it''s'
        n: "tab\\tand \\u00e9"
        o: !!binary AQID
        q: http://example.com/a#b
        "quoted key": [1, "two", {x: null}, [yes, no]]
        r: +7
        s: 1.
        t: {k: v,
            w: [a,
                b]}
        """;
    assertThat(compare(Files.writeString(dir.resolve("tricky.yml"), yaml))).isTrue();
  }

  /** True if both read the file to the same tree; false if core refused it (with a line) and Jackson did not agree. */
  private static boolean compare(Path file) throws IOException {
    byte[] bytes = Files.readAllBytes(file);
    FixtureTree ours;
    try {
      ours = FixtureTree.readYaml("Fixture", file.toString(), bytes);
    } catch (FixtureError refused) {
      assertThat(refused.line()).as(file + ": " + refused.getMessage()).isPositive();
      return false;
    }
    FixtureTree jackson = LocatedTree.read(new ResourceLocator.Resource(file.toUri().toURL(), file.toString()), "Fixture");
    assertThat(plain(ours.root())).as(file.toString()).isEqualTo(plain(jackson.root()));
    assertThat(lines(ours, ours.root())).as(file + " lines").isEqualTo(lines(jackson, jackson.root()));
    return true;
  }

  /** The tree with numbers compared by value and scale, and bytes as base64. */
  private static Object plain(Object node) {
    if (node instanceof Map<?, ?> map) {
      List<Object> entries = new ArrayList<>();
      map.forEach((k, v) -> entries.add(List.of(k, plain(v))));
      return entries;
    }
    if (node instanceof List<?> list) {
      return list.stream().map(CoreYamlAgreementTest::plain).toList();
    }
    if (node instanceof byte[] bytes) {
      return "base64:" + Base64.getEncoder().encodeToString(bytes);
    }
    if (node instanceof BigDecimal decimal) {
      return "number:" + decimal.toPlainString();
    }
    return node == FixtureTree.NULL ? "null" : node.getClass().getSimpleName() + ":" + node;
  }

  private static List<Integer> lines(FixtureTree tree, Object node) {
    List<Integer> lines = new ArrayList<>();
    collect(tree, node, lines);
    return lines;
  }

  private static void collect(FixtureTree tree, Object node, List<Integer> lines) {
    if (node instanceof Map<?, ?> map) {
      lines.add(tree.line(node));
      map.values().forEach(v -> collect(tree, v, lines));
    } else if (node instanceof List<?> list) {
      lines.add(tree.line(node));
      list.forEach(v -> collect(tree, v, lines));
    }
  }

}
