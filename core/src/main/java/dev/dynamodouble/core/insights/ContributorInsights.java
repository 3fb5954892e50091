package dev.dynamodouble.core.insights;

import dev.dynamodouble.core.pipeline.Pipeline;
import dev.dynamodouble.core.table.IndexDefinition;
import dev.dynamodouble.core.table.KeySchema;
import dev.dynamodouble.core.table.Table;
import dev.dynamodouble.core.value.AttributeValue;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * CloudWatch Contributor Insights for DynamoDB, kept in the engine: which tables and indexes have
 * it enabled, in which mode and, for those, how often each partition key and each full key was
 * accessed (in the ACCESSED_AND_THROTTLED_KEYS mode only) and throttled (in both modes). The state
 * lives beside each table (it goes when the table goes); the counts come from a pipeline stage that
 * sees every item request, served or refused ({@link KeyAccessStage}), and a test reads them with
 * {@link #topKeys} and {@link #topThrottledKeys}.
 */
public final class ContributorInsights {
  public static final String ENABLED = "ENABLED";
  public static final String DISABLED = "DISABLED";
  /** The default mode: accessed keys (rules PKC, SKC) and throttled keys (rules PKT, SKT). */
  public static final String ACCESSED_AND_THROTTLED_KEYS = "ACCESSED_AND_THROTTLED_KEYS";
  /** Throttled keys only (rules PKT, SKT). */
  public static final String THROTTLED_KEYS = "THROTTLED_KEYS";

  /** The settings of a table or index. */
  public record Settings(String status, String mode, Instant lastUpdate, List<String> rules) {}

  /** What UpdateContributorInsights answers: the status it reports and the settings now (null: never set). */
  public record Update(String status, Settings settings) {}

  /** One table's or index's settings, for ListContributorInsights. */
  public record Summary(String tableName, String indexName, Settings settings) {}

  /** A key and how many requests read or wrote it (or, for throttled keys, were throttled on it). */
  public record KeyCount(String key, long count) {}

  private volatile boolean everEnabled;

  /** Creates the service and registers its counting stage (after faults, beside capacity). */
  public ContributorInsights(Pipeline pipeline) {
    pipeline.add(Pipeline.Order.CAPACITY, new KeyAccessStage(this));
  }

  /**
   * Enables or disables insights on a table or, with {@code index}, one of its indexes, as DynamoDB
   * does: enabling what is enabled in the same mode, or disabling what is not enabled, changes
   * nothing and answers the settled status; an ENABLE in another mode (a missing mode is the
   * default) changes the mode in place, its rules keeping their creation time; disabling keeps the
   * mode and drops the counts.
   */
  public Update update(Table table, String index, boolean enable, String mode, Instant now) {
    TableInsights insights = table.attachment(TableInsights.class);
    Settings current = insights == null ? null : insights.settings(index);
    boolean enabled = current != null && current.status().equals(ENABLED);
    if (!enable) {
      if (!enabled) {
        return new Update(DISABLED, current);
      }
      Settings disabled = new Settings(DISABLED, current.mode(), now, List.of());
      insights.put(index, disabled);
      return new Update("DISABLING", disabled);
    }
    String wanted = mode == null ? ACCESSED_AND_THROTTLED_KEYS : mode;
    if (enabled && wanted.equals(modeOf(current))) {
      return new Update(ENABLED, current);
    }
    String created = enabled ? createdSuffix(current.rules(), now) : "-" + now.toEpochMilli();
    Settings updated = new Settings(ENABLED, wanted, now, rules(table, index, wanted, created));
    table.attachment(TableInsights.class, t -> new TableInsights()).put(index, updated);
    everEnabled = true;
    return new Update("ENABLING", updated);
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
   * with {@code fullKey} partition and sort key values joined by a comma. Empty in the
   * THROTTLED_KEYS mode, which counts no accesses.
   */
  public List<KeyCount> topKeys(Table table, String index, boolean fullKey, int limit) {
    return top(Contribution.ACCESSED, table, index, fullKey, limit);
  }

  /**
   * The most throttled keys of a table or index (the PKT and SKT rules), most first (ties by key),
   * as {@link #topKeys}: each counts the requests naming it that were throttled, whether by
   * capacity or by an injected throttling fault.
   */
  public List<KeyCount> topThrottledKeys(Table table, String index, boolean fullKey, int limit) {
    return top(Contribution.THROTTLED, table, index, fullKey, limit);
  }

  private static List<KeyCount> top(Contribution contribution, Table table, String index, boolean fullKey, int limit) {
    TableInsights insights = table.attachment(TableInsights.class);
    return insights == null ? List.of() : insights.top(contribution, index, fullKey, limit);
  }

  /**
   * The settings of every table and index among {@code tables}, for an engine snapshot: O(tables
   * and indexes), the counts are not kept.
   */
  public Object capture(Collection<Table> tables) {
    Map<Table, Map<String, Settings>> saved = new HashMap<>();
    for (Table table : tables) {
      TableInsights insights = table.attachment(TableInsights.class);
      if (insights != null) {
        saved.put(table, Map.copyOf(insights.all()));
      }
    }
    return saved;
  }

  /**
   * Puts back the settings of a {@link #capture} on {@code tables} (those of the restored engine);
   * counting starts again from zero, as it does after a restart.
   */
  @SuppressWarnings("unchecked")
  public void restore(Object captured, Collection<Table> tables) {
    Map<Table, Map<String, Settings>> saved = (Map<Table, Map<String, Settings>>) captured;
    for (Table table : tables) {
      Map<String, Settings> settings = saved.get(table);
      TableInsights insights = null;
      if (settings != null) {
        insights = new TableInsights();
        for (Map.Entry<String, Settings> e : settings.entrySet()) {
          insights.put(e.getKey().isEmpty() ? null : e.getKey(), e.getValue());
        }
      }
      table.replaceAttachment(TableInsights.class, insights);
    }
  }

  boolean everEnabled() {
    return everEnabled;
  }

  /** Whether the mode {@code mode} (null: set before modes existed, the default) counts accessed keys. */
  static boolean countsAccesses(String mode) {
    return !THROTTLED_KEYS.equals(mode);
  }

  private static String modeOf(Settings settings) {
    return settings.mode() == null ? ACCESSED_AND_THROTTLED_KEYS : settings.mode();
  }

  /** Whether accesses of the table or, with {@code index}, of that index are counted now (asked once per Scan). */
  boolean countsAccesses(Table table, String index) {
    TableInsights insights = table.attachment(TableInsights.class);
    return insights != null && insights.counts(index, Contribution.ACCESSED) && schemaOf(table, index) != null;
  }

  /**
   * Counts one access to the item with these attributes (a key, or a whole item) of {@code table}:
   * on the table, and on each index whose key the attributes hold.
   */
  void recordAccess(Table table, Map<String, AttributeValue> attributes) {
    TableInsights insights = table.attachment(TableInsights.class);
    if (insights == null) {
      return;
    }
    if (insights.counts(null, Contribution.ACCESSED)) {
      insights.count(Contribution.ACCESSED, null, table.keySchema(), attributes);
    }
    for (List<IndexDefinition> indexes : List.of(table.localIndexes(), table.globalIndexes())) {
      for (IndexDefinition index : indexes) {
        if (insights.counts(index.name(), Contribution.ACCESSED)) {
          insights.count(Contribution.ACCESSED, index.name(), index.keySchema(), attributes);
        }
      }
    }
  }

  /**
   * Counts {@code contribution} on the key these attributes hold (a partition's alone, or a full
   * key) of the table or, with {@code index}, of that index only.
   */
  void record(Contribution contribution, Table table, String index, Map<String, AttributeValue> attributes) {
    TableInsights insights = table.attachment(TableInsights.class);
    if (insights != null && insights.counts(index, contribution)) {
      KeySchema schema = schemaOf(table, index);
      if (schema != null) {
        insights.count(contribution, index, schema, attributes);
      }
    }
  }

  /** The key schema of the table or of its index {@code index}; null when the index is gone. */
  private static KeySchema schemaOf(Table table, String index) {
    if (index == null) {
      return table.keySchema();
    }
    IndexDefinition definition = table.index(index);
    return definition == null ? null : definition.keySchema();
  }

  /** The suffix ("-" and the creation time) of rules that stay on a mode change. */
  private static String createdSuffix(List<String> rules, Instant now) {
    if (rules.isEmpty()) {
      return "-" + now.toEpochMilli();
    }
    String rule = rules.get(0);
    return rule.substring(rule.lastIndexOf('-'));
  }

  /**
   * The CloudWatch rules DynamoDB creates, named
   * {@code DynamoDBContributorInsights-<rule>-<table>[-<index>]-<creation millis>}: most accessed
   * (PKC) in the default mode only and most throttled (PKT) partition keys, and with a sort key the
   * same for full keys (SKC, SKT).
   */
  private static List<String> rules(Table table, String index, String mode, String created) {
    String base = table.name() + (index == null ? "" : "-" + index) + created;
    boolean accessed = countsAccesses(mode);
    List<String> rules = new ArrayList<>();
    if (accessed) {
      rules.add("DynamoDBContributorInsights-PKC-" + base);
    }
    rules.add("DynamoDBContributorInsights-PKT-" + base);
    if (schemaOf(table, index).hasSort()) {
      if (accessed) {
        rules.add("DynamoDBContributorInsights-SKC-" + base);
      }
      rules.add("DynamoDBContributorInsights-SKT-" + base);
    }
    return rules;
  }
}
