package dev.dynamodouble.core.engine;

/**
 * DynamoDB's account and table quotas that bound how much an endpoint holds, with DynamoDB's
 * defaults. Raise them for a test that needs more (as an account asks AWS for more), lower them
 * to make the LimitExceededException reachable.
 *
 * @param tablesPerRegion tables in one region (DynamoDB: 2,500, adjustable)
 * @param globalIndexesPerTable global secondary indexes of one table (DynamoDB: 20, adjustable)
 * @param localIndexesPerTable local secondary indexes of one table (DynamoDB: 5, fixed)
 * @param concurrentTableChanges tables of one region being created, updated or deleted at once
 *     (DynamoDB: 500); a table's status delay decides how long each change lasts
 * @param tableMaxReadCapacityUnits read units of one table or GSI: its provisioned throughput, its
 *     on-demand maximum, and what an on-demand table without a maximum is served (DynamoDB: 40,000)
 * @param tableMaxWriteCapacityUnits the same for writes (DynamoDB: 40,000)
 * @param accountMaxReadCapacityUnits provisioned read units of all tables and GSIs of a region
 *     together (DynamoDB: 80,000)
 * @param accountMaxWriteCapacityUnits the same for writes (DynamoDB: 80,000)
 */
public record Quotas(int tablesPerRegion, int globalIndexesPerTable, int localIndexesPerTable,
                     int concurrentTableChanges, long tableMaxReadCapacityUnits, long tableMaxWriteCapacityUnits,
                     long accountMaxReadCapacityUnits, long accountMaxWriteCapacityUnits) {
  public static final long DEFAULT_TABLE_MAX_CAPACITY_UNITS = 40_000;
  public static final long DEFAULT_ACCOUNT_MAX_CAPACITY_UNITS = 80_000;
  /** A bound that keeps a bucket's 300 seconds of burst, in thousandths of a unit, inside a long. */
  private static final long MAX_CAPACITY_UNITS = 1_000_000_000_000L;

  public Quotas {
    if (tablesPerRegion < 1 || globalIndexesPerTable < 0 || localIndexesPerTable < 0 || concurrentTableChanges < 1) {
      throw new IllegalArgumentException("quotas must be positive (index quotas may be zero): " + tablesPerRegion
          + ", " + globalIndexesPerTable + ", " + localIndexesPerTable + ", " + concurrentTableChanges);
    }
    for (long units : new long[] {tableMaxReadCapacityUnits, tableMaxWriteCapacityUnits, accountMaxReadCapacityUnits,
        accountMaxWriteCapacityUnits}) {
      if (units < 1 || units > MAX_CAPACITY_UNITS) {
        throw new IllegalArgumentException("capacity quotas must be between 1 and " + MAX_CAPACITY_UNITS + ": " + units);
      }
    }
  }

  /** The table and index quotas, with DynamoDB's default throughput quotas. */
  public Quotas(int tablesPerRegion, int globalIndexesPerTable, int localIndexesPerTable, int concurrentTableChanges) {
    this(tablesPerRegion, globalIndexesPerTable, localIndexesPerTable, concurrentTableChanges,
        DEFAULT_TABLE_MAX_CAPACITY_UNITS, DEFAULT_TABLE_MAX_CAPACITY_UNITS, DEFAULT_ACCOUNT_MAX_CAPACITY_UNITS,
        DEFAULT_ACCOUNT_MAX_CAPACITY_UNITS);
  }

  public static Quotas defaults() {
    return new Quotas(2500, 20, 5, 500);
  }

  public Quotas withTablesPerRegion(int tables) {
    return new Quotas(tables, globalIndexesPerTable, localIndexesPerTable, concurrentTableChanges,
        tableMaxReadCapacityUnits, tableMaxWriteCapacityUnits, accountMaxReadCapacityUnits, accountMaxWriteCapacityUnits);
  }

  public Quotas withGlobalIndexesPerTable(int indexes) {
    return new Quotas(tablesPerRegion, indexes, localIndexesPerTable, concurrentTableChanges,
        tableMaxReadCapacityUnits, tableMaxWriteCapacityUnits, accountMaxReadCapacityUnits, accountMaxWriteCapacityUnits);
  }

  public Quotas withLocalIndexesPerTable(int indexes) {
    return new Quotas(tablesPerRegion, globalIndexesPerTable, indexes, concurrentTableChanges,
        tableMaxReadCapacityUnits, tableMaxWriteCapacityUnits, accountMaxReadCapacityUnits, accountMaxWriteCapacityUnits);
  }

  public Quotas withConcurrentTableChanges(int changes) {
    return new Quotas(tablesPerRegion, globalIndexesPerTable, localIndexesPerTable, changes,
        tableMaxReadCapacityUnits, tableMaxWriteCapacityUnits, accountMaxReadCapacityUnits, accountMaxWriteCapacityUnits);
  }

  /** The per-table (and per-GSI) maximum read and write units, as DescribeLimits reports them. */
  public Quotas withTableMaxCapacityUnits(long read, long write) {
    return new Quotas(tablesPerRegion, globalIndexesPerTable, localIndexesPerTable, concurrentTableChanges, read, write,
        accountMaxReadCapacityUnits, accountMaxWriteCapacityUnits);
  }

  /** The maximum provisioned read and write units of a region's tables and GSIs together. */
  public Quotas withAccountMaxCapacityUnits(long read, long write) {
    return new Quotas(tablesPerRegion, globalIndexesPerTable, localIndexesPerTable, concurrentTableChanges,
        tableMaxReadCapacityUnits, tableMaxWriteCapacityUnits, read, write);
  }
}
