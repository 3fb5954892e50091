package dev.dynamodouble.core.operation;

import dev.dynamodouble.core.autoscaling.ReplicaAutoScaling;
import dev.dynamodouble.core.engine.Engine;
import dev.dynamodouble.core.error.DynamoException;
import dev.dynamodouble.core.error.ErrorCode;
import dev.dynamodouble.core.protocol.Constraints;
import dev.dynamodouble.core.protocol.JsonRequest;
import dev.dynamodouble.core.protocol.JsonWritable;
import dev.dynamodouble.core.table.BillingMode;
import dev.dynamodouble.core.table.IndexDefinition;
import dev.dynamodouble.core.table.Table;
import dev.dynamodouble.core.table.TableStatus;
import dev.dynamodouble.core.table.Throughput;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * UpdateGlobalTableSettings (version 2017.11.29): the billing mode, provisioned write capacity and
 * its auto-scaling settings (of the table and of each global secondary index) applied to every
 * replica; read capacity, its auto-scaling settings and the table class per replica. Everything is
 * checked for every replica before anything changes; capacity changes take the UpdateTable road
 * (the replica UPDATING, the new units applying when it is ACTIVE again on the engine clock).
 * Auto-scaling settings are recorded and described; Dynamo Double does not scale by them.
 */
public final class UpdateGlobalTableSettings implements Operation {

  /** What one replica gets: its new billing mode and units (null: unchanged), index units, auto-scaling, class. */
  private record Change(Table replica, BillingMode mode, Throughput throughput, Map<String, Throughput> indexes,
                        ReplicaAutoScaling.TableSettings scaling, String tableClass) {}

  @Override
  public JsonWritable execute(RequestContext context, JsonRequest request) {
    String name = request.string("GlobalTableName");
    Long writeUnits = request.longValue("GlobalTableProvisionedWriteCapacityUnits");
    List<JsonRequest> indexUpdates = request.structuresOrEmpty("GlobalTableGlobalSecondaryIndexSettingsUpdate");
    List<JsonRequest> replicaUpdates = request.structuresOrEmpty("ReplicaSettingsUpdate");
    Constraints constraints = new Constraints().notNull(name, "globalTableName").name(name, "globalTableName")
        .min(writeUnits, 1, "globalTableProvisionedWriteCapacityUnits")
        .minSize(request.structures("GlobalTableGlobalSecondaryIndexSettingsUpdate"), 1,
            "globalTableGlobalSecondaryIndexSettingsUpdate")
        .maxSize(indexUpdates, 20, "globalTableGlobalSecondaryIndexSettingsUpdate")
        .minSize(request.structures("ReplicaSettingsUpdate"), 1, "replicaSettingsUpdate")
        .maxSize(replicaUpdates, 50, "replicaSettingsUpdate").enums(request, "UpdateGlobalTableSettings");
    for (int i = 0; i < indexUpdates.size(); i++) {
      String path = "globalTableGlobalSecondaryIndexSettingsUpdate." + (i + 1) + ".member.";
      constraints.notNull(indexUpdates.get(i).string("IndexName"), path + "indexName")
          .min(indexUpdates.get(i).longValue("ProvisionedWriteCapacityUnits"), 1, path + "provisionedWriteCapacityUnits");
    }
    List<String> regions = LegacyGlobalTableRequests.regions(constraints, replicaUpdates, "replicaSettingsUpdate", "");
    for (int i = 0; i < replicaUpdates.size(); i++) {
      String path = "replicaSettingsUpdate." + (i + 1) + ".member.";
      constraints.min(replicaUpdates.get(i).longValue("ReplicaProvisionedReadCapacityUnits"), 1,
          path + "replicaProvisionedReadCapacityUnits");
      List<JsonRequest> indexes = replicaUpdates.get(i).structuresOrEmpty("ReplicaGlobalSecondaryIndexSettingsUpdate");
      for (int j = 0; j < indexes.size(); j++) {
        String indexPath = path + "replicaGlobalSecondaryIndexSettingsUpdate." + (j + 1) + ".member.";
        constraints.notNull(indexes.get(j).string("IndexName"), indexPath + "indexName")
            .min(indexes.get(j).longValue("ProvisionedReadCapacityUnits"), 1, indexPath + "provisionedReadCapacityUnits");
      }
    }
    constraints.check();
    for (JsonRequest update : replicaUpdates) {
      TableSpecReader.checkTableClass(update.string("ReplicaTableClass"));
    }
    String billing = request.string("GlobalTableBillingMode");
    Engine engine = context.engine();
    Map<String, Table> members = engine.write(() -> {
      LegacyGlobalTableRules.requireForSettings(engine, name);
      Map<String, Table> replicas = engine.replication().members(name);
      for (String region : regions) {
        if (!replicas.containsKey(region)) {
          throw new DynamoException(ErrorCode.REPLICA_NOT_FOUND, "Replica not found: Replica in region: '" + region
              + "' is not part of global table: '" + name + "'.");
        }
      }
      List<Change> changes = new ArrayList<>();
      for (Table replica : replicas.values()) {
        JsonRequest own = null;
        for (JsonRequest update : replicaUpdates) {
          own = replica.region().equals(update.string("RegionName")) ? update : own;
        }
        refuseIndexesInUse(replica, indexUpdates, own);
        TableChanges.requireStable(replica);
        changes.add(change(context, replica, billing, writeUnits, request, indexUpdates, own));
      }
      for (Change change : changes) {
        apply(engine, change);
      }
      return replicas;
    });
    return out -> {
      out.writeStartObject();
      GlobalTableDescriptions.writeSettings(out, name, members);
      out.writeEndObject();
    };
  }

  /**
   * Refuses new units for a global index of {@code replica} that cannot take them now (allocating
   * its resources, or being deleted) with the index's reason, before the replica's status is
   * checked: UpdateTable's answer to the same throughput change (see IndexesInFlight.refuseInUse).
   */
  private static void refuseIndexesInUse(Table replica, List<JsonRequest> indexUpdates, JsonRequest own) {
    for (JsonRequest update : unitUpdates(indexUpdates, own)) {
      IndexDefinition index = replica.index(update.string("IndexName"));
      if (index != null && index.global()) { // an unknown index is refused as not found, further on
        IndexesInFlight.refuseInUse(replica, index, false);
      }
    }
  }

  /** The index updates that give units: write units for every replica, read units for this one ({@code own}). */
  private static List<JsonRequest> unitUpdates(List<JsonRequest> indexUpdates, JsonRequest own) {
    List<JsonRequest> giving = new ArrayList<>();
    for (JsonRequest update : indexUpdates) {
      if (update.longValue("ProvisionedWriteCapacityUnits") != null) {
        giving.add(update);
      }
    }
    for (JsonRequest update : ownIndexUpdates(own)) {
      if (update.longValue("ProvisionedReadCapacityUnits") != null) {
        giving.add(update);
      }
    }
    return giving;
  }

  /** The replica's own ReplicaGlobalSecondaryIndexSettingsUpdate entries (none without its ReplicaSettingsUpdate). */
  private static List<JsonRequest> ownIndexUpdates(JsonRequest own) {
    return own == null ? List.of() : own.structuresOrEmpty("ReplicaGlobalSecondaryIndexSettingsUpdate");
  }

  /** Works out (and checks) one replica's change; changes nothing. */
  private static Change change(RequestContext context, Table replica, String billing, Long writeUnits,
                               JsonRequest request, List<JsonRequest> indexUpdates, JsonRequest own) {
    BillingMode mode = billing == null ? replica.billingMode() : BillingMode.valueOf(billing);
    Long readUnits = own == null ? null : own.longValue("ReplicaProvisionedReadCapacityUnits");
    boolean switching = mode != replica.billingMode();
    Throughput throughput = null;
    if (mode == BillingMode.PAY_PER_REQUEST) {
      if (writeUnits != null || readUnits != null || !unitUpdates(indexUpdates, own).isEmpty()) {
        throw DynamoException.invalidParameter("Provisioned capacity units cannot be specified when the billing "
            + "mode is PAY_PER_REQUEST");
      }
    } else if (switching && writeUnits == null) {
      throw DynamoException.invalidParameter("GlobalTableProvisionedWriteCapacityUnits must be specified when "
          + "GlobalTableBillingMode is PROVISIONED");
    } else if (switching || writeUnits != null || readUnits != null) {
      Throughput current = replica.throughput();
      long write = writeUnits != null ? writeUnits : current.write();
      long read = readUnits != null ? readUnits : switching ? write : current.read();
      throughput = Throughput.of(read, write);
      ThroughputLimits.requirePerTable(throughput, null, replica.region(), context.engine().options().quotas());
      if (!switching) {
        ThroughputDecreases.check(current, throughput, context.now());
      }
    }
    Map<String, Throughput> indexes = indexThroughputs(replica, mode, indexUpdates, own);
    indexes.forEach((index, units) -> ThroughputLimits.requirePerTable(units, index, replica.region(),
        context.engine().options().quotas()));
    return new Change(replica, switching ? mode : null, throughput, indexes,
        scaling(replica, request, indexUpdates, own), own == null ? null : own.string("ReplicaTableClass"));
  }

  /** The new throughput of each global index given units (write for every replica, read for this one). */
  private static Map<String, Throughput> indexThroughputs(Table replica, BillingMode mode,
                                                          List<JsonRequest> indexUpdates, JsonRequest own) {
    Map<String, Throughput> indexes = new HashMap<>();
    for (JsonRequest update : indexUpdates) {
      IndexDefinition index = globalIndex(replica, update.string("IndexName"));
      Long write = update.longValue("ProvisionedWriteCapacityUnits");
      if (write != null && mode == BillingMode.PROVISIONED) {
        Throughput current = indexes.getOrDefault(index.name(), index.targetThroughput());
        indexes.put(index.name(), Throughput.of(current == null ? write : current.read(), write));
      }
    }
    for (JsonRequest update : ownIndexUpdates(own)) {
      IndexDefinition index = globalIndex(replica, update.string("IndexName"));
      Long read = update.longValue("ProvisionedReadCapacityUnits");
      if (read != null && mode == BillingMode.PROVISIONED) {
        Throughput current = indexes.getOrDefault(index.name(), index.targetThroughput());
        indexes.put(index.name(), Throughput.of(read, current == null ? read : current.write()));
      }
    }
    return indexes;
  }

  /** The replica's auto-scaling settings after the request: write ones for every replica, read ones its own. */
  private static ReplicaAutoScaling.TableSettings scaling(Table replica, JsonRequest request,
                                                          List<JsonRequest> indexUpdates, JsonRequest own) {
    ReplicaAutoScaling.Change change = new ReplicaAutoScaling.Change(ReplicaAutoScaling.of(replica));
    change.write(request.structure("GlobalTableProvisionedWriteCapacityAutoScalingSettingsUpdate"));
    change.indexWrite(indexUpdates, "ProvisionedWriteCapacityAutoScalingSettingsUpdate",
        update -> update.string("IndexName"));
    if (own != null) {
      change.replicaRead(replica.region(), own.structure("ReplicaProvisionedReadCapacityAutoScalingSettingsUpdate"));
      change.replicaIndexRead(replica.region(), own.structures("ReplicaGlobalSecondaryIndexSettingsUpdate"),
          "ProvisionedReadCapacityAutoScalingSettingsUpdate", update -> update.string("IndexName"));
    }
    return change.settings();
  }

  /** Applies a checked change: the replica UPDATING, its capacity taking effect when ACTIVE again. */
  private static void apply(Engine engine, Change change) {
    Table replica = change.replica();
    boolean updating = false;
    if (change.mode() != null) {
      replica.pendingBillingMode(change.mode());
      updating = true;
    }
    if (change.throughput() != null) {
      replica.pendingThroughput(change.throughput());
      updating = true;
    }
    if (change.tableClass() != null && !change.tableClass().equals(replica.tableClass())) {
      replica.tableClass(change.tableClass());
      updating = true;
    }
    if (!change.indexes().isEmpty()) {
      List<IndexDefinition> indexes = new ArrayList<>();
      List<IndexDefinition> changed = new ArrayList<>();
      for (IndexDefinition index : replica.globalIndexes()) {
        Throughput wanted = change.indexes().get(index.name());
        indexes.add(wanted == null ? index : index.updatingTo(wanted));
        if (wanted != null) {
          changed.add(indexes.get(indexes.size() - 1));
        }
      }
      replica.globalIndexes(indexes);
      for (IndexDefinition index : changed) {
        TableLifecycle.scheduleIndexSettle(engine, replica, index);
      }
    }
    ReplicaAutoScaling.put(replica, change.scaling());
    if (updating) {
      replica.status(TableStatus.UPDATING);
      TableLifecycle.scheduleActive(engine, replica);
    }
  }

  private static IndexDefinition globalIndex(Table replica, String name) {
    IndexDefinition index = replica.index(name);
    if (index == null || !index.global()) {
      throw new DynamoException(ErrorCode.INDEX_NOT_FOUND, "Index not found: Index: '" + name + "' does not exist in "
          + "table: '" + replica.name() + "' in region: '" + replica.region() + "'.");
    }
    return index;
  }
}
