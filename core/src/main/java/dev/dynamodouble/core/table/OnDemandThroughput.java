package dev.dynamodouble.core.table;

/**
 * The maximum request units per second of an on-demand table (OnDemandThroughput); -1 for a side
 * with no maximum, as DynamoDB describes it.
 */
public record OnDemandThroughput(long maxRead, long maxWrite) {
  public static final OnDemandThroughput NONE = new OnDemandThroughput(-1, -1);

  public boolean isNone() {
    return maxRead <= 0 && maxWrite <= 0;
  }
}
