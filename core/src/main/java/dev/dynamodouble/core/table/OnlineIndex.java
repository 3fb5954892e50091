package dev.dynamodouble.core.table;

/**
 * What the phases of an index added to an existing table read, a global secondary index's or a
 * vector index's: DynamoDB walks both through the same ones (CREATING while it allocates its
 * resources, CREATING and backfilling, ACTIVE; DELETING, then gone).
 */
public interface OnlineIndex {
  String name();

  IndexDefinition.IndexStatus status();

  /**
   * When this index, being added to its table, got its resources and started to backfill from the
   * table's items; null when it is not backfilling. It also tells one creation of an index from a
   * later one of the same name, for the clock task that ends the backfill (see TableLifecycle).
   */
  java.time.Instant backfillStart();

  /** Whether this index, being added to its table, has its resources and backfills from the table's items. */
  default boolean backfilling() {
    return backfillStart() != null;
  }

  /** The IndexStatus DynamoDB reports (a global index may differ from its status: see IndexDefinition). */
  default IndexDefinition.IndexStatus describedStatus() {
    return status();
  }

  /**
   * Whether this index is being added to an existing table, in either phase of its creation:
   * CREATING while its table, of status {@code tableStatus}, is not (an index created with its
   * table is CREATING with it, and never backfills).
   */
  default boolean isCreatingOnline(TableStatus tableStatus) {
    return status() == IndexDefinition.IndexStatus.CREATING && tableStatus != TableStatus.CREATING;
  }

  /**
   * Whether this index, being added to its table (of status {@code tableStatus}), is in its first
   * phase: allocating its resources, not backfilling yet.
   */
  default boolean isAllocating(TableStatus tableStatus) {
    return isCreatingOnline(tableStatus) && !backfilling();
  }
}
