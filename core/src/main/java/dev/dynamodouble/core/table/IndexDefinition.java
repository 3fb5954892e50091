package dev.dynamodouble.core.table;

/** A secondary index: its name, key schema, projection and (GSIs only) throughput and status. */
public record IndexDefinition(String name, KeySchema keySchema, Projection projection, boolean global,
                              Throughput throughput, IndexStatus status) {
  public enum IndexStatus { CREATING, UPDATING, DELETING, ACTIVE }

  public IndexDefinition withStatus(IndexStatus newStatus) {
    return new IndexDefinition(name, keySchema, projection, global, throughput, newStatus);
  }

  public IndexDefinition withThroughput(Throughput newThroughput) {
    return new IndexDefinition(name, keySchema, projection, global, newThroughput, status);
  }
}
