package dev.dynamodouble.core.insights;

import dev.dynamodouble.core.pipeline.Call;
import dev.dynamodouble.core.pipeline.ItemRefusals;
import dev.dynamodouble.core.table.ItemKey;
import dev.dynamodouble.core.table.KeySchema;
import dev.dynamodouble.core.table.StoredItem;
import dev.dynamodouble.core.table.Table;
import dev.dynamodouble.core.value.AttributeValue;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Contributor Insights' note on one call whose keys its request alone does not tell: a Scan's
 * items as it reads them, the items of a batch or transaction the call's admissions refused
 * (counted throttled there and then, and not counted accessed when the call answers), and the keys
 * a BatchGetItem left unread for its answer's size (not counted at all). Belongs to the call's
 * thread.
 */
final class CallKeys implements KeyAccess, ItemRefusals {
  private final ContributorInsights insights;
  private Map<Table, Set<ItemKey>> unprocessed; // refused or unread items, made on the first
  private boolean throttlesCounted;

  CallKeys(ContributorInsights insights) {
    this.insights = insights;
  }

  /** The call's note, or null when Contributor Insights left none. */
  static CallKeys of(Call call) {
    return call.note(KeyAccess.class) instanceof CallKeys keys ? keys : null;
  }

  @Override
  public boolean counts(Table table, String indexName) {
    return insights.countsAccesses(table, indexName);
  }

  @Override
  public void read(Table table, String indexName, StoredItem item) {
    insights.record(Contribution.ACCESSED, table, indexName, item.attributes());
  }

  @Override
  public void unread(Table table, ItemKey key) {
    notAccessed(table, key);
  }

  @Override
  public void refused(Table table, ItemKey key, boolean forIndexWrites) {
    throttlesCounted = true;
    notAccessed(table, key);
    if (!forIndexWrites) { // DynamoDB does not count a write held back by an index's write capacity
      insights.record(Contribution.THROTTLED, table, null, attributes(table.keySchema(), key));
    }
  }

  /** Whether a throttle of this call was counted already: its refused items. */
  boolean throttlesCounted() {
    return throttlesCounted;
  }

  private void notAccessed(Table table, ItemKey key) {
    if (unprocessed == null) {
      unprocessed = new IdentityHashMap<>();
    }
    unprocessed.computeIfAbsent(table, t -> new HashSet<>()).add(key);
  }

  /**
   * Whether the item of {@code table} with these attributes (its key, or the whole item) was left
   * unprocessed: refused, or unread.
   */
  boolean leftUnprocessed(Table table, Map<String, AttributeValue> attributes) {
    Set<ItemKey> keys = unprocessed == null ? null : unprocessed.get(table);
    return keys != null && keys.contains(table.keySchema().keyOfItem(attributes));
  }

  private static Map<String, AttributeValue> attributes(KeySchema schema, ItemKey key) {
    Map<String, AttributeValue> attributes = new HashMap<>(2);
    attributes.put(schema.partition().name(), key.partition());
    if (schema.sort() != null) {
      attributes.put(schema.sort().name(), key.sort());
    }
    return attributes;
  }
}
