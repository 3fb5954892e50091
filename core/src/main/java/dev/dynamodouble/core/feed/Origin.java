package dev.dynamodouble.core.feed;

/** What made a change: consumers filter on it (a replicator skips its own echoes, streams mark TTL). */
public enum Origin {
  /** PutItem, UpdateItem or DeleteItem. */
  ITEM_WRITE,
  /** BatchWriteItem. */
  BATCH,
  /** TransactWriteItems. */
  TRANSACTION,
  /** The TTL sweeper (the service's own deletion, with the service's identity). */
  TTL,
  /** A write replicated from another region's replica. */
  REPLICATION,
  /** A table restored from a backup or a point in time. */
  RESTORE,
  /** A reset of the engine to a snapshot (per-test reset). */
  RESET,
  /** A change of the table's structure that changes no item (an index created or dropped). */
  SCHEMA
}
