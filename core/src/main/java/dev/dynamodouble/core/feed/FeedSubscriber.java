package dev.dynamodouble.core.feed;

import dev.dynamodouble.core.table.Table;
import java.time.Instant;
import java.util.List;

/**
 * A consumer of the change feed. Its methods run on the committing thread under the engine's
 * write lock, in commit order: they must be quick, must not block and must never run user code.
 */
public interface FeedSubscriber {
  /** Whether this subscriber wants the item changes of {@code table}; asked once per commit. */
  default boolean wants(Table table) {
    return true;
  }

  /** The item changes of one commit of one table, in the order they were made. Never empty. */
  void committed(Table table, List<ItemChange> changes);

  /**
   * The table's whole contents were replaced without item-by-item changes: a reset to a snapshot
   * or a restored table's first contents.
   */
  default void replaced(Table table, Origin origin, Instant at) {}
}
