package dev.dynamodouble.core.table;

import java.util.List;

/**
 * A vector index: the attribute holding each item's embedding, its dimensions and distance
 * function, the search schema (at most one HASH attribute, then inline filter attributes) and the
 * projection. Dynamo Double keeps no separate copy of its contents: a search reads the table's
 * items (see SearchVectors), so a vector index is a definition and a status.
 */
public record VectorIndexDefinition(String name, String vectorAttribute, long dimensions, DistanceFunction distance,
                                    List<SearchKey> searchSchema, Projection projection,
                                    IndexDefinition.IndexStatus status, java.time.Instant backfillStart)
    implements OnlineIndex {
  /** Why a vector index is refused on a provisioned table ("you cannot mix the two capacity modes"). */
  public static final String ON_DEMAND_ONLY =
      "Vector indexes are only supported on tables with BillingMode PAY_PER_REQUEST";

  public enum DistanceFunction { COSINE, EUCLIDEAN, DOT_PRODUCT }

  /** One SearchSchema element: a HASH key (the vector index partition key) or an INLINE_FILTER attribute. */
  public record SearchKey(String attributeName, boolean hash) {}

  public VectorIndexDefinition {
    searchSchema = List.copyOf(searchSchema);
  }

  /** This index in {@code newStatus}, not backfilling (an index backfills only from {@link #backfillStarted}). */
  public VectorIndexDefinition withStatus(IndexDefinition.IndexStatus newStatus) {
    return new VectorIndexDefinition(name, vectorAttribute, dimensions, distance, searchSchema, projection, newStatus,
        null);
  }

  /** This index, still CREATING, backfilling from its table's items since {@code at} (its resources allocated). */
  public VectorIndexDefinition backfillStarted(java.time.Instant at) {
    return new VectorIndexDefinition(name, vectorAttribute, dimensions, distance, searchSchema, projection, status, at);
  }

  /** The vector index partition key's attribute name, or null when the search schema has none. */
  public String hashAttribute() {
    for (SearchKey key : searchSchema) {
      if (key.hash()) {
        return key.attributeName();
      }
    }
    return null;
  }

  /** Whether a search may be served: ACTIVE (done being created, not being deleted). */
  public boolean searchable() {
    return status == IndexDefinition.IndexStatus.ACTIVE;
  }
}
