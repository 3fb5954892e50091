package dev.dynamodouble.core.insights;

import dev.dynamodouble.core.pipeline.RequestKeys;
import dev.dynamodouble.core.table.KeyAttribute;
import dev.dynamodouble.core.table.KeySchema;
import dev.dynamodouble.core.value.AttributeValue;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * One kind of count (accesses, or throttles) of the keys of a table ({@code ""}) and of each of its
 * indexes: by partition key, and by full key (partition and sort key values joined by a comma).
 */
final class KeyCounts {
  private final Map<String, Map<String, LongAdder>> partitionCounts = new ConcurrentHashMap<>();
  private final Map<String, Map<String, LongAdder>> keyCounts = new ConcurrentHashMap<>();

  /** Counts one request on the key of the item whose attributes (a key or a whole item) are given, under {@code schema}. */
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

  /** Forgets the counts of the table or of one index. */
  void drop(String index) {
    partitionCounts.remove(TableInsights.key(index));
    keyCounts.remove(TableInsights.key(index));
  }

  /** The keys counted most, most first (ties by key). */
  List<ContributorInsights.KeyCount> top(String index, boolean fullKey, int limit) {
    Map<String, LongAdder> counts = (fullKey ? keyCounts : partitionCounts).get(TableInsights.key(index));
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

  private static String text(AttributeValue value) {
    return value == null ? null : RequestKeys.text(value);
  }

  private static void increment(Map<String, Map<String, LongAdder>> counts, String index, String key) {
    counts.computeIfAbsent(TableInsights.key(index), i -> new ConcurrentHashMap<>())
        .computeIfAbsent(key, k -> new LongAdder()).increment();
  }
}
