package dev.dynamodouble.core.table;

/**
 * A secondary index: its name, key schema, projection and (GSIs only) throughput and status.
 * {@code pendingThroughput} is a throughput an UpdateTable asked for while the index is UPDATING;
 * it takes effect when the index is ACTIVE again (null when none).
 */
public record IndexDefinition(String name, KeySchema keySchema, Projection projection, boolean global,
                              Throughput throughput, IndexStatus status, Throughput pendingThroughput) {
  public enum IndexStatus { CREATING, UPDATING, DELETING, ACTIVE }

  public IndexDefinition(String name, KeySchema keySchema, Projection projection, boolean global, Throughput throughput,
                         IndexStatus status) {
    this(name, keySchema, projection, global, throughput, status, null);
  }

  public IndexDefinition withStatus(IndexStatus newStatus) {
    return new IndexDefinition(name, keySchema, projection, global, throughput, newStatus, pendingThroughput);
  }

  public IndexDefinition withThroughput(Throughput newThroughput) {
    return new IndexDefinition(name, keySchema, projection, global, newThroughput, status, pendingThroughput);
  }

  /** This index UPDATING towards {@code wanted}, which applies when it settles. */
  public IndexDefinition updatingTo(Throughput wanted) {
    return new IndexDefinition(name, keySchema, projection, global, throughput, IndexStatus.UPDATING, wanted);
  }

  /** The throughput this index has once a pending change applies: the pending one, else the current one. */
  public Throughput targetThroughput() {
    return pendingThroughput != null ? pendingThroughput : throughput;
  }

  /** This index with its pending throughput applied at {@code at} (increase/decrease bookkeeping included). */
  public IndexDefinition settled(java.time.Instant at) {
    Throughput applied = pendingThroughput == null || throughput == null ? throughput
        : throughput.changedTo(pendingThroughput.read(), pendingThroughput.write(), at);
    return new IndexDefinition(name, keySchema, projection, global, applied, IndexStatus.ACTIVE, null);
  }
}
