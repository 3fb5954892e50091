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
 */
public record EngineOptions(Duration statusDelay, String accountId, String defaultRegion, long itemCollectionLimitBytes,
                            Quotas quotas) {
  public static final long TEN_GB = 10L * 1024 * 1024 * 1024;

  public static EngineOptions defaults() {
    return new EngineOptions(Duration.ZERO, "000000000000", "us-east-1", TEN_GB, Quotas.defaults());
  }

  public EngineOptions withStatusDelay(Duration delay) {
    return new EngineOptions(delay, accountId, defaultRegion, itemCollectionLimitBytes, quotas);
  }

  public EngineOptions withDefaultRegion(String region) {
    return new EngineOptions(statusDelay, accountId, region, itemCollectionLimitBytes, quotas);
  }

  public EngineOptions withItemCollectionLimit(long bytes) {
    return new EngineOptions(statusDelay, accountId, defaultRegion, bytes, quotas);
  }

  public EngineOptions withQuotas(Quotas quotas) {
    return new EngineOptions(statusDelay, accountId, defaultRegion, itemCollectionLimitBytes, quotas);
  }

  public EngineOptions withAccountId(String account) {
    return new EngineOptions(statusDelay, account, defaultRegion, itemCollectionLimitBytes, quotas);
  }
}
