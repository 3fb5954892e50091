package dev.dynamodouble.core.insights;

import dev.dynamodouble.core.pipeline.Pipeline;
import dev.dynamodouble.core.table.IndexDefinition;
import dev.dynamodouble.core.table.KeyAttribute;
import dev.dynamodouble.core.table.KeySchema;
import dev.dynamodouble.core.table.Table;
import dev.dynamodouble.core.value.AttributeValue;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * CloudWatch Contributor Insights for DynamoDB, kept in the engine: which tables and indexes have
 * it enabled, and, for those, how often each partition key and each full key was accessed. The
 * counts come from a pipeline stage that sees every successful item request (see
 * {@link KeyAccessStage}); a test reads them with {@link #topKeys}.
 */
public final class ContributorInsights {
  public static final String ENABLED = "ENABLED";
  public static final String DISABLED = "DISABLED";

  /** A table (the instance: a re-created table starts over) or one of its indexes. */
  public record Target(Table table, String index) {}

  /** The settings of one target. */
  public record Settings(String status, String mode, Instant lastUpdate, List<String> rules) {}

  /** A key and how many requests read or wrote it. */
  public record KeyCount(String key, long count) {}

  private final Map<Target, Settings> settings = new ConcurrentHashMap<>();
  private final Map<Target, Map<String, LongAdder>> partitionCounts = new ConcurrentHashMap<>();
  private final Map<Target, Map<String, LongAdder>> keyCounts = new ConcurrentHashMap<>();
  private volatile boolean anyEnabled;

  /** Creates the service and registers its counting stage (after capacity: only admitted requests count). */
  public ContributorInsights(Pipeline pipeline) {
    pipeline.add(Pipeline.Order.CAPACITY, new KeyAccessStage(this));
  }

  /** Enables or disables insights on a table or index; enabling again keeps the counts. */
  public Settings update(Target target, boolean enable, String mode, Instant now) {
    Settings updated;
    if (enable) {
      updated = new Settings(ENABLED, mode == null ? "ACCESSED_AND_THROTTLED_KEYS" : mode, now, rules(target, now));
    } else {
      updated = new Settings(DISABLED, mode, now, List.of());
      partitionCounts.remove(target);
      keyCounts.remove(target);
    }
    settings.put(target, updated);
    anyEnabled = settings.values().stream().anyMatch(s -> s.status().equals(ENABLED));
    return updated;
  }

  /** The settings of a target, or null when insights were never changed on it. */
  public Settings settings(Target target) {
    return settings.get(target);
  }

  /** The targets with settings, of the tables given (the live tables of a region). */
  public List<Map.Entry<Target, Settings>> list(List<Table> tables) {
    List<Map.Entry<Target, Settings>> out = new ArrayList<>();
    for (Map.Entry<Target, Settings> e : settings.entrySet()) {
      if (tables.contains(e.getKey().table())) {
        out.add(Map.entry(e.getKey(), e.getValue()));
      }
    }
    out.sort(Comparator.comparing((Map.Entry<Target, Settings> e) -> e.getKey().table().name())
        .thenComparing(e -> e.getKey().index() == null ? "" : e.getKey().index()));
    return out;
  }

  /**
   * The most accessed keys of a target, most first (ties by key): partition key values, or, with
   * {@code fullKey}, partition and sort key values joined by a comma.
   */
  public List<KeyCount> topKeys(Target target, boolean fullKey, int limit) {
    Map<String, LongAdder> counts = (fullKey ? keyCounts : partitionCounts).get(target);
    if (counts == null) {
      return List.of();
    }
    return counts.entrySet().stream()
        .map(e -> new KeyCount(e.getKey(), e.getValue().sum()))
        .sorted(Comparator.comparingLong(KeyCount::count).reversed().thenComparing(KeyCount::key))
        .limit(limit)
        .toList();
  }

  boolean anyEnabled() {
    return anyEnabled;
  }

  /** Counts one access to the item with these attributes (a key, or a whole item) in {@code table}. */
  void record(Table table, Map<String, AttributeValue> attributes) {
    count(new Target(table, null), table.keySchema(), attributes);
    for (List<IndexDefinition> indexes : List.of(table.localIndexes(), table.globalIndexes())) {
      for (IndexDefinition index : indexes) {
        count(new Target(table, index.name()), index.keySchema(), attributes);
      }
    }
  }

  private void count(Target target, KeySchema schema, Map<String, AttributeValue> attributes) {
    Settings s = settings.get(target);
    if (s == null || !s.status().equals(ENABLED)) {
      return;
    }
    String partition = text(attributes.get(schema.partition().name()));
    if (partition == null) {
      return; // not in this index (sparse) or only the table's key is known
    }
    partitionCounts.computeIfAbsent(target, t -> new ConcurrentHashMap<>())
        .computeIfAbsent(partition, k -> new LongAdder()).increment();
    KeyAttribute sort = schema.sort();
    String full = sort == null ? partition : partition + "," + text(attributes.get(sort.name()));
    if (sort == null || attributes.get(sort.name()) != null) {
      keyCounts.computeIfAbsent(target, t -> new ConcurrentHashMap<>())
          .computeIfAbsent(full, k -> new LongAdder()).increment();
    }
  }

  private static String text(AttributeValue value) {
    if (value instanceof AttributeValue.S s) {
      return s.value();
    }
    if (value instanceof AttributeValue.N n) {
      return n.text();
    }
    if (value instanceof AttributeValue.B b) {
      return Base64.getEncoder().encodeToString(b.bytes());
    }
    return null;
  }

  /** The CloudWatch rule names DynamoDB creates: partition keys and, with a sort key, full keys; accessed and throttled. */
  private static List<String> rules(Target target, Instant now) {
    String base = target.table().name() + (target.index() == null ? "" : "-" + target.index());
    String suffix = "-" + now.toEpochMilli();
    boolean sort = target.index() == null ? target.table().keySchema().hasSort()
        : indexSchema(target).hasSort();
    List<String> rules = new ArrayList<>();
    rules.add("DynamoDBContributorInsights-PKC-" + base + suffix);
    rules.add("DynamoDBContributorInsights-PKT-" + base + suffix);
    if (sort) {
      rules.add("DynamoDBContributorInsights-SKC-" + base + suffix);
      rules.add("DynamoDBContributorInsights-SKT-" + base + suffix);
    }
    return rules;
  }

  private static KeySchema indexSchema(Target target) {
    for (List<IndexDefinition> indexes : List.of(target.table().localIndexes(), target.table().globalIndexes())) {
      for (IndexDefinition index : indexes) {
        if (index.name().equals(target.index())) {
          return index.keySchema();
        }
      }
    }
    return target.table().keySchema();
  }
}
