/**
 * Durable storage ({@code --data-dir}): a write-ahead log of the change feed with group commit,
 * checkpoints of the engine's state, and recovery.
 *
 * <p>A data directory holds a {@code lock} file and numbered segments. Each segment begins with a
 * checkpoint (every table's definition and contents) and continues with what committed since: item
 * changes (one record per commit; a transaction over several tables is one record), and the
 * catalog of tables after each control-plane request. Records carry a CRC32C; recovery replays the
 * newest segment whose checkpoint is complete and truncates a torn tail. A request is answered only
 * once its records are forced to the device; one force covers every record queued before it.
 */
package dev.dynamodouble.core.persist;
