package dev.dynamodouble.core.feed;

import dev.dynamodouble.core.table.ItemKey;
import dev.dynamodouble.core.table.StoredItem;
import dev.dynamodouble.core.table.Table;
import java.time.Instant;

/**
 * One committed change of one item.
 *
 * @param sequence the engine-wide position of this change: strictly increasing in commit order
 * @param table the table written (its region, name and ARN identify it across regions)
 * @param key the item's primary key
 * @param oldItem the item before the change, or null when it did not exist
 * @param newItem the item after the change, or null when it was deleted
 * @param at the commit's time on the engine clock
 * @param origin what made the change
 * @param createdAt when the change was first made: {@code at}, except for a change replicated from
 *     another region, which keeps its commit time there (a stream's ApproximateCreationDateTime)
 */
public record ItemChange(long sequence, Table table, ItemKey key, StoredItem oldItem, StoredItem newItem, Instant at,
                         Origin origin, Instant createdAt) {
  public ItemChange(long sequence, Table table, ItemKey key, StoredItem oldItem, StoredItem newItem, Instant at,
                    Origin origin) {
    this(sequence, table, key, oldItem, newItem, at, origin, at);
  }

  /** The kind of change, as a stream record names it. */
  public enum Kind { INSERT, MODIFY, REMOVE }

  public Kind kind() {
    return oldItem == null ? Kind.INSERT : newItem == null ? Kind.REMOVE : Kind.MODIFY;
  }

  public String region() {
    return table.region();
  }

  public String tableName() {
    return table.name();
  }

  /** Whether a write from {@code before} to {@code after} changes the item at all. */
  static boolean changes(StoredItem before, StoredItem after) {
    if (before == after) {
      return false;
    }
    return before == null || after == null || before.size() != after.size() // a cheap first answer
        || !before.attributes().equals(after.attributes());
  }
}
