package dev.dynamodouble.core.operation;

import dev.dynamodouble.core.backup.Encryption;
import dev.dynamodouble.core.error.DynamoException;
import dev.dynamodouble.core.protocol.Constraints;
import dev.dynamodouble.core.protocol.JsonRequest;
import dev.dynamodouble.core.protocol.JsonWritable;
import dev.dynamodouble.core.table.BillingMode;
import dev.dynamodouble.core.table.OnDemandThroughput;
import dev.dynamodouble.core.table.Table;
import dev.dynamodouble.core.table.TableStatus;
import dev.dynamodouble.core.table.Throughput;
import java.util.List;

/** UpdateTable: billing mode, provisioned throughput, deletion protection, table class and indexes. */
public final class UpdateTable implements Operation {

  @Override
  public JsonWritable execute(RequestContext context, JsonRequest request) {
    String name = request.string("TableName");
    String billing = request.string("BillingMode");
    JsonRequest throughput = request.structure("ProvisionedThroughput");
    Constraints constraints = new Constraints().notNull(name, "tableName")
        .tableNameOrArn(name, "tableName", context.region())
        .enums(request, "UpdateTable");
    TableSpecReader.checkThroughputShape(constraints, throughput, "provisionedThroughput");
    List<JsonRequest> indexUpdates = request.structures("GlobalSecondaryIndexUpdates");
    GlobalIndexUpdates.checkShape(constraints, indexUpdates);
    List<JsonRequest> vectorUpdates = request.structures("VectorIndexUpdates");
    VectorIndexUpdates.checkShape(constraints, vectorUpdates);
    List<JsonRequest> definitions = request.structures("AttributeDefinitions");
    TableSpecReader.checkDefinitionsShape(constraints, definitions);
    StreamSpecifications.checkShape(constraints, request);
    constraints.check();
    StreamSpecifications.Spec stream = StreamSpecifications.read(request);
    TableSpecReader.checkTableClass(request.string("TableClass"));
    Boolean protection = request.bool("DeletionProtectionEnabled");
    String tableClass = request.string("TableClass");
    List<JsonRequest> replicaUpdates = request.structures("ReplicaUpdates");
    String consistency = request.string("MultiRegionConsistency");
    long[] warm = ThroughputSettings.warm(request, false);
    if (indexUpdates != null) {
      for (JsonRequest update : indexUpdates) {
        if (update != null) {
          ThroughputSettings.refuseIndexSettings(java.util.Arrays.asList(update.structure("Create"),
              update.structure("Update")));
        }
      }
    }
    boolean onDemandGiven = request.has("OnDemandThroughput");
    boolean otherChanges = billing != null || throughput != null || protection != null || tableClass != null
        || indexUpdates != null || vectorUpdates != null || onDemandGiven || warm != null || request.has("StreamSpecification")
        || request.has("SSESpecification");
    if (!otherChanges && replicaUpdates == null) { // MultiRegionConsistency and witnesses alone change nothing
      throw DynamoException.validation("At least one of ProvisionedThroughput, BillingMode, UpdateStreamEnabled, "
          + "GlobalSecondaryIndexUpdates, SSESpecification, ReplicaUpdates, MultiAccountReplicaReady, "
          + "ReplicaTransitRoleArn, " + (consistency == null ? "MultiRegionConsistency, " : "")
          + "DeletionProtectionEnabled, OnDemandThroughput, WarmThroughput or TableClass is required");
    }
    List<StrongGlobalTables.Witness> witnesses = StrongGlobalTables.witnesses(request);
    StrongGlobalTables.checkRequest(consistency, replicaUpdates != null, witnesses, otherChanges);
    List<ReplicaUpdates.Action> requestedReplicas =
        replicaUpdates == null ? List.of() : ReplicaUpdates.read(replicaUpdates);
    boolean strong = "STRONG".equals(consistency);
    JsonRequest sse = request.structure("SSESpecification");
    Encryption encryption = sse == null ? null : SseSpecifications.encryption(context, sse);
    TableDescriptions.Seen[] seen = new TableDescriptions.Seen[1];
    Table table = context.engine().write(() -> {
      Table found = context.catalog().describedTable(name);
      if (indexUpdates != null) {
        GlobalIndexUpdates.refuseIndexInUse(found, indexUpdates);
      }
      if (vectorUpdates != null) {
        VectorIndexUpdates.refuseIndexInUse(found, vectorUpdates);
      }
      TableChanges.requireStable(found);
      boolean strongTable = strong || context.engine().replication().isStrong(found);
      if (replicaUpdates != null || witnesses != null || consistency != null) {
        StrongGlobalTables.check(context.engine(), found, consistency, requestedReplicas, witnesses);
      }
      List<ReplicaUpdates.Action> replicaActions = replicaUpdates == null ? List.of()
          : ReplicaUpdates.check(context.engine(), found, requestedReplicas, strongTable);
      VectorIndexRequests.refuseReplicated(context.engine(), found, vectorUpdates != null,
          replicaActions.stream().anyMatch(a -> a.kind() == ReplicaUpdates.Kind.CREATE));
      BillingMode modeAfter = billing == null ? found.billingMode() : BillingMode.valueOf(billing);
      OnDemandThroughput onDemand = ThroughputSettings.onDemand(request, modeAfter, found.onDemandThroughput(), false,
          context);
      if (warm != null) {
        ThroughputSettings.checkWarm(warm, modeAfter, throughputAfter(found, throughput), found.warmThroughput(),
            context);
      }
      boolean changesCapacity = billing != null || throughput != null || onDemand != null || warm != null;
      if (changesCapacity || tableClass != null || indexUpdates != null || vectorUpdates != null) {
        TableChanges.requireRoomForChange(context.catalog(), context.engine().options().quotas());
      }
      boolean onlyAddsIndexes = !changesCapacity && tableClass == null && stream == null && replicaActions.isEmpty()
          && (indexUpdates != null || vectorUpdates != null) && onlyCreates(indexUpdates) && onlyCreates(vectorUpdates);
      // The checks of the index updates come after the capacity change they may depend on: should
      // one refuse the request, the table's settings are put back, so nothing of it stays applied.
      Table.Settings before = found.settings();
      try {
        applyToTable(context, found, modeAfter, throughput, billing, onDemand, warm, protection, tableClass);
        // The vector index first: what it changes is all among the settings put back, whereas the
        // global index's schema is committed once its checks (one index in flight at a time) pass.
        if (vectorUpdates != null) {
          VectorIndexUpdates.apply(context, found, modeAfter, vectorUpdates, definitions, onlyAddsIndexes);
        } else if (modeAfter != BillingMode.PAY_PER_REQUEST && !found.vectorIndexes().isEmpty()) {
          VectorIndexRequests.requireOnDemand(modeAfter); // a table with vector indexes stays on-demand
        }
        if (indexUpdates != null) {
          GlobalIndexUpdates.apply(context, found, indexUpdates, definitions, onlyAddsIndexes);
        }
        if (sse != null) { // last: it refuses before it changes anything, and is not among the settings put back
          updateEncryption(found, encryption);
        }
      } catch (RuntimeException e) {
        found.restore(before);
        throw e;
      }
      if (changesCapacity || tableClass != null) {
        ReplicaSync.capacity(context.engine(), found);
      }
      if (indexUpdates != null) {
        ReplicaSync.indexes(context, found, indexUpdates, definitions);
      }
      if (stream != null) {
        StreamSpecifications.update(context.engine().streams(), found, stream);
      }
      if (!replicaActions.isEmpty()) {
        ReplicaUpdates.apply(context, found, replicaActions, strongTable);
        StrongGlobalTables.apply(context.engine(), found, consistency, replicaActions, witnesses);
      }
      if (changesCapacity || tableClass != null || indexUpdates != null || vectorUpdates != null || stream != null) {
        found.status(TableStatus.UPDATING);
        if (!onlyAddsIndexes) { // else ACTIVE again once the new index backfills
          TableLifecycle.scheduleActive(context.engine(), found);
        }
      }
      seen[0] = TableDescriptions.Seen.of(found);
      return found;
    });
    return out -> {
      out.writeStartObject();
      TableDescriptions.write(out, "TableDescription", table, false, seen[0]);
      out.writeEndObject();
    };
  }

  /** The changes UpdateTable makes to the table itself (its capacity and settings); under the write lock. */
  private static void applyToTable(RequestContext context, Table found, BillingMode modeAfter, JsonRequest throughput,
                                   String billing, OnDemandThroughput onDemand, long[] warm, Boolean protection,
                                   String tableClass) {
    if (billing != null || throughput != null) {
      updateCapacity(context, found, modeAfter, throughput);
    }
    if (onDemand != null) {
      found.onDemandThroughput(onDemand);
    }
    if (warm != null) {
      found.raiseWarmThroughput(Math.max(0, warm[0]), Math.max(0, warm[1]));
    }
    if (protection != null) {
      found.deletionProtection(protection);
    }
    if (tableClass != null) {
      found.tableClass(tableClass);
    }
  }

  /** Whether every one of these index updates (GlobalSecondaryIndexUpdates or VectorIndexUpdates, if any) is a Create. */
  private static boolean onlyCreates(List<JsonRequest> indexUpdates) {
    if (indexUpdates == null) {
      return true;
    }
    for (JsonRequest update : indexUpdates) {
      if (!update.has("Create")) {
        return false;
      }
    }
    return true;
  }

  /** The provisioned throughput a warm throughput is checked against: the requested one, else the table's. */
  private static Throughput throughputAfter(Table table, JsonRequest requested) {
    if (requested == null) {
      return table.throughput();
    }
    Long read = requested.longValue("ReadCapacityUnits");
    Long write = requested.longValue("WriteCapacityUnits");
    return Throughput.of(read == null ? 0 : read, write == null ? 0 : write);
  }

  /** Switches between the AWS-owned key (null) and a KMS key; asking for the current setting is an error. */
  private static void updateEncryption(Table table, Encryption wanted) {
    Encryption current = table.attachment(Encryption.class);
    if (wanted == null && current == null) {
      throw DynamoException.validation("Table is already encrypted by default");
    }
    if (wanted != null && wanted.equals(current)) {
      throw DynamoException.validation("Table is already encrypted with the given KMS key");
    }
    table.replaceAttachment(Encryption.class, wanted);
  }

  /**
   * Records the capacity change; like the service, the table keeps its old billing mode and
   * throughput while UPDATING ("the UpdateTable response echoes the OLD values") and the new ones
   * apply when it is ACTIVE again.
   */
  private static void updateCapacity(RequestContext context, Table table, BillingMode mode, JsonRequest requested) {
    java.time.Instant now = context.now();
    if (mode == BillingMode.PAY_PER_REQUEST) {
      if (requested != null) {
        throw DynamoException.invalidParameter(
            "Neither ReadCapacityUnits nor WriteCapacityUnits can be specified when BillingMode is PAY_PER_REQUEST");
      }
      table.pendingBillingMode(mode); // re-sending PAY_PER_REQUEST answers UPDATING and changes nothing
      return;
    }
    if (requested == null) { // even on a table that is already PROVISIONED
      throw DynamoException.invalidParameter("ProvisionedThroughput must be specified when BillingMode is PROVISIONED");
    }
    Throughput current = table.throughput();
    Throughput wanted = TableSpecReader.capacity(requested);
    if (table.billingMode() == BillingMode.PROVISIONED && wanted.read() == current.read()
        && wanted.write() == current.write()) {
      throw DynamoException.validation("The provisioned throughput for the table will not change. The requested value "
          + "equals the current value. Current ReadCapacityUnits provisioned for the table: " + current.read()
          + ". Requested ReadCapacityUnits: " + wanted.read() + ". Current WriteCapacityUnits provisioned for the table: "
          + current.write() + ". Requested WriteCapacityUnits: " + wanted.write() + ". Refer to the Amazon DynamoDB "
          + "Developer Guide for current limits and how to request higher limits.");
    }
    if (table.billingMode() == BillingMode.PROVISIONED) {
      ThroughputDecreases.check(current, wanted, now);
    }
    ThroughputLimits.requirePerTable(wanted, null, context);
    List<Throughput> indexes = new java.util.ArrayList<>();
    for (dev.dynamodouble.core.table.IndexDefinition index : table.globalIndexes()) {
      if (index.targetThroughput() != null) {
        indexes.add(index.targetThroughput());
      }
    }
    ThroughputLimits.requireAccountRoom(context.catalog(), table, wanted, indexes, context.engine().options().quotas());
    // "While the table is in the UPDATING state, the table still has the provisioned throughput from
    // before the call": the new values apply when the table is ACTIVE again.
    table.pendingThroughput(wanted);
    table.pendingBillingMode(BillingMode.PROVISIONED);
  }
}
