package dev.dynamodouble.core.persist;

import dev.dynamodouble.core.feed.ItemChange;
import dev.dynamodouble.core.table.KeySchema;
import dev.dynamodouble.core.table.TableData;
import java.util.List;

/**
 * What the durable store hands the log, in commit order, under the engine's write lock: immutable
 * values the group commit's leader encodes later, off the lock.
 */
sealed interface LogEntry {
  /** Every table of every region now (tables absent from it are gone). */
  record Catalog(List<TableDef> tables) implements LogEntry {}

  /** One table's item changes within a {@link Changes}. */
  record TableChanges(long incarnation, KeySchema keySchema, List<ItemChange> changes) {}

  /** The item changes of one commit, or of one transaction over several tables: applied all or none. */
  record Changes(List<TableChanges> tables) implements LogEntry {}

  /** A table's whole contents (a new table, a restore, a reset, a checkpoint), replacing what it held. */
  record Image(long incarnation, TableData data) implements LogEntry {}

  /** Starts a new segment: the entries after it, up to {@link CheckpointEnd}, are the engine's whole state. */
  record Rotate() implements LogEntry {}

  /** The end of a checkpoint: the segments before this one are no longer needed. */
  record CheckpointEnd() implements LogEntry {}
}
