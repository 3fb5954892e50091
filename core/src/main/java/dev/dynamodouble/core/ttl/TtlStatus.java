package dev.dynamodouble.core.ttl;

/** TimeToLiveStatus as DescribeTimeToLive reports it. */
public enum TtlStatus {
  ENABLING, DISABLING, ENABLED, DISABLED;

  /** Whether a TTL attribute is set: enabled, or on its way in or out. */
  public boolean isActive() {
    return this != DISABLED;
  }
}
