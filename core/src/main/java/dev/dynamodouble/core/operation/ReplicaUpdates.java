package dev.dynamodouble.core.operation;

import dev.dynamodouble.core.backup.Encryption;
import dev.dynamodouble.core.engine.Catalog;
import dev.dynamodouble.core.engine.Engine;
import dev.dynamodouble.core.error.DynamoException;
import dev.dynamodouble.core.protocol.JsonRequest;
import dev.dynamodouble.core.replication.Regions;
import dev.dynamodouble.core.replication.ReplicaSettings;
import dev.dynamodouble.core.replication.Replication;
import dev.dynamodouble.core.stream.StreamViewType;
import dev.dynamodouble.core.stream.Streams;
import dev.dynamodouble.core.stream.TableStream;
import dev.dynamodouble.core.table.BillingMode;
import dev.dynamodouble.core.table.Table;
import dev.dynamodouble.core.table.TableSpec;
import dev.dynamodouble.core.table.TableStatus;
import dev.dynamodouble.core.table.Throughput;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * UpdateTable's ReplicaUpdates (global tables version 2019.11.21): every action is checked before
 * any is applied, so a refused request creates nothing.
 */
final class ReplicaUpdates {
  enum Kind { CREATE, UPDATE, DELETE }

  /** One checked action. */
  record Action(Kind kind, String region, ReplicaSettings settings) {}

  private ReplicaUpdates() {}

  /** Reads the request's actions, checking only their shape. */
  static List<Action> read(List<JsonRequest> updates) {
    List<Action> actions = new ArrayList<>();
    for (int i = 0; i < updates.size(); i++) {
      actions.add(read(updates.get(i), i + 1));
    }
    return actions;
  }

  /**
   * Checks read actions against the table (under the engine's lock); changes nothing. A STRONG
   * global table does not need a stream.
   */
  static List<Action> check(Engine engine, Table table, List<Action> requested, boolean strong) {
    if (engine.replication().legacy().get(table.name()) != null) {
      throw DynamoException.invalidParameter("Table " + table.name() + " is a replica of a global table version "
          + LegacyGlobalTableRules.VERSION + " (legacy); ReplicaUpdates apply to version 2019.11.21 global tables. "
          + "Use UpdateGlobalTable");
    }
    List<Action> actions = new ArrayList<>();
    Set<String> regions = new HashSet<>();
    Map<String, Table> replicas = engine.replication().replicas(table);
    for (Action action : requested) {
      if (action.region().equals(table.region())) {
        throw DynamoException.validation("Cannot add, delete, or update the local region through ReplicaUpdates. "
            + "Use CreateTable, DeleteTable, or UpdateTable as required.");
      }
      if (!Regions.isKnown(action.region())) {
        throw DynamoException.validation("Provided region is not supported: " + action.region());
      }
      if (!regions.add(action.region())) {
        throw DynamoException.validation("One or more parameter values were invalid: More than one replica update "
            + "for region " + action.region() + " in the same request");
      }
      for (ReplicaSettings.IndexOverride index : action.settings().indexes()) {
        if (index.indexName() == null || !isGlobalIndex(table, index.indexName())) {
          throw DynamoException.validation("One or more parameter values were invalid: Global Secondary Index "
              + index.indexName() + " does not exist in table " + table.name());
        }
      }
      checkOverrides(table, action.settings());
      Table existing = engine.region(action.region()).find(table.name());
      if (action.kind() == Kind.CREATE) {
        // A replica already, or any table of that name there (another global table's replica, a
        // plain table, one still DELETING): DynamoDB refuses them alike, and never adopts the table.
        if (replicas.containsKey(action.region()) || existing != null) {
          throw DynamoException.validation("Failed to create a the new replica of table with name: '" + table.name()
              + "' because one or more replicas already existed as tables.");
        }
        // A replica is a new table in its region: that region's quotas apply to it.
        Catalog region = engine.region(action.region());
        TableChanges.requireRoomForTable(region, engine.options().quotas());
        ThroughputLimits.requireRoomForNewTable(replicaSpec(table, action.settings()), region, engine.options().quotas());
      } else {
        if (!replicas.containsKey(action.region())) {
          throw DynamoException.validation("Update global table operation failed because one or more replicas were "
              + "not part of the global table.");
        }
        TableChanges.requireStable(existing);
        if (action.kind() == Kind.DELETE && existing.deletionProtection()) {
          throw DynamoException.validation("Resource cannot be deleted as it is currently protected against "
              + "deletion. Disable deletion protection first.");
        }
      }
      actions.add(action);
    }
    TableStream stream = Streams.latestOf(table);
    if (!strong && stream != null && stream.isEnabled() && stream.viewType() != StreamViewType.NEW_AND_OLD_IMAGES) {
      throw DynamoException.validation("One or more parameter values were invalid: Table " + table.name()
          + " has a stream with StreamViewType " + stream.viewType() + "; global tables require NEW_AND_OLD_IMAGES");
    }
    return actions;
  }

  /**
   * Applies checked actions: replicas CREATING / UPDATING / DELETING on the engine clock. An MRSC
   * table ({@code strong}) does not replicate through its stream: its replicas have one only when it has.
   */
  static void apply(RequestContext context, Table table, List<Action> actions, boolean strong) {
    Engine engine = context.engine();
    Replication replication = engine.replication();
    TableStream stream = Streams.latestOf(table);
    boolean streamed = stream != null && stream.isEnabled();
    if (!streamed && !strong) {
      engine.streams().enable(table, StreamViewType.NEW_AND_OLD_IMAGES); // as the service does for 2019.11.21
    }
    for (Action action : actions) {
      Catalog catalog = engine.region(action.region());
      switch (action.kind()) {
        case CREATE -> {
          Table replica = new Table(replicaSpec(table, action.settings()), action.region(),
              "arn:aws:dynamodb:" + action.region() + ":" + engine.options().accountId() + ":table/" + table.name(),
              CreateTable.tableId(action.region(), table.name(), context.now()), context.now());
          encryptWithOverride(engine, replica, action.settings());
          catalog.add(replica);
          replication.addReplica(table, replica, action.settings());
          ReplicaSync.copyCapacity(engine, table, replica);
          engine.timeToLive().follow(replica, table);
          if (!strong || streamed) {
            engine.streams().enable(replica, strong ? stream.viewType() : StreamViewType.NEW_AND_OLD_IMAGES);
          }
          TableLifecycle.scheduleActive(engine, replica);
        }
        case UPDATE -> {
          Table replica = catalog.find(table.name());
          ReplicaSettings settings = action.settings();
          if (settings.tableClassOverride() != null) {
            replica.tableClass(settings.tableClassOverride());
          }
          encryptWithOverride(engine, replica, settings);
          replication.updateReplica(table, replica, settings);
          ReplicaSync.copyCapacity(engine, table, replica); // its read overrides, provisioned or on-demand
          replica.status(TableStatus.UPDATING);
          TableLifecycle.scheduleActive(engine, replica);
        }
        case DELETE -> {
          Table replica = catalog.find(table.name());
          replica.status(TableStatus.DELETING);
          engine.streams().tableDeleted(replica);
          TableLifecycle.scheduleRemoval(engine, replica);
        }
      }
    }
    table.status(TableStatus.UPDATING);
    TableLifecycle.scheduleActive(engine, table);
  }

  /**
   * A replica given its own KMSMasterKeyId is encrypted with that key (of its region), and its own
   * DescribeTable says so (SSEDescription) as a table created with that SSESpecification would.
   */
  private static void encryptWithOverride(Engine engine, Table replica, ReplicaSettings settings) {
    if (settings.kmsMasterKeyId() != null) {
      replica.replaceAttachment(Encryption.class,
          SseSpecifications.kms(engine.options().accountId(), replica.region(), settings.kmsMasterKeyId()));
    }
  }

  /** A provisioned read override needs a provisioned table, an on-demand one an on-demand table. */
  private static void checkOverrides(Table table, ReplicaSettings settings) {
    boolean provisioned = table.billingMode() == BillingMode.PROVISIONED;
    boolean readOverride = settings.readCapacityOverride() != null;
    boolean onDemandOverride = settings.maxReadRequestUnits() != null;
    for (ReplicaSettings.IndexOverride index : settings.indexes()) {
      readOverride |= index.readCapacityOverride() != null;
      onDemandOverride |= index.maxReadRequestUnits() != null;
    }
    if (readOverride && !provisioned) {
      throw DynamoException.validation("One or more parameter values were invalid: ProvisionedThroughputOverride "
          + "cannot be specified when BillingMode is PAY_PER_REQUEST");
    }
    if (onDemandOverride && provisioned) {
      throw DynamoException.validation("One or more parameter values were invalid: OnDemandThroughputOverride "
          + "cannot be specified when BillingMode is PROVISIONED");
    }
  }

  private static boolean isGlobalIndex(Table table, String name) {
    for (var index : table.globalIndexes()) {
      if (index.name().equals(name)) {
        return true;
      }
    }
    return false;
  }

  private static TableSpec replicaSpec(Table table, ReplicaSettings settings) {
    Throughput throughput = table.throughput();
    if (settings.readCapacityOverride() != null && table.billingMode() == BillingMode.PROVISIONED) {
      throughput = Throughput.of(settings.readCapacityOverride(), throughput.write());
    }
    String tableClass = settings.tableClassOverride() != null ? settings.tableClassOverride() : table.tableClass();
    return new TableSpec(table.name(), table.keySchema(), table.attributeDefinitions(), table.billingMode(), throughput,
        table.localIndexes(), table.globalIndexes(), Map.of(), false, tableClass);
  }

  private static Action read(JsonRequest update, int position) {
    if (update.structure("Disassociate") != null) { // AWS SDK 2.59's action: refused by name, not as "none given"
      throw DynamoException.validation("ReplicaUpdates' Disassociate is not supported by Dynamo Double yet: "
          + "disassociating a global table's replicas is not built");
    }
    JsonRequest create = update.structure("Create");
    JsonRequest change = update.structure("Update");
    JsonRequest delete = update.structure("Delete");
    int given = (create != null ? 1 : 0) + (change != null ? 1 : 0) + (delete != null ? 1 : 0);
    if (given != 1) {
      throw DynamoException.validation("One or more parameter values were invalid: Exactly one of Create, Update or "
          + "Delete must be specified in a ReplicationGroupUpdate");
    }
    Kind kind = create != null ? Kind.CREATE : change != null ? Kind.UPDATE : Kind.DELETE;
    JsonRequest body = create != null ? create : change != null ? change : delete;
    String region = body.string("RegionName");
    if (region == null) {
      throw DynamoException.validation("1 validation error detected: Value null at 'replicaUpdates." + position
          + ".member." + kind.name().toLowerCase() + ".regionName' failed to satisfy constraint: Member must not be null");
    }
    return new Action(kind, region, kind == Kind.DELETE ? ReplicaSettings.NONE : settings(body));
  }

  private static ReplicaSettings settings(JsonRequest body) {
    String tableClass = body.string("TableClassOverride");
    TableSpecReader.checkTableClass(tableClass);
    List<ReplicaSettings.IndexOverride> indexes = new ArrayList<>();
    List<JsonRequest> requested = body.structures("GlobalSecondaryIndexes");
    if (requested != null) {
      for (JsonRequest index : requested) {
        indexes.add(new ReplicaSettings.IndexOverride(index.string("IndexName"), readOverride(index), maxRead(index)));
      }
    }
    return new ReplicaSettings(body.string("KMSMasterKeyId"), readOverride(body), maxRead(body), List.copyOf(indexes),
        tableClass);
  }

  private static Long readOverride(JsonRequest body) {
    JsonRequest override = body.structure("ProvisionedThroughputOverride");
    return override == null ? null : override.longValue("ReadCapacityUnits");
  }

  private static Long maxRead(JsonRequest body) {
    JsonRequest override = body.structure("OnDemandThroughputOverride");
    return override == null ? null : override.longValue("MaxReadRequestUnits");
  }
}
