package dev.dynamodouble.junit5.internal;

import java.util.List;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * A secondary index before it becomes part of a CreateTable request.
 *
 * @param partitionKey null for a local index (the table's)
 * @param partitionType null when the type was not given explicitly (an already defined type wins)
 * @param sortType likewise
 * @param read 0 for the table's
 */
record IndexSpec(String name, boolean global, String partitionKey, ScalarAttributeType partitionType, String sortKey,
    ScalarAttributeType sortType, ProjectionType projection, List<String> include, long read, long write) {

  /** This index with the projection and throughput of {@code settings} (an annotation of the same name). */
  IndexSpec withSettingsOf(IndexSpec settings) {
    return new IndexSpec(name, global, partitionKey, partitionType, sortKey, sortType, settings.projection,
        settings.include, settings.read, settings.write);
  }
}
