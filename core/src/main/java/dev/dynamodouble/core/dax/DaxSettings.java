package dev.dynamodouble.core.dax;

import java.time.Duration;

/**
 * A DAX cluster's cache settings: how long an item and a query or scan result stay cached (five
 * minutes each by default, as in DAX) and how many entries each cache holds before it evicts the
 * least recently used.
 *
 * @param itemTtl time to live of the item cache (GetItem, BatchGetItem, TransactGetItems misses excluded)
 * @param queryTtl time to live of the query cache (Query, Scan)
 * @param maxItems entries of the item cache, negative entries included
 * @param maxQueries entries of the query cache
 * @param clusterName the cluster's name: the last part of its ARN
 *     ({@code arn:aws:dax:region:account:cache/NAME}), which IAM policies name as the resource
 */
public record DaxSettings(Duration itemTtl, Duration queryTtl, int maxItems, int maxQueries, String clusterName) {
  /** The name of a cluster nobody named. */
  public static final String DEFAULT_CLUSTER_NAME = "dynamo-double";

  public DaxSettings {
    if (itemTtl.isNegative() || queryTtl.isNegative() || maxItems < 0 || maxQueries < 0) {
      throw new IllegalArgumentException("DAX TTLs and cache sizes must not be negative");
    }
    if (clusterName == null || !clusterName.matches("[a-zA-Z][a-zA-Z0-9-]{0,19}")) {
      throw new IllegalArgumentException("A DAX cluster name is 1 to 20 letters, digits and hyphens, starting with a "
          + "letter, not '" + clusterName + "'");
    }
  }

  /** Settings of a cluster named {@value #DEFAULT_CLUSTER_NAME}. */
  public DaxSettings(Duration itemTtl, Duration queryTtl, int maxItems, int maxQueries) {
    this(itemTtl, queryTtl, maxItems, maxQueries, DEFAULT_CLUSTER_NAME);
  }

  /** Five-minute TTLs, as DAX's defaults; 10,000 entries per cache. */
  public static DaxSettings defaults() {
    return new DaxSettings(Duration.ofMinutes(5), Duration.ofMinutes(5), 10_000, 10_000);
  }

  public DaxSettings withItemTtl(Duration ttl) {
    return new DaxSettings(ttl, queryTtl, maxItems, maxQueries, clusterName);
  }

  public DaxSettings withQueryTtl(Duration ttl) {
    return new DaxSettings(itemTtl, ttl, maxItems, maxQueries, clusterName);
  }

  public DaxSettings withMaxItems(int entries) {
    return new DaxSettings(itemTtl, queryTtl, entries, maxQueries, clusterName);
  }

  public DaxSettings withMaxQueries(int entries) {
    return new DaxSettings(itemTtl, queryTtl, maxItems, entries, clusterName);
  }

  public DaxSettings withClusterName(String name) {
    return new DaxSettings(itemTtl, queryTtl, maxItems, maxQueries, name);
  }
}
