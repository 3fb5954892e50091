package dev.dynamodouble.core.engine;

import java.time.Duration;

/**
 * Engine settings.
 *
 * @param statusDelay how long a table stays CREATING, UPDATING or DELETING (DynamoDB takes
 *     seconds to minutes; the default, zero, makes it ACTIVE by the next request)
 * @param accountId the account id that appears in ARNs
 * @param defaultRegion the region of requests that carry no SigV4 credential scope
 */
public record EngineOptions(Duration statusDelay, String accountId, String defaultRegion) {
  public static EngineOptions defaults() {
    return new EngineOptions(Duration.ZERO, "000000000000", "us-east-1");
  }

  public EngineOptions withStatusDelay(Duration delay) {
    return new EngineOptions(delay, accountId, defaultRegion);
  }

  public EngineOptions withDefaultRegion(String region) {
    return new EngineOptions(statusDelay, accountId, region);
  }
}
