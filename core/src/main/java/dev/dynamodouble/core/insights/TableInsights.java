package dev.dynamodouble.core.insights;

import dev.dynamodouble.core.table.KeyAttribute;
import dev.dynamodouble.core.table.KeySchema;
import dev.dynamodouble.core.value.AttributeValue;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * The Contributor Insights state of one table, kept beside it (a table attachment, so it goes
 * with the table): settings and key access counts of the table ({@code ""}) and of each index.
 */
final class TableInsights {
  private final Map<String, ContributorInsights.Settings> settings = new ConcurrentHashMap<>();
  private final Map<String, Map<String, LongAdder>> partitionCounts = new ConcurrentHashMap<>();
  private final Map<String, Map<String, LongAdder>> keyCounts = new ConcurrentHashMap<>();

  static String key(String index) {
    return index == null ? "" : index;
  }

  ContributorInsights.Settings settings(String index) {
    return settings.get(key(index));
  }

  Map<String, ContributorInsights.Settings> all() {
    return settings;
  }

  void put(String index, ContributorInsights.Settings value) {
    settings.put(key(index), value);
    if (!value.status().equals(ContributorInsights.ENABLED)) {
      partitionCounts.remove(key(index));
      keyCounts.remove(key(index));
    }
  }

  boolean enabled(String index) {
    ContributorInsights.Settings s = settings.get(key(index));
    return s != null && s.status().equals(ContributorInsights.ENABLED);
  }

  /** Counts one access of the item whose attributes (a key or a whole item) are given, under {@code schema}. */
  void count(String index, KeySchema schema, Map<String, AttributeValue> attributes) {
    String partition = text(schema.partitions(), attributes);
    if (partition == null) {
      return; // not in this index (sparse), or only the table's key is known
    }
    increment(partitionCounts, index, partition);
    if (!schema.hasSort()) {
      increment(keyCounts, index, partition);
      return;
    }
    String sort = text(schema.sorts(), attributes);
    if (sort != null) {
      increment(keyCounts, index, partition + "," + sort);
    }
  }

  /** The key's values joined by commas (one value unless the key has several attributes); null when one is missing. */
  private static String text(List<KeyAttribute> key, Map<String, AttributeValue> attributes) {
    if (key.size() == 1) {
      return text(attributes.get(key.get(0).name()));
    }
    StringBuilder joined = new StringBuilder();
    for (KeyAttribute attribute : key) {
      String value = text(attributes.get(attribute.name()));
      if (value == null) {
        return null;
      }
      joined.append(joined.length() == 0 ? "" : ",").append(value);
    }
    return joined.toString();
  }

  private static void increment(Map<String, Map<String, LongAdder>> counts, String index, String key) {
    counts.computeIfAbsent(key(index), i -> new ConcurrentHashMap<>())
        .computeIfAbsent(key, k -> new LongAdder()).increment();
  }

  List<ContributorInsights.KeyCount> top(String index, boolean fullKey, int limit) {
    Map<String, LongAdder> counts = (fullKey ? keyCounts : partitionCounts).get(key(index));
    if (counts == null) {
      return List.of();
    }
    return counts.entrySet().stream()
        .map(e -> new ContributorInsights.KeyCount(e.getKey(), e.getValue().sum()))
        .sorted(Comparator.comparingLong(ContributorInsights.KeyCount::count).reversed()
            .thenComparing(ContributorInsights.KeyCount::key))
        .limit(limit)
        .toList();
  }

  private static String text(AttributeValue value) {
    return value == null ? null : dev.dynamodouble.core.pipeline.RequestKeys.text(value);
  }
}
