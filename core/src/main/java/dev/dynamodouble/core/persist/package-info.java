/**
 * Durable storage ({@code --data-dir}): a write-ahead log of the change feed with group commit,
 * checkpoints of the engine's state, recovery, and optional encryption at rest ({@link
 * dev.dynamodouble.core.persist.DataKey}).
 *
 * <p>A data directory holds a {@code lock} file and numbered segments. Each segment begins with a
 * checkpoint (every table's definition and contents, or a PITR table's per-second history, its
 * streams' retained records, the deleted tables whose streams are still readable, the global tables,
 * the exports and imports, and the backups) and continues with what committed since: item changes
 * (one record per commit, stamped with its time; a transaction over several tables is one record; a
 * streamed table's changes whole), and after each control-plane request only what it changed (the
 * tables whose definition changed or that were dropped, with the clock's time; the global tables;
 * exports and imports; backups added or dropped). Records carry a CRC32C; recovery replays the
 * newest segment whose checkpoint is complete and truncates a torn tail. A request is answered only
 * once its records are forced to the device; one force covers every record queued before it.
 */
package dev.dynamodouble.core.persist;
