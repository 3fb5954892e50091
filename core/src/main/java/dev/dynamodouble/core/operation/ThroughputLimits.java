package dev.dynamodouble.core.operation;

import dev.dynamodouble.core.engine.Catalog;
import dev.dynamodouble.core.engine.Quotas;
import dev.dynamodouble.core.error.DynamoException;
import dev.dynamodouble.core.error.ErrorCode;
import dev.dynamodouble.core.table.BillingMode;
import dev.dynamodouble.core.table.IndexDefinition;
import dev.dynamodouble.core.table.Table;
import dev.dynamodouble.core.table.TableSpec;
import dev.dynamodouble.core.table.Throughput;
import java.util.ArrayList;
import java.util.List;

/**
 * DynamoDB's throughput quotas on CreateTable, UpdateTable, restores and new replicas, the ones
 * DescribeLimits reports ({@link Quotas}; by default at most 40,000 units for a table and for each
 * of its global secondary indexes, and 80,000 provisioned units for all tables and indexes of a
 * region together).
 * Each refusal is a LimitExceededException with the service's text.
 */
final class ThroughputLimits {
  private ThroughputLimits() {}

  /** A table's or an index's provisioned throughput within the per-table maximum. */
  static void requirePerTable(Throughput throughput, String indexName, RequestContext context) {
    requirePerTable(throughput, indexName, context.region(), context.engine().options().quotas());
  }

  /** As above, for a table of {@code region} (a replica's). */
  static void requirePerTable(Throughput throughput, String indexName, String region, Quotas quotas) {
    requirePerTable(throughput.read(), "ReadCapacityUnits", quotas.tableMaxReadCapacityUnits(), indexName, region);
    requirePerTable(throughput.write(), "WriteCapacityUnits", quotas.tableMaxWriteCapacityUnits(), indexName, region);
  }

  private static void requirePerTable(long units, String field, long max, String indexName, String region) {
    if (units <= max) {
      return;
    }
    String resource = indexName == null ? "table" : "index";
    throw new DynamoException(ErrorCode.LIMIT_EXCEEDED, "The requested " + field
        + (indexName == null ? "" : " for index " + indexName) + ", " + units + ", is above the per " + resource
        + " maximum for the account in " + region + ". Per " + resource + " maximum: " + max + ".");
  }

  /**
   * A new provisioned table's and its global secondary indexes' throughput within the per-table
   * maximum; returns the indexes' throughputs (none for an on-demand table).
   */
  static List<Throughput> requirePerTable(TableSpec spec, RequestContext context) {
    return requirePerTable(spec, context.region(), context.engine().options().quotas());
  }

  private static List<Throughput> requirePerTable(TableSpec spec, String region, Quotas quotas) {
    List<Throughput> indexes = new ArrayList<>();
    if (spec.billingMode() != BillingMode.PROVISIONED) {
      return indexes;
    }
    requirePerTable(spec.throughput(), null, region, quotas);
    for (IndexDefinition index : spec.globalIndexes()) {
      if (index.throughput() != null) {
        requirePerTable(index.throughput(), index.name(), region, quotas);
        indexes.add(index.throughput());
      }
    }
    return indexes;
  }

  /**
   * A table that a restore or a new replica adds to {@code catalog}'s region, as CreateTable would
   * add it: its global secondary indexes within the per-table quota, its (provisioned) throughput
   * and its indexes' within the per-table maximum and the region's room. The region's table quota
   * is checked apart ({@link TableChanges#requireRoomForTable}).
   */
  static void requireRoomForNewTable(TableSpec spec, Catalog catalog, Quotas quotas) {
    if (spec.globalIndexes().size() > quotas.globalIndexesPerTable()) {
      throw GlobalIndexUpdates.tooManyIndexes(quotas);
    }
    if (spec.billingMode() == BillingMode.PROVISIONED) {
      requireAccountRoom(catalog, null, spec.throughput(), requirePerTable(spec, catalog.region(), quotas), quotas);
    }
  }

  /** An on-demand maximum or a warm throughput within the per-table maximum. */
  static void requireWithinTableQuota(long units, String field, String setting, RequestContext context) {
    Quotas quotas = context.engine().options().quotas();
    boolean read = field.startsWith("MaxRead") || field.startsWith("Read");
    if (units <= (read ? quotas.tableMaxReadCapacityUnits() : quotas.tableMaxWriteCapacityUnits())) {
      return;
    }
    throw new DynamoException(ErrorCode.LIMIT_EXCEEDED, "Subscriber limit exceeded: Requested " + field + " for "
        + setting + " for table exceeds TableMax" + (read ? "Read" : "Write") + "CapacityUnits of the account in region "
        + context.region());
  }

  /**
   * The region's provisioned total once {@code changed} has {@code table} (and {@code indexes})
   * instead of what it has now: within the account maximum.
   */
  static void requireAccountRoom(Catalog catalog, Table changed, Throughput table, List<Throughput> indexes,
                                 Quotas quotas) {
    long[] reserved = new long[2];
    for (Table t : catalog.tables()) {
      if (t != changed) {
        add(reserved, t);
      }
    }
    long[] requested = new long[2];
    add(requested, table);
    indexes.forEach(index -> add(requested, index));
    requireAccountRoom(reserved[0], requested[0], "ReadCapacityUnits", quotas.accountMaxReadCapacityUnits(),
        catalog.region());
    requireAccountRoom(reserved[1], requested[1], "WriteCapacityUnits", quotas.accountMaxWriteCapacityUnits(),
        catalog.region());
  }

  private static void requireAccountRoom(long reserved, long requested, String field, long limit, String region) {
    if (reserved + requested <= limit) {
      return;
    }
    throw new DynamoException(ErrorCode.LIMIT_EXCEEDED, "This request would have caused the " + field + " limit to be "
        + "exceeded for the account in " + region + ". Current " + field + " reserved by the account: " + reserved
        + ". Limit: " + limit + ". Requested: " + requested);
  }

  /** What a provisioned table holds now, its pending throughput if it has one, with its indexes. */
  private static void add(long[] reserved, Table t) {
    BillingMode mode = t.pendingBillingMode() != null ? t.pendingBillingMode() : t.billingMode();
    if (mode != BillingMode.PROVISIONED) {
      return;
    }
    add(reserved, t.pendingThroughput() != null ? t.pendingThroughput() : t.throughput());
    for (IndexDefinition index : t.globalIndexes()) {
      if (index.targetThroughput() != null) {
        add(reserved, index.targetThroughput());
      }
    }
  }

  private static void add(long[] sum, Throughput throughput) {
    sum[0] += throughput.read();
    sum[1] += throughput.write();
  }
}
