package dev.dynamodouble.core.backup;

import dev.dynamodouble.core.table.BillingMode;
import dev.dynamodouble.core.table.Throughput;
import dev.dynamodouble.core.table.VectorIndexDefinition;
import java.util.List;

/**
 * The optional overrides of RestoreTableFromBackup and RestoreTableToPointInTime, already checked
 * for shape. A null index list keeps every index of the source; an empty one keeps none.
 * {@code vectorIndexes} is VectorIndexOverride: each must match a vector index of the source.
 *
 * @param billingMode BillingModeOverride, or null to keep the source's
 * @param throughput ProvisionedThroughputOverride, or null
 * @param onDemandThroughput whether OnDemandThroughputOverride was given (accepted, not modelled)
 * @param encryptionOverridden whether SSESpecificationOverride was given; then {@code encryption}
 *     is the new setting (null: the default AWS-owned key)
 */
public record RestoreOverrides(BillingMode billingMode, Throughput throughput, List<IndexOverride> globalIndexes,
                               List<IndexOverride> localIndexes, boolean onDemandThroughput,
                               boolean encryptionOverridden, Encryption encryption,
                               List<VectorIndexDefinition> vectorIndexes) {
  public static final RestoreOverrides NONE = new RestoreOverrides(null, null, null, null, false, false, null, null);
}
