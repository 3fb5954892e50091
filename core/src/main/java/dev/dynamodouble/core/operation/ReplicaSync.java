package dev.dynamodouble.core.operation;

import dev.dynamodouble.core.engine.Engine;
import dev.dynamodouble.core.protocol.JsonRequest;
import dev.dynamodouble.core.replication.ReplicaSettings;
import dev.dynamodouble.core.table.BillingMode;
import dev.dynamodouble.core.table.OnDemandThroughput;
import dev.dynamodouble.core.table.Table;
import dev.dynamodouble.core.table.TableStatus;
import dev.dynamodouble.core.table.Throughput;
import java.util.ArrayList;
import java.util.List;

/**
 * The settings a global table keeps alike in every replica, as DynamoDB synchronizes them: TTL,
 * the billing mode, write capacity (provisioned units or the on-demand maximum), read capacity and
 * the table class where the replica has no override, and the global secondary indexes. Tags,
 * deletion protection, encryption keys and a replica's overrides stay its own. Decided under the
 * engine's lock, right after the same change was made to the table the request named (whose
 * checks stand for every replica: they move together). They reach the other replicas as
 * DynamoDB's do, a moment later: a capacity or table-class change turns a replica UPDATING at
 * once and ACTIVE, its new values in effect, the replication lag from the table's region after the
 * table's own status delay; a TTL change reaches it after that lag. Index definitions reach it at
 * once (the replica's index allocates, backfills and turns ACTIVE on the engine clock like the table's). A version 2017.11.29 global table
 * synchronizes nothing by itself: UpdateGlobalTableSettings sets its replicas' capacity.
 */
final class ReplicaSync {
  private ReplicaSync() {}

  /** The table's other live replicas (none when it is not a global table, or a version 2017.11.29 one). */
  static List<Table> others(Engine engine, Table table) {
    if (engine.replication().isLegacy(table)) {
      return List.of();
    }
    List<Table> others = new ArrayList<>(engine.replication().replicas(table).values());
    others.remove(table);
    return others;
  }

  /** UpdateTimeToLive reaches every replica. */
  static void timeToLive(Engine engine, Table table) {
    for (Table replica : others(engine, table)) {
      engine.clock().scheduleAfter(lag(engine, table, replica), () -> engine.write(() -> {
        if (engine.isCurrent(replica)) { // not deleted meanwhile
          engine.timeToLive().follow(replica, table);
        }
      }));
    }
  }

  /** How long a setting takes from the table to a replica: the replication lag of that region pair. */
  private static java.time.Duration lag(Engine engine, Table table, Table replica) {
    return engine.replication().lag(table.region(), replica.region());
  }

  /**
   * A capacity or table-class change reaches every replica, which goes UPDATING with the table.
   * The values the table will have once ACTIVE (pending ones first) are what the replicas get.
   */
  static void capacity(Engine engine, Table table) {
    for (Table replica : others(engine, table)) {
      copyCapacity(engine, table, replica);
      replica.status(TableStatus.UPDATING);
      TableLifecycle.scheduleActive(engine, replica, lag(engine, table, replica));
    }
  }

  /** Gives {@code replica} the table's synchronized capacity settings, keeping its own overrides. */
  static void copyCapacity(Engine engine, Table table, Table replica) {
    ReplicaSettings own = engine.replication().settings(table, replica.region());
    BillingMode mode = table.pendingBillingMode() != null ? table.pendingBillingMode() : table.billingMode();
    if (mode != replica.billingMode() || table.pendingBillingMode() != null) {
      replica.pendingBillingMode(mode);
    }
    Throughput wanted = table.pendingThroughput() != null ? table.pendingThroughput() : table.throughput();
    if (mode == BillingMode.PROVISIONED) {
      long read = own.readCapacityOverride() != null ? own.readCapacityOverride() : wanted.read();
      Throughput current = replica.throughput();
      if (current.read() != read || current.write() != wanted.write() || replica.billingMode() != mode) {
        replica.pendingThroughput(Throughput.of(read, wanted.write()));
      }
    }
    OnDemandThroughput onDemand = table.onDemandThroughput();
    Long readOverride = mode == BillingMode.PAY_PER_REQUEST ? own.maxReadRequestUnits() : null;
    if (!onDemand.isNone() || readOverride != null || !replica.onDemandThroughput().isNone()) {
      long maxRead = readOverride != null ? readOverride : onDemand.maxRead();
      replica.onDemandThroughput(new OnDemandThroughput(maxRead, onDemand.maxWrite()));
    }
    if (own.tableClassOverride() == null && !java.util.Objects.equals(table.tableClass(), replica.tableClass())) {
      replica.tableClass(table.tableClass());
    }
  }

  /** GlobalSecondaryIndexUpdates reach every replica (index definitions are synchronized). */
  static void indexes(RequestContext context, Table table, List<JsonRequest> updates, List<JsonRequest> definitions) {
    for (Table replica : others(context.engine(), table)) {
      GlobalIndexUpdates.apply(context, replica, updates, definitions, false); // the replica stays ACTIVE
    }
  }
}
