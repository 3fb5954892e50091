package dev.dynamodouble.core.insights;

import dev.dynamodouble.core.pipeline.Pipeline;
import dev.dynamodouble.core.table.IndexDefinition;
import dev.dynamodouble.core.table.KeySchema;
import dev.dynamodouble.core.table.Table;
import dev.dynamodouble.core.value.AttributeValue;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * CloudWatch Contributor Insights for DynamoDB, kept in the engine: which tables and indexes have
 * it enabled and, for those, how often each partition key and each full key was accessed. The
 * state lives beside each table (it goes when the table goes); the counts come from a pipeline
 * stage that sees every successful item request ({@link KeyAccessStage}), and a test reads them
 * with {@link #topKeys}.
 */
public final class ContributorInsights {
  public static final String ENABLED = "ENABLED";
  public static final String DISABLED = "DISABLED";

  /** The settings of a table or index. */
  public record Settings(String status, String mode, Instant lastUpdate, List<String> rules) {}

  /** One table's or index's settings, for ListContributorInsights. */
  public record Summary(String tableName, String indexName, Settings settings) {}

  /** A key and how many requests read or wrote it. */
  public record KeyCount(String key, long count) {}

  private volatile boolean everEnabled;

  /** Creates the service and registers its counting stage (after capacity: only admitted requests count). */
  public ContributorInsights(Pipeline pipeline) {
    pipeline.add(Pipeline.Order.CAPACITY, new KeyAccessStage(this));
  }

  /**
   * Enables or disables insights on a table or, with {@code index}, one of its indexes. Disabling
   * drops the counts.
   */
  public Settings update(Table table, String index, boolean enable, String mode, Instant now) {
    Settings updated = enable
        ? new Settings(ENABLED, mode == null ? "ACCESSED_AND_THROTTLED_KEYS" : mode, now, rules(table, index, now))
        : new Settings(DISABLED, mode, now, List.of());
    table.attachment(TableInsights.class, t -> new TableInsights()).put(index, updated);
    if (enable) {
      everEnabled = true;
    }
    return updated;
  }

  /** Puts back settings a data directory kept (counts start again from zero). */
  public void recovered(Table table, String index, Settings settings) {
    table.attachment(TableInsights.class, t -> new TableInsights()).put(index, settings);
    if (settings.status().equals(ENABLED)) {
      everEnabled = true;
    }
  }

  /** The settings of a table or index, or null when its insights were never changed. */
  public Settings settings(Table table, String index) {
    TableInsights insights = table.attachment(TableInsights.class);
    return insights == null ? null : insights.settings(index);
  }

  /** The tables and indexes with settings among {@code tables}, by table then index name. */
  public List<Summary> list(Collection<Table> tables) {
    List<Summary> out = new ArrayList<>();
    for (Table table : tables) {
      TableInsights insights = table.attachment(TableInsights.class);
      if (insights != null) {
        insights.all().forEach((index, s) -> out.add(new Summary(table.name(), index.isEmpty() ? null : index, s)));
      }
    }
    out.sort(java.util.Comparator.comparing(Summary::tableName)
        .thenComparing(s -> s.indexName() == null ? "" : s.indexName()));
    return out;
  }

  /**
   * The most accessed keys of a table or index, most first (ties by key): partition key values, or
   * with {@code fullKey} partition and sort key values joined by a comma.
   */
  public List<KeyCount> topKeys(Table table, String index, boolean fullKey, int limit) {
    TableInsights insights = table.attachment(TableInsights.class);
    return insights == null ? List.of() : insights.top(index, fullKey, limit);
  }

  boolean everEnabled() {
    return everEnabled;
  }

  /** Counts one access to the item with these attributes (a key, or a whole item) in {@code table}. */
  void record(Table table, Map<String, AttributeValue> attributes) {
    TableInsights insights = table.attachment(TableInsights.class);
    if (insights == null) {
      return;
    }
    if (insights.enabled(null)) {
      insights.count(null, table.keySchema(), attributes);
    }
    for (List<IndexDefinition> indexes : List.of(table.localIndexes(), table.globalIndexes())) {
      for (IndexDefinition index : indexes) {
        if (insights.enabled(index.name())) {
          insights.count(index.name(), index.keySchema(), attributes);
        }
      }
    }
  }

  /**
   * Counts one read of a partition (a Query) of the table or, with {@code index}, one of its
   * indexes, given the values of its partition-key attributes.
   */
  void recordPartition(Table table, String index, KeySchema schema, Map<String, AttributeValue> partition) {
    TableInsights insights = table.attachment(TableInsights.class);
    if (insights != null && insights.enabled(index)) {
      insights.count(index, schema, partition);
    }
  }

  /** Whether reads of the table or, with {@code index}, of that index are counted now. */
  boolean counts(Table table, String index) {
    TableInsights insights = table.attachment(TableInsights.class);
    return insights != null && insights.enabled(index) && (index == null || table.index(index) != null);
  }

  /** Counts one item a Scan read from the table or, with {@code index}, from that index only. */
  void recordRead(Table table, String index, Map<String, AttributeValue> attributes) {
    TableInsights insights = table.attachment(TableInsights.class);
    if (insights != null && insights.enabled(index)) {
      IndexDefinition definition = index == null ? null : table.index(index);
      if (index == null || definition != null) {
        insights.count(index, index == null ? table.keySchema() : definition.keySchema(), attributes);
      }
    }
  }

  /** The CloudWatch rule names DynamoDB creates: partition keys and, with a sort key, full keys; accessed and throttled. */
  private static List<String> rules(Table table, String index, Instant now) {
    String base = table.name() + (index == null ? "" : "-" + index);
    String suffix = "-" + now.toEpochMilli();
    boolean sort = index == null ? table.keySchema().hasSort() : table.index(index).keySchema().hasSort();
    List<String> rules = new ArrayList<>();
    rules.add("DynamoDBContributorInsights-PKC-" + base + suffix);
    rules.add("DynamoDBContributorInsights-PKT-" + base + suffix);
    if (sort) {
      rules.add("DynamoDBContributorInsights-SKC-" + base + suffix);
      rules.add("DynamoDBContributorInsights-SKT-" + base + suffix);
    }
    return rules;
  }
}
