package dev.dynamodouble.core.insights;

import dev.dynamodouble.core.table.KeySchema;
import dev.dynamodouble.core.value.AttributeValue;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The Contributor Insights state of one table, kept beside it (a table attachment, so it goes
 * with the table): the settings of the table ({@code ""}) and of each index, and their key counts,
 * accessed and throttled.
 */
final class TableInsights {
  private final Map<String, ContributorInsights.Settings> settings = new ConcurrentHashMap<>();
  private final KeyCounts accessed = new KeyCounts();
  private final KeyCounts throttled = new KeyCounts();

  static String key(String index) {
    return index == null ? "" : index;
  }

  ContributorInsights.Settings settings(String index) {
    return settings.get(key(index));
  }

  Map<String, ContributorInsights.Settings> all() {
    return settings;
  }

  /** Sets the table's or an index's settings; the counts its mode no longer keeps are dropped. */
  void put(String index, ContributorInsights.Settings value) {
    settings.put(key(index), value);
    if (!counts(index, Contribution.THROTTLED)) {
      throttled.drop(index);
    }
    if (!counts(index, Contribution.ACCESSED)) {
      accessed.drop(index);
    }
  }

  /** Whether the table's or index's insights are enabled and its mode counts {@code contribution}. */
  boolean counts(String index, Contribution contribution) {
    ContributorInsights.Settings s = settings.get(key(index));
    return s != null && s.status().equals(ContributorInsights.ENABLED)
        && (contribution == Contribution.THROTTLED || ContributorInsights.countsAccesses(s.mode()));
  }

  void count(Contribution contribution, String index, KeySchema schema, Map<String, AttributeValue> attributes) {
    counts(contribution).count(index, schema, attributes);
  }

  List<ContributorInsights.KeyCount> top(Contribution contribution, String index, boolean fullKey, int limit) {
    return counts(contribution).top(index, fullKey, limit);
  }

  private KeyCounts counts(Contribution contribution) {
    return contribution == Contribution.ACCESSED ? accessed : throttled;
  }
}
