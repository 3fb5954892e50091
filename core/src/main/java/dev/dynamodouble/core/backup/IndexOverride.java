package dev.dynamodouble.core.backup;

import dev.dynamodouble.core.table.KeySchema;
import dev.dynamodouble.core.table.Projection;
import dev.dynamodouble.core.table.Throughput;
import java.util.Objects;

/**
 * One entry of a restore's GlobalSecondaryIndexOverride or LocalSecondaryIndexOverride: an index
 * of the source to keep, found by its key attributes and projection (so it may be renamed), with
 * the provisioned throughput to give it (GSIs, optional).
 *
 * @param sortKey the RANGE attribute, or null
 */
public record IndexOverride(String name, String partitionKey, String sortKey, Projection projection,
                            Throughput throughput) {

  /** Whether {@code schema} has exactly these key attributes. */
  boolean matches(KeySchema schema) {
    return schema.partition().name().equals(partitionKey)
        && Objects.equals(schema.sort() == null ? null : schema.sort().name(), sortKey);
  }
}
