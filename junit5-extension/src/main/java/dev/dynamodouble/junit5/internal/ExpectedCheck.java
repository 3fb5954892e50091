package dev.dynamodouble.junit5.internal;

import dev.dynamodouble.core.fixture.FixtureEntry;
import dev.dynamodouble.junit5.CompareMode;
import dev.dynamodouble.junit5.DynamoTables;
import dev.dynamodouble.junit5.ExpectedItems;
import dev.dynamodouble.junit5.FixtureException;
import dev.dynamodouble.junit5.TableContents;
import dev.dynamodouble.junit5.internal.AnnotationSearch.Found;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.opentest4j.AssertionFailedError;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Checks {@link ExpectedItems} after a test: per table named in the files, the items that are
 * missing, extra (for EXACT) or different, attribute by attribute. The failure carries the expected
 * and actual contents as text, so IDEs can show them side by side.
 */
public final class ExpectedCheck {
  private static final String KIND = "Expected items";

  private ExpectedCheck() {}

  /** The annotation that applies to {@code method}: its own, else its class's (or enclosing classes'). */
  public static Optional<Found<ExpectedItems>> find(Method method, Class<?> testClass) {
    List<Found<ExpectedItems>> found = AnnotationSearch.on(method, ExpectedItems.class);
    if (!found.isEmpty()) {
      return Optional.of(found.get(0));
    }
    for (Class<?> c : AnnotationSearch.enclosingChain(testClass)) {
      found = AnnotationSearch.onClassHierarchy(c, ExpectedItems.class);
      if (!found.isEmpty()) {
        return Optional.of(found.get(0));
      }
    }
    return Optional.empty();
  }

  public static void check(ClassScope scope, Method method, Found<ExpectedItems> found) {
    ExpectedItems a = found.annotation();
    List<FixtureRef> refs = new ArrayList<>();
    for (String path : a.value()) {
      refs.add(new FixtureRef(path, a.table().isEmpty() ? null : a.table(), a.format(), found.anchor(),
          found.describe()));
    }
    if (refs.isEmpty()) {
      String base = AnnotationSearch.conventionName(scope.testClass()) + "." + method.getName() + ".expected";
      ResourceLocator.Resource convention = ResourceLocator.firstExisting(scope.testClass(),
          ClassScope.conventionNames(base));
      if (convention == null) {
        throw new FixtureException(KIND, base + ".json", 0, found.describe(), "no file named, and no "
            + base + ".json, .yml or .yaml beside " + scope.testClass().getName());
      }
      refs.add(new FixtureRef("/" + convention.path(), a.table().isEmpty() ? null : a.table(), a.format(),
          scope.testClass(), found.describe()));
    }
    List<FixtureEntry> entries = ClassScope.parse(refs, scope.tables(), scope.testClass(), KIND);
    Map<String, List<FixtureEntry>> byTable = new LinkedHashMap<>();
    for (FixtureEntry entry : entries) {
      if (entry.delete()) {
        throw new FixtureException(KIND, entry.file(), entry.line(), entry.where(),
            "an expected-state file lists items, not delete requests");
      }
      byTable.computeIfAbsent(entry.table(), t -> new ArrayList<>()).add(entry);
    }
    Set<String> ignored = new LinkedHashSet<>(List.of(a.ignore()));
    DynamoTables tables = DynamoTables.of(scope.dynamo(), scope.settings().region());
    StringBuilder report = new StringBuilder();
    StringBuilder expectedText = new StringBuilder();
    StringBuilder actualText = new StringBuilder();
    for (Map.Entry<String, List<FixtureEntry>> table : byTable.entrySet()) {
      TableContents actual = tables.table(table.getKey());
      String problems = compare(actual, table.getValue(), a.compare(), ignored);
      if (!problems.isEmpty()) {
        report.append("\nTable \"").append(actual.name()).append("\" (").append(a.compare())
            .append(ignored.isEmpty() ? "" : ", ignoring " + ignored).append("):").append(problems);
        expectedText.append(listing(actual, items(table.getValue()), ignored));
        actualText.append(listing(actual, actual.items(), ignored));
      }
    }
    if (report.length() > 0) {
      Set<String> files = new TreeSet<>();
      entries.forEach(e -> files.add(e.file()));
      throw new AssertionFailedError("The tables do not hold the expected items of " + String.join(", ", files)
          + ":" + report, expectedText.toString(), actualText.toString());
    }
  }

  private static String compare(TableContents actual, List<FixtureEntry> expected, CompareMode mode,
      Set<String> ignored) {
    StringBuilder missing = new StringBuilder();
    StringBuilder different = new StringBuilder();
    StringBuilder extra = new StringBuilder();
    List<Map<String, AttributeValue>> unmatched = new ArrayList<>(actual.items());
    for (FixtureEntry entry : expected) {
      Map<String, AttributeValue> item = SdkValues.item(entry.item());
      Map<String, AttributeValue> wanted = without(item, ignored);
      Optional<Map<String, AttributeValue>> found = actual.item(item);
      if (found.isEmpty()) {
        missing.append("\n    ").append(Values.text(wanted, 300)).append("  (line ").append(entry.line()).append(')');
        continue;
      }
      unmatched.remove(found.get());
      Map<String, AttributeValue> have = without(found.get(), ignored);
      if (!Values.sameItem(wanted, have)) {
        different.append("\n    key ").append(Values.text(actual.keyOf(item))).append("  (line ")
            .append(entry.line()).append(')');
        Set<String> names = new TreeSet<>(wanted.keySet());
        names.addAll(have.keySet());
        for (String name : names) {
          AttributeValue e = wanted.get(name);
          AttributeValue h = have.get(name);
          if (e == null) {
            different.append("\n      ").append(name).append(": not expected, but was ").append(Values.text(h));
          } else if (h == null) {
            different.append("\n      ").append(name).append(": expected ").append(Values.text(e))
                .append(" but absent");
          } else if (!Values.same(e, h)) {
            different.append("\n      ").append(name).append(": expected ").append(Values.text(e))
                .append(" but was ").append(Values.text(h));
          }
        }
      }
    }
    if (mode == CompareMode.EXACT) {
      for (Map<String, AttributeValue> item : unmatched) {
        extra.append("\n    ").append(Values.text(without(item, ignored), 300));
      }
    }
    StringBuilder problems = new StringBuilder();
    if (missing.length() > 0) {
      problems.append("\n  missing (expected, not in the table):").append(missing);
    }
    if (extra.length() > 0) {
      problems.append("\n  extra (in the table, not expected):").append(extra);
    }
    if (different.length() > 0) {
      problems.append("\n  different:").append(different);
    }
    return problems.toString();
  }

  private static List<Map<String, AttributeValue>> items(List<FixtureEntry> entries) {
    List<Map<String, AttributeValue>> items = new ArrayList<>();
    entries.forEach(e -> items.add(SdkValues.item(e.item())));
    return items;
  }

  private static String listing(TableContents table, List<Map<String, AttributeValue>> items, Set<String> ignored) {
    List<String> lines = new ArrayList<>();
    for (Map<String, AttributeValue> item : items) {
      lines.add(Values.text(without(item, ignored)));
    }
    lines.sort(Comparator.naturalOrder());
    StringBuilder text = new StringBuilder(table.name()).append(":\n");
    lines.forEach(line -> text.append("  ").append(line).append('\n'));
    return text.toString();
  }

  private static Map<String, AttributeValue> without(Map<String, AttributeValue> item, Set<String> ignored) {
    if (ignored.isEmpty()) {
      return item;
    }
    Map<String, AttributeValue> copy = new LinkedHashMap<>(item);
    copy.keySet().removeAll(ignored);
    return copy;
  }
}
