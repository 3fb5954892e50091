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
 */
public record Quotas(int tablesPerRegion, int globalIndexesPerTable, int localIndexesPerTable,
                     int concurrentTableChanges) {
  public Quotas {
    if (tablesPerRegion < 1 || globalIndexesPerTable < 0 || localIndexesPerTable < 0 || concurrentTableChanges < 1) {
      throw new IllegalArgumentException("quotas must be positive (index quotas may be zero): " + tablesPerRegion
          + ", " + globalIndexesPerTable + ", " + localIndexesPerTable + ", " + concurrentTableChanges);
    }
  }

  public static Quotas defaults() {
    return new Quotas(2500, 20, 5, 500);
  }

  public Quotas withTablesPerRegion(int tables) {
    return new Quotas(tables, globalIndexesPerTable, localIndexesPerTable, concurrentTableChanges);
  }

  public Quotas withGlobalIndexesPerTable(int indexes) {
    return new Quotas(tablesPerRegion, indexes, localIndexesPerTable, concurrentTableChanges);
  }

  public Quotas withLocalIndexesPerTable(int indexes) {
    return new Quotas(tablesPerRegion, globalIndexesPerTable, indexes, concurrentTableChanges);
  }

  public Quotas withConcurrentTableChanges(int changes) {
    return new Quotas(tablesPerRegion, globalIndexesPerTable, localIndexesPerTable, changes);
  }
}
