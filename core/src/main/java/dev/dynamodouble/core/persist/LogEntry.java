package dev.dynamodouble.core.persist;

import dev.dynamodouble.core.backup.Backup;
import dev.dynamodouble.core.export.Export;
import dev.dynamodouble.core.export.Import;
import dev.dynamodouble.core.feed.ItemChange;
import dev.dynamodouble.core.replication.GlobalTableState;
import dev.dynamodouble.core.storage.Version;
import dev.dynamodouble.core.table.KeySchema;
import dev.dynamodouble.core.table.TableData;
import java.time.Instant;
import java.util.List;

/**
 * What the durable store hands the log, in commit order, under the engine's write lock: immutable
 * values the group commit's leader encodes later, off the lock.
 */
sealed interface LogEntry {
  /**
   * Every table of every region now (tables absent from it are gone), with the clock's time and the
   * change feed's last sequence.
   */
  record Catalog(List<TableDef> tables, Instant now, long lastSequence) implements LogEntry {}

  /**
   * The tables whose definition changed since the last catalog (new ones included), and those
   * dropped (deleted: their streams stay readable), with the clock's time and the feed's sequence.
   */
  record Tables(List<TableDef> changed, List<Long> dropped, Instant now, long lastSequence) implements LogEntry {}

  /** Every global table, after one changed. */
  record GlobalTables(GlobalTableState state) implements LogEntry {}

  /** Exports and imports added or changed since the last such record; {@code whole}: these are all of them. */
  record Transfers(boolean whole, List<Export> exports, List<Import> imports) implements LogEntry {}

  /** A deleted table whose streams still hold records (a checkpoint; its streams follow). */
  record DeletedTable(long incarnation, String region, String name, String arn, String id, Instant created,
                      KeySchema keySchema) implements LogEntry {}

  /**
   * One table's item changes within a {@link Changes}; {@code streamed} when the table's stream
   * records them (each is then logged whole, as the stream keeps it).
   */
  record TableChanges(long incarnation, KeySchema keySchema, List<ItemChange> changes, boolean streamed) {}

  /** The item changes of one commit, or of one transaction over several tables: applied all or none. */
  record Changes(List<TableChanges> tables, Instant at, long lastSequence) implements LogEntry {}

  /** A table's whole contents (a new table, a restore, a reset, a checkpoint) at {@code at}, replacing what it held. */
  record Image(long incarnation, TableData data, Instant at) implements LogEntry {}

  /**
   * A PITR table's retained versions, oldest first, the current one last (a checkpoint): the first
   * as an image, each later one as its difference from the one before.
   */
  record History(long incarnation, KeySchema keySchema, List<Version<TableData>> versions) implements LogEntry {}

  /** One stream of a table and its retained records, oldest first (a checkpoint). */
  record Stream(long incarnation, String label, String viewType, Instant createdAt, int generation,
                Instant disabledAt, List<ItemChange> records) implements LogEntry {}

  /** An on-demand or system backup the log has not met yet: its metadata, then its contents. */
  record BackupAdded(long id, Backup backup) implements LogEntry {}

  /** A backup deleted or expired. */
  record BackupDropped(long id) implements LogEntry {}

  /** Starts a new segment: the entries after it, up to {@link CheckpointEnd}, are the engine's whole state. */
  record Rotate() implements LogEntry {}

  /** The end of a checkpoint: the segments before this one are no longer needed. */
  record CheckpointEnd() implements LogEntry {}
}
