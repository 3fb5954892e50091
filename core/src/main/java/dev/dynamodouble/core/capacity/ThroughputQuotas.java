package dev.dynamodouble.core.capacity;

/** DynamoDB's default throughput quotas per account and per table, as DescribeLimits reports them. */
public final class ThroughputQuotas {
  public static final long ACCOUNT_MAX_READ = 80_000;
  public static final long ACCOUNT_MAX_WRITE = 80_000;
  public static final long TABLE_MAX_READ = 40_000;
  public static final long TABLE_MAX_WRITE = 40_000;

  private ThroughputQuotas() {}
}
