package dev.dynamodouble.core.backup;

import dev.dynamodouble.core.table.KeySchema;
import dev.dynamodouble.core.table.Projection;
import dev.dynamodouble.core.table.Throughput;
import dev.dynamodouble.core.table.KeyAttribute;
import java.util.List;

/**
 * One entry of a restore's GlobalSecondaryIndexOverride or LocalSecondaryIndexOverride: an index
 * of the source to keep, found by its key attributes and projection (so it may be renamed), with
 * the provisioned throughput to give it (GSIs, optional).
 *
 * @param partitionKeys the HASH attributes, in order
 * @param sortKeys the RANGE attributes, in order (empty: none)
 */
public record IndexOverride(String name, List<String> partitionKeys, List<String> sortKeys, Projection projection,
                            Throughput throughput) {

  /** Whether {@code schema} has exactly these key attributes. */
  boolean matches(KeySchema schema) {
    return names(schema.partitions()).equals(partitionKeys) && names(schema.sorts()).equals(sortKeys);
  }

  private static List<String> names(List<KeyAttribute> attributes) {
    return attributes.stream().map(KeyAttribute::name).toList();
  }
}
