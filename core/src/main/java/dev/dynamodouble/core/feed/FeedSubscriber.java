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
   * The commits heard until {@link #groupEnded} form one atomic change (a transaction over several
   * tables): a consumer that records them must record all or none.
   */
  default void groupStarted() {}

  /** The end of the atomic change {@link #groupStarted} began. */
  default void groupEnded() {}

  /**
   * The table's whole contents were replaced without item-by-item changes: a reset to a snapshot
   * or a restored table's first contents.
   */
  default void replaced(Table table, Origin origin, Instant at) {}

  /**
   * This subscriber's state for the table that a reset must put back (a stream enabled or disabled
   * since), captured with an engine snapshot; null when there is none.
   */
  default Object capture(Table table) {
    return null;
  }

  /**
   * The table was reset to an engine snapshot; {@code captured} is what {@link #capture} returned
   * when it was taken. By default, a replacement of origin RESET.
   */
  default void reset(Table table, Instant at, Object captured) {
    replaced(table, Origin.RESET, at);
  }
}
