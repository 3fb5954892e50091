package dev.dynamodouble.core.capacity;

/**
 * What a table or a global secondary index has left and has done since it was created or the
 * engine last reset: remaining units (negative while in debt, infinite when nothing limits it),
 * requests admitted and throttled, and units consumed, for reads and writes.
 *
 * @param resource the table name, or the index name
 */
public record ThroughputUsage(String resource, double remainingRead, double remainingWrite, long admittedReads,
                              long admittedWrites, long throttledReads, long throttledWrites, double consumedRead,
                              double consumedWrite) {
  /** Throttled requests, reads and writes together. */
  public long throttled() {
    return throttledReads + throttledWrites;
  }
}
