package dev.dynamodouble.core.table;

/**
 * A secondary index: its name, key schema, projection and (GSIs only) throughput and status.
 * {@code pendingThroughput} is a throughput an UpdateTable asked for while the index is UPDATING
 * (or still CREATING: see {@link #describedStatus()}); it takes effect when the index is ACTIVE
 * (again), null when none. {@code backfillStart}: a GSI added to an existing table is CREATING
 * while it allocates its resources, then CREATING and backfilling (since {@code backfillStart},
 * null before and after), then ACTIVE; until it is ACTIVE, a
 * write that would violate its key schema is accepted and the item is simply not in it (the
 * developer guide's "Detecting and correcting index key violations": the backfill leaves such items
 * out, and the index refuses them once the backfill phase is complete).
 */
public record IndexDefinition(String name, KeySchema keySchema, Projection projection, boolean global,
                              Throughput throughput, IndexStatus status, Throughput pendingThroughput,
                              java.time.Instant backfillStart) implements OnlineIndex {
  public enum IndexStatus { CREATING, UPDATING, DELETING, ACTIVE }

  public IndexDefinition(String name, KeySchema keySchema, Projection projection, boolean global, Throughput throughput,
                         IndexStatus status) {
    this(name, keySchema, projection, global, throughput, status, null, null);
  }

  /** This index in {@code newStatus}, not backfilling (an index backfills only from {@link #backfillStarted}). */
  public IndexDefinition withStatus(IndexStatus newStatus) {
    return new IndexDefinition(name, keySchema, projection, global, throughput, newStatus, pendingThroughput, null);
  }

  /** This index CREATING on an existing table, allocating its resources: not backfilling yet. */
  public IndexDefinition creatingOnline() {
    return new IndexDefinition(name, keySchema, projection, global, throughput, IndexStatus.CREATING, pendingThroughput,
        null);
  }

  /** This index, still CREATING, backfilling from its table's items since {@code at} (its resources allocated). */
  public IndexDefinition backfillStarted(java.time.Instant at) {
    return new IndexDefinition(name, keySchema, projection, global, throughput, status, pendingThroughput, at);
  }

  public IndexDefinition withThroughput(Throughput newThroughput) {
    return new IndexDefinition(name, keySchema, projection, global, newThroughput, status, pendingThroughput,
        backfillStart);
  }

  /**
   * This index UPDATING towards {@code wanted}, which applies when it settles. An index still being
   * created (backfilling: see IndexesInFlight) stays CREATING, unreadable, and is described UPDATING: see
   * {@link #describedStatus()}; the new throughput applies when its creation ends.
   */
  public IndexDefinition updatingTo(Throughput wanted) {
    IndexStatus next = status == IndexStatus.CREATING ? IndexStatus.CREATING : IndexStatus.UPDATING;
    return new IndexDefinition(name, keySchema, projection, global, throughput, next, wanted, backfillStart);
  }

  /**
   * The IndexStatus DynamoDB reports: the status, except that an index whose throughput changed
   * while it was being created is UPDATING ("The index status will change to UPDATING, and
   * Backfilling will be true until the index is ready for use", the developer guide's "Modifying
   * an index creation") while it stays, for reads and for the clock, an index being created.
   */
  @Override
  public IndexStatus describedStatus() {
    return status == IndexStatus.CREATING && pendingThroughput != null ? IndexStatus.UPDATING : status;
  }

  /** The throughput this index has once a pending change applies: the pending one, else the current one. */
  public Throughput targetThroughput() {
    return pendingThroughput != null ? pendingThroughput : throughput;
  }

  /** This index with its pending throughput applied at {@code at} (increase/decrease bookkeeping included). */
  public IndexDefinition settled(java.time.Instant at) {
    Throughput applied = pendingThroughput == null || throughput == null ? throughput
        : throughput.changedTo(pendingThroughput.read(), pendingThroughput.write(), at);
    return new IndexDefinition(name, keySchema, projection, global, applied, IndexStatus.ACTIVE, null, null);
  }
}
