package dev.dynamodouble.core.engine;

import java.time.Duration;

/**
 * Engine settings.
 *
 * @param statusDelay how long a table stays CREATING, UPDATING or DELETING (DynamoDB takes
 *     seconds to minutes; the default, zero, makes it ACTIVE by the next request)
 * @param accountId the account id that appears in ARNs
 * @param defaultRegion the region of requests that carry no SigV4 credential scope
 * @param itemCollectionLimitBytes the item-collection size limit of tables with local secondary
 *     indexes (DynamoDB's is 10 GB; lower it to test ItemCollectionSizeLimitExceededException)
 * @param quotas the table and index quotas (DynamoDB's by default)
 * @param singleNamespace whether every request sees the default region's tables, whatever region
 *     its credential scope names (DynamoDB Local's shared database); false by default
 */
public record EngineOptions(Duration statusDelay, String accountId, String defaultRegion, long itemCollectionLimitBytes,
                            Quotas quotas, boolean singleNamespace) {
  public static final long TEN_GB = 10L * 1024 * 1024 * 1024;

  public EngineOptions(Duration statusDelay, String accountId, String defaultRegion, long itemCollectionLimitBytes,
                       Quotas quotas) {
    this(statusDelay, accountId, defaultRegion, itemCollectionLimitBytes, quotas, false);
  }

  public static EngineOptions defaults() {
    return new EngineOptions(Duration.ZERO, "000000000000", "us-east-1", TEN_GB, Quotas.defaults());
  }

  /** The region whose tables a request sees: its credential scope's (null: none), or the default. */
  public String regionOf(String requested) {
    return singleNamespace || requested == null ? defaultRegion : requested;
  }

  public EngineOptions withSingleNamespace(boolean single) {
    return new EngineOptions(statusDelay, accountId, defaultRegion, itemCollectionLimitBytes, quotas, single);
  }

  public EngineOptions withStatusDelay(Duration delay) {
    return new EngineOptions(delay, accountId, defaultRegion, itemCollectionLimitBytes, quotas, singleNamespace);
  }

  public EngineOptions withDefaultRegion(String region) {
    return new EngineOptions(statusDelay, accountId, region, itemCollectionLimitBytes, quotas, singleNamespace);
  }

  public EngineOptions withItemCollectionLimit(long bytes) {
    return new EngineOptions(statusDelay, accountId, defaultRegion, bytes, quotas, singleNamespace);
  }

  public EngineOptions withQuotas(Quotas quotas) {
    return new EngineOptions(statusDelay, accountId, defaultRegion, itemCollectionLimitBytes, quotas, singleNamespace);
  }

  public EngineOptions withAccountId(String account) {
    return new EngineOptions(statusDelay, account, defaultRegion, itemCollectionLimitBytes, quotas, singleNamespace);
  }
}
