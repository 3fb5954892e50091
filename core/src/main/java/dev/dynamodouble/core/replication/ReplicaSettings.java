package dev.dynamodouble.core.replication;

import java.util.List;

/**
 * What a ReplicaUpdates Create or Update asked for a replica, as DescribeTable reports it. The
 * provisioned read override and the table class override are applied to the replica table itself.
 *
 * @param kmsMasterKeyId the replica's KMS key, or null
 * @param readCapacityOverride ProvisionedThroughputOverride.ReadCapacityUnits, or null
 * @param maxReadRequestUnits OnDemandThroughputOverride.MaxReadRequestUnits, or null
 * @param indexes the per-index overrides
 * @param tableClassOverride the replica's table class, or null
 */
public record ReplicaSettings(String kmsMasterKeyId, Long readCapacityOverride, Long maxReadRequestUnits,
                              List<IndexOverride> indexes, String tableClassOverride) {
  public static final ReplicaSettings NONE = new ReplicaSettings(null, null, null, List.of(), null);

  /** One GlobalSecondaryIndexes entry of a replica: its read overrides. */
  public record IndexOverride(String indexName, Long readCapacityOverride, Long maxReadRequestUnits) {}

  /** These settings with the fields {@code update} sets replaced. */
  public ReplicaSettings merge(ReplicaSettings update) {
    return new ReplicaSettings(update.kmsMasterKeyId != null ? update.kmsMasterKeyId : kmsMasterKeyId,
        update.readCapacityOverride != null ? update.readCapacityOverride : readCapacityOverride,
        update.maxReadRequestUnits != null ? update.maxReadRequestUnits : maxReadRequestUnits,
        update.indexes.isEmpty() ? indexes : update.indexes,
        update.tableClassOverride != null ? update.tableClassOverride : tableClassOverride);
  }
}
