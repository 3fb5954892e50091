package dev.dynamodouble.core.capacity;

/** Why a request was throttled: the LimitType part of DynamoDB's ThrottlingReason. */
public enum Limit {
  /** Over a provisioned table's or GSI's read or write capacity (with its burst). */
  PROVISIONED("ProvisionedThroughputExceeded", 300),
  /** Over an on-demand table's OnDemandThroughput maximum. */
  MAX_ON_DEMAND("MaxOnDemandThroughputExceeded", 1),
  /** Over the per-table quota of an on-demand table or index without a maximum (40,000 units a second). */
  ACCOUNT_LIMIT("AccountLimitExceeded", 1),
  /** Over one partition's limit: 3,000 read units or 1,000 write units per second. */
  KEY_RANGE("KeyRangeThroughputExceeded", 1);

  private final String wireName;
  private final long burstSeconds;

  Limit(String wireName, long burstSeconds) {
    this.wireName = wireName;
    this.burstSeconds = burstSeconds;
  }

  /** The LimitType as it appears in a ThrottlingReason's {@code reason}. */
  public String wireName() {
    return wireName;
  }

  /** How many seconds of unused capacity a bucket of this kind keeps. */
  long burstSeconds() {
    return burstSeconds;
  }
}
