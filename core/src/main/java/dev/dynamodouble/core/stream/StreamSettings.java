package dev.dynamodouble.core.stream;

import java.time.Duration;

/**
 * How streams behave.
 *
 * @param shardCount shards open at a time per stream (records of one partition key always go to
 *     the same one)
 * @param rolloverPeriod how long a shard stays open before it closes and a child continues it
 *     (DynamoDB: about four hours)
 * @param retention how long records stay readable (DynamoDB: 24 hours)
 * @param iteratorLifetime how long a shard iterator can be used (DynamoDB: 15 minutes)
 */
public record StreamSettings(int shardCount, Duration rolloverPeriod, Duration retention, Duration iteratorLifetime) {
  public static StreamSettings defaults() {
    return new StreamSettings(1, Duration.ofHours(4), Duration.ofHours(24), Duration.ofMinutes(15));
  }

  public StreamSettings {
    if (shardCount < 1 || shardCount > 1000) {
      throw new IllegalArgumentException("shard count must be between 1 and 1000: " + shardCount);
    }
    if (rolloverPeriod.isNegative() || rolloverPeriod.isZero()) {
      throw new IllegalArgumentException("the shard rollover period must be positive: " + rolloverPeriod);
    }
  }
}
