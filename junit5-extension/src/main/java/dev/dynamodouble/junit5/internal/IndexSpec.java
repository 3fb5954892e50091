package dev.dynamodouble.junit5.internal;

import java.util.List;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * A secondary index before it becomes part of a CreateTable request. Its keys are lists, in key
 * order, because a global index's partition and sort keys may each have up to four attributes.
 *
 * @param partition empty for a local index (the table's partition key)
 * @param sort empty for an index without a sort key
 * @param read 0 for the table's
 */
record IndexSpec(String name, boolean global, List<KeyPart> partition, List<KeyPart> sort, ProjectionType projection,
    List<String> include, long read, long write) {

  /**
   * One key attribute.
   *
   * @param type null when the type was not given explicitly (an already defined type wins, else S)
   */
  record KeyPart(String name, ScalarAttributeType type) {}

  /** This index with the projection and throughput of {@code settings} (an annotation of the same name). */
  IndexSpec withSettingsOf(IndexSpec settings) {
    return new IndexSpec(name, global, partition, sort, settings.projection, settings.include, settings.read,
        settings.write);
  }
}
