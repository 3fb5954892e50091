package dev.dynamodouble.core.fault;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A fault scenario: a list of rules in YAML or JSON, either the list itself or under {@code rules}.
 *
 * <pre>
 * rules:
 *   - name: throttle-orders
 *     operation: PutItem
 *     table: orders
 *     error: ProvisionedThroughputExceededException
 *     times: 2
 *   - operations: [GetItem, Query]
 *     staleRead: 2s
 * </pre>
 *
 * Each rule's fields are those of {@link RuleFields}. Any mistake is an {@link InvalidFaultException}
 * naming the file, the line and the field, and nothing of the file is applied.
 */
public final class ScenarioFile {
  private ScenarioFile() {}

  /** Reads a scenario from a file (YAML unless its name ends in .json). */
  public static List<FaultRule> read(Path path) {
    String text;
    try {
      text = Files.readString(path, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new InvalidFaultException(path.toString(), 0, null, "cannot read the scenario file: " + e.getMessage());
    }
    return parse(path.toString(), text);
  }

  /**
   * Parses a scenario; JSON when the name ends in .json or the text starts with { or [, YAML otherwise.
   *
   * @param file the name messages give it
   */
  public static List<FaultRule> parse(String file, String text) {
    String start = text.stripLeading();
    boolean json = file.toLowerCase(Locale.ROOT).endsWith(".json") || start.startsWith("{") || start.startsWith("[");
    Located root = json ? JsonScenario.parse(file, text) : YamlScenario.parse(file, text);
    List<Located> entries = root.list();
    if (root.map() != null) {
      for (Map.Entry<String, Located> e : root.map().entrySet()) {
        if (!e.getKey().equals("rules")) {
          throw new InvalidFaultException(file, e.getValue().line(), e.getKey(),
              "unknown field; a scenario holds \"rules\"");
        }
      }
      Located rules = root.map().get("rules");
      entries = rules == null ? null : rules.list();
      if (entries == null) {
        throw new InvalidFaultException(file, rules == null ? root.line() : rules.line(), "rules",
            "expected a list of rules");
      }
    }
    if (entries == null) {
      throw new InvalidFaultException(file, root.line(), null, "expected a list of rules, or \"rules:\" with one");
    }
    List<FaultRule> rules = new ArrayList<>();
    for (Located entry : entries) {
      if (entry.map() == null) {
        throw new InvalidFaultException(file, entry.line(), null, "a rule is a mapping of fields, not "
            + entry.value());
      }
      try {
        @SuppressWarnings("unchecked")
        Map<String, Object> fields = (Map<String, Object>) entry.plain();
        rules.add(RuleFields.build(fields, file + " line " + entry.line()));
      } catch (InvalidFaultException e) {
        Located field = e.field() == null ? null : entry.map().get(e.field());
        throw e.at(file, field != null ? field.line() : entry.line());
      }
    }
    return rules;
  }

  /** Reads a scenario from the classpath. */
  public static List<FaultRule> resource(ClassLoader loader, String name) {
    try (var in = loader.getResourceAsStream(name.startsWith("/") ? name.substring(1) : name)) {
      if (in == null) {
        throw new InvalidFaultException(name, 0, null, "no such scenario file on the classpath");
      }
      return parse(name, new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
