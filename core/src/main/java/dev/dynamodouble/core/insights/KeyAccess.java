package dev.dynamodouble.core.insights;

import dev.dynamodouble.core.pipeline.Call;
import dev.dynamodouble.core.table.ItemKey;
import dev.dynamodouble.core.table.StoredItem;
import dev.dynamodouble.core.table.Table;

/**
 * The note through which a Scan tells Contributor Insights what its request alone does not: each
 * item it reads. There is no note on a PartiQL request (DynamoDB's Contributor Insights does not
 * count them, even the Scan a SELECT becomes), nor anywhere while no table has insights enabled, and
 * asking for it costs a map lookup.
 */
public interface KeyAccess {
  /** Whether a Scan of {@code table} (or of its index {@code indexName}) counts the items it reads: asked once per Scan. */
  boolean counts(Table table, String indexName);

  /** Counts one item a Scan read from {@code table} or from its index {@code indexName} (null: the table). */
  void read(Table table, String indexName, StoredItem item);

  /**
   * The key {@code key} of {@code table} that a BatchGetItem leaves unprocessed without a throttle,
   * its answer being full (16 MB): not read, so not counted as accessed.
   */
  void unread(Table table, ItemKey key);

  /** The call's note, or null when nothing is counted. */
  static KeyAccess of(Call call) {
    return call == null ? null : call.note(KeyAccess.class);
  }
}
