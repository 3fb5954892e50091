package dev.dynamodouble.core.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynamodouble.core.engine.Quotas;
import dev.dynamodouble.core.persist.DataDirectory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The README's flag table of "The standalone server", the parser and {@code --help} name the same
 * flags; every flag the README lists is accepted with a value of the kind it names; the defaults the
 * README states are the parser's.
 */
class ReadmeFlagsTest {
  private static final Path README = Path.of("..", "README.md");
  private static final Path MAIN = Path.of("src", "main", "java", "dev", "dynamodouble", "core", "server", "Main.java");
  private static final Pattern FLAG = Pattern.compile("--[a-z][a-z0-9-]*");
  /** Flags the table leaves to another section of the README, with that section's heading. */
  private static String readme() throws IOException {
    return Files.readString(README, StandardCharsets.UTF_8);
  }

  /** The first column of the table under "## The standalone server", flag by flag. */
  private static Set<String> readmeTableFlags() throws IOException {
    String readme = readme();
    int section = readme.indexOf("\n## The standalone server\n");
    int table = readme.indexOf("| flag | what it does |", section);
    int end = readme.indexOf("\n\n", table);
    Set<String> flags = new TreeSet<>();
    for (String row : readme.substring(table, end).split("\n")) {
      String[] cells = row.split("\\|");
      if (cells.length > 1) {
        Matcher flag = FLAG.matcher(cells[1]);
        while (flag.find()) {
          flags.add(flag.group());
        }
      }
    }
    return flags;
  }

  /** Each flag --help describes at the start of a line, with its metavariable (empty for none). */
  private static Map<String, String> helpFlags() {
    Matcher line = Pattern.compile("(?m)^  (--[a-z0-9-]+)( (\\S+))?").matcher(Main.Options.HELP);
    Map<String, String> flags = new LinkedHashMap<>();
    while (line.find()) {
      String metavariable = line.group(3);
      flags.put(line.group(1), metavariable != null && metavariable.equals(metavariable.toUpperCase())
          && !metavariable.startsWith("-") ? metavariable : "");
    }
    return flags;
  }

  /** The long flags the parser's switch accepts, read from its source. */
  private static Set<String> parserFlags() throws IOException {
    Matcher label = Pattern.compile("case (\"-[^>]*)->").matcher(Files.readString(MAIN, StandardCharsets.UTF_8));
    Set<String> flags = new TreeSet<>();
    while (label.find()) {
      Matcher flag = Pattern.compile("\"(--[a-z0-9-]+)\"").matcher(label.group(1));
      while (flag.find()) {
        flags.add(flag.group(1));
      }
    }
    return flags;
  }

  @Test
  void theReadmeTableTheParserAndHelpNameTheSameFlags() throws IOException {
    Set<String> parser = parserFlags();
    assertThat(parser).hasSizeGreaterThan(20);
    assertThat(new TreeSet<>(helpFlags().keySet())).as("--help").isEqualTo(parser);

    assertThat(new TreeSet<>(readmeTableFlags())).as("the README's flags").isEqualTo(parser);
  }

  @Test
  void everyFlagParsesWithAValueOfTheKindItsHelpNames() {
    Map<String, String> samples = Map.of("N", "1", "MS", "0", "ADDRESS", "0.0.0.0", "NAME", "eu-west-1",
        "[ISO]", "2026-01-01T00:00:00Z", "FILE", "some.file", "DIR", "some-dir", "PATH", "fixtures");
    Map<String, List<String>> companions = Map.of("--data-key", List.of("--data-dir", "d"),
        "--tls-cert", List.of("--tls-key", "k"), "--tls-key", List.of("--tls-cert", "c"));
    for (Map.Entry<String, String> flag : helpFlags().entrySet()) {
      List<String> args = new ArrayList<>(List.of(flag.getKey()));
      if (!flag.getValue().isEmpty()) {
        assertThat(samples).as("a sample for %s %s", flag.getKey(), flag.getValue()).containsKey(flag.getValue());
        args.add(samples.get(flag.getValue()));
      }
      args.addAll(companions.getOrDefault(flag.getKey(), List.of()));
      Main.Options.parse(args.toArray(String[]::new)); // throws IllegalArgumentException if refused
    }
    assertThat(Main.Options.parse(new String[] {"--manual-clock"}).manualClockStart).isNotNull();
    assertThat(Main.Options.parse(new String[] {"--manual-clock", "--port", "1"}).port).isEqualTo(1);
  }

  @Test
  void theDefaultsAreTheReadmes() {
    Main.Options none = Main.Options.parse(new String[0]);
    assertThat(none.port).isEqualTo(8000);
    assertThat(none.host).isEqualTo("127.0.0.1");
    assertThat(none.region).isEqualTo("us-east-1");
    assertThat(none.statusDelay).isEqualTo(Duration.ZERO);
    assertThat(none.manualClockStart).isNull();
    assertThat(none.singleNamespace).isFalse();
    assertThat(none.capacityEnforcement).isTrue();
    assertThat(none.dataDir).isNull();
    assertThat(none.workers.queue()).isEqualTo(1024);
    assertThat(none.workerThreads()).isEqualTo(Math.max(8, 4 * Runtime.getRuntime().availableProcessors()));
    assertThat(none.quotas).isEqualTo(Quotas.defaults());
    assertThat(List.of(none.quotas.tablesPerRegion(), none.quotas.globalIndexesPerTable(),
        none.quotas.localIndexesPerTable(), none.quotas.concurrentTableChanges())).containsExactly(2500, 20, 5, 500);

    Main.Options durable = Main.Options.parse(new String[] {"--data-dir", "d"});
    assertThat(durable.workerThreads()).isEqualTo(Math.max(DataDirectory.REQUEST_THREADS, none.workerThreads()));
    assertThat(Main.Options.parse(new String[] {"--data-dir", "d", "--request-threads", "3"}).workerThreads()).isEqualTo(3);
    assertThat(Main.Options.parse(new String[] {"--manual-clock", "2026-01-01T00:00:00Z"}).manualClockStart)
        .isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
  }
}
