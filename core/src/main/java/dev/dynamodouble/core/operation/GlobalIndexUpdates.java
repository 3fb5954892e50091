package dev.dynamodouble.core.operation;

import dev.dynamodouble.core.engine.Quotas;
import dev.dynamodouble.core.error.DynamoException;
import dev.dynamodouble.core.error.ErrorCode;
import dev.dynamodouble.core.protocol.Constraints;
import dev.dynamodouble.core.protocol.JsonRequest;
import dev.dynamodouble.core.table.BillingMode;
import dev.dynamodouble.core.table.IndexDefinition;
import dev.dynamodouble.core.table.KeyAttribute;
import dev.dynamodouble.core.table.Table;
import dev.dynamodouble.core.table.TableData;
import dev.dynamodouble.core.table.Throughput;
import dev.dynamodouble.core.value.AttributeType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * UpdateTable's GlobalSecondaryIndexUpdates: create (CREATING while it allocates its resources,
 * CREATING with Backfilling, then ACTIVE through the clock), update throughput, or delete (DELETING,
 * then gone) one index at a time; an index being created may be deleted, or its throughput changed,
 * while it backfills.
 */
final class GlobalIndexUpdates {

  private GlobalIndexUpdates() {}

  /** Validates the request's shape before the table is looked up. */
  static void checkShape(Constraints constraints, List<JsonRequest> updates) {
    if (updates == null) {
      return;
    }
    for (int i = 0; i < updates.size(); i++) {
      JsonRequest update = updates.get(i);
      String member = "globalSecondaryIndexUpdates." + (i + 1) + ".member";
      if (update == null) {
        constraints.notNull(null, member);
        continue;
      }
      JsonRequest create = update.structure("Create");
      if (create != null) {
        String name = create.string("IndexName");
        constraints.notNull(name, member + ".create.indexName").name(name, member + ".create.indexName");
        TableSpecReader.checkKeySchemaShape(constraints, create.structures("KeySchema"), member + ".create.keySchema", true);
        constraints.notNull(create.structure("Projection"), member + ".create.projection");
        JsonRequest projection = create.structure("Projection");
        if (projection != null) {
          constraints.eachLength(projection.strings("NonKeyAttributes"), 1, 255,
              member + ".create.projection.nonKeyAttributes");
        }
        TableSpecReader.checkThroughputShape(constraints, create.structure("ProvisionedThroughput"),
            member + ".create.provisionedThroughput");
      }
      JsonRequest delete = update.structure("Delete");
      if (delete != null) {
        constraints.notNull(delete.string("IndexName"), member + ".delete.indexName");
      }
      JsonRequest change = update.structure("Update");
      if (change != null) {
        constraints.notNull(change.string("IndexName"), member + ".update.indexName");
        constraints.notNull(change.structure("ProvisionedThroughput"), member + ".update.provisionedThroughput");
        TableSpecReader.checkThroughputShape(constraints, change.structure("ProvisionedThroughput"),
            member + ".update.provisionedThroughput");
      }
    }
  }

  /**
   * Refuses a Delete or throughput Update of an index still allocating its resources or being
   * deleted, and a Create named as an index still being deleted, with the index's reason: call
   * before the table's status is checked (see IndexesInFlight.refuseInUse).
   */
  static void refuseIndexInUse(Table table, List<JsonRequest> updates) {
    for (JsonRequest update : updates) {
      IndexDefinition index = target(table, update);
      if (index != null) {
        IndexesInFlight.refuseInUse(table, index, update.has("Delete"));
      }
      JsonRequest create = update.structure("Create");
      if (create != null) {
        IndexesInFlight.refuseRecreating(table, create.string("IndexName"));
      }
    }
  }

  /**
   * Applies the updates to {@code table}; the caller holds the engine's write lock. With
   * {@code activatesTable} (an UpdateTable that only adds an index), the table is ACTIVE again once
   * the new index backfills (see TableLifecycle.scheduleIndexSettle).
   */
  static void apply(RequestContext context, Table table, List<JsonRequest> updates, List<JsonRequest> definitions,
                    boolean activatesTable) {
    if (updates.isEmpty()) {
      throw DynamoException.invalidParameter("List of GlobalSecondaryIndexUpdates is empty");
    }
    java.util.Set<String> named = new java.util.HashSet<>();
    for (JsonRequest update : updates) {
      JsonRequest target = update.has("Create") ? update.structure("Create")
          : update.has("Delete") ? update.structure("Delete") : update.structure("Update");
      if (target != null && !named.add(target.string("IndexName"))) {
        throw DynamoException.validation("Only one global secondary index update per index is allowed simultaneously.");
      }
    }
    int structural = 0;
    for (JsonRequest update : updates) {
      if (update.has("Create") || update.has("Delete")) {
        structural++;
      }
    }
    if (structural > 1) {
      throw new DynamoException(ErrorCode.LIMIT_EXCEEDED,
          "Subscriber limit exceeded: Only 1 online index can be created or deleted simultaneously per table");
    }
    IndexDefinition cancelled = requireChangeable(table, updates);
    if (structural > 0) {
      IndexesInFlight.requireNoneInFlight(table, cancelled);
    }
    List<IndexDefinition> indexes = new ArrayList<>(table.globalIndexes());
    List<IndexDefinition> changed = new ArrayList<>();
    TableData data = table.snapshot();
    for (JsonRequest update : updates) {
      JsonRequest create = update.structure("Create");
      JsonRequest delete = update.structure("Delete");
      JsonRequest change = update.structure("Update");
      if (create != null) {
        IndexDefinition index = create(context, table, create, definitions, indexes);
        indexes.add(index);
        changed.add(index);
        data = data.withIndex(index, table.keySchema());
      } else if (delete != null) {
        int at = find(indexes, delete.string("IndexName"), table);
        indexes.set(at, indexes.get(at).withStatus(IndexDefinition.IndexStatus.DELETING));
        changed.add(indexes.get(at));
        data = data.withoutIndex(delete.string("IndexName"));
      } else if (change != null) {
        int at = find(indexes, change.string("IndexName"), table);
        if (table.billingMode() == BillingMode.PAY_PER_REQUEST) {
          throw DynamoException.invalidParameter("ProvisionedThroughput should not be specified for index: "
              + change.string("IndexName") + " when BillingMode is PAY_PER_REQUEST");
        }
        indexes.set(at, updateThroughput(context, indexes.get(at), change.structure("ProvisionedThroughput")));
        changed.add(indexes.get(at));
      } else {
        throw DynamoException.validation("One or more parameter values were invalid: One of GlobalSecondaryIndexUpdate."
            + "Create, GlobalSecondaryIndexUpdate.Update, or GlobalSecondaryIndexUpdate.Delete must be specified");
      }
    }
    if (table.billingMode() == BillingMode.PROVISIONED) {
      List<Throughput> targets = new ArrayList<>();
      for (IndexDefinition index : indexes) {
        if (index.status() != IndexDefinition.IndexStatus.DELETING && index.targetThroughput() != null) {
          targets.add(index.targetThroughput());
        }
      }
      Throughput own = table.pendingThroughput() != null ? table.pendingThroughput() : table.throughput();
      ThroughputLimits.requireAccountRoom(context.catalog(), table, own, targets, context.engine().options().quotas());
    }
    table.globalIndexes(indexes);
    Instant now = context.now();
    if (data != table.snapshot()) {
      context.engine().feed().commitSchema(table, data, now);
    }
    for (IndexDefinition index : changed) {
      TableLifecycle.scheduleIndexSettle(context.engine(), table, index, activatesTable);
    }
  }

  /**
   * Refuses a Delete or Update of an index whose status does not allow it (see IndexesInFlight),
   * before the limit of one index created or deleted at a time is checked; returns the index a
   * Delete cancels the creation of (it does not count against that limit), or null.
   */
  private static IndexDefinition requireChangeable(Table table, List<JsonRequest> updates) {
    IndexDefinition cancelled = null;
    for (JsonRequest update : updates) {
      JsonRequest delete = update.structure("Delete");
      IndexDefinition index = target(table, update);
      if (index != null) { // an unknown index is refused as not found, further on
        IndexesInFlight.requireChangeable(table, index, delete != null);
        if (delete != null && index.status() == IndexDefinition.IndexStatus.CREATING) {
          cancelled = index;
        }
      }
    }
    return cancelled;
  }

  /** The existing global index a Delete or Update names, or null (a Create, or an index the table lacks). */
  private static IndexDefinition target(Table table, JsonRequest update) {
    JsonRequest delete = update.structure("Delete");
    JsonRequest target = delete != null ? delete : update.structure("Update");
    IndexDefinition index = target == null ? null : table.index(target.string("IndexName"));
    return index != null && index.global() ? index : null;
  }

  /**
   * An index's new provisioned throughput, checked as the table's is (a change, the decreases of
   * the day, the quota); like the table's, it applies when the index is ACTIVE again.
   */
  private static IndexDefinition updateThroughput(RequestContext context, IndexDefinition index, JsonRequest requested) {
    Throughput current = index.throughput();
    Throughput wanted = TableSpecReader.capacity(requested);
    if (wanted.read() == current.read() && wanted.write() == current.write()) {
      String name = index.name();
      throw DynamoException.validation("The provisioned throughput for the index " + name + " will not change. The "
          + "requested value equals the current value. Current ReadCapacityUnits provisioned for index " + name + ": "
          + current.read() + ". Requested ReadCapacityUnits: " + wanted.read() + ". Current WriteCapacityUnits "
          + "provisioned for index " + name + ": " + current.write() + ". Requested WriteCapacityUnits: "
          + wanted.write() + ". Refer to the Amazon DynamoDB Developer Guide for current limits and how to request "
          + "higher limits.");
    }
    ThroughputDecreases.check(current, wanted, context.now());
    ThroughputLimits.requirePerTable(wanted, index.name(), context);
    return index.updatingTo(wanted);
  }

  static DynamoException tooManyIndexes(Quotas quotas) {
    return DynamoException.invalidParameter("GlobalSecondaryIndex count exceeds the per-table limit of "
        + quotas.globalIndexesPerTable());
  }

  private static IndexDefinition create(RequestContext context, Table table, JsonRequest create,
                                        List<JsonRequest> definitions, List<IndexDefinition> indexes) {
    Quotas quotas = context.engine().options().quotas();
    String name = create.string("IndexName");
    if (table.index(name) != null || table.vectorIndex(name) != null) {
      throw DynamoException.invalidParameter("Index with name: " + name + " already exists");
    }
    if (indexes.size() >= quotas.globalIndexesPerTable()) {
      throw tooManyIndexes(quotas);
    }
    // The new index's keys must be defined by this request's AttributeDefinitions (the table's own
    // definitions do not count); an attribute the table already defines keeps its type, a
    // conflicting one in the request is ignored (as observed on the service).
    Map<String, AttributeType> stored = new LinkedHashMap<>();
    for (KeyAttribute attribute : table.attributeDefinitions()) {
      stored.put(attribute.name(), attribute.type());
    }
    Map<String, AttributeType> defined = new LinkedHashMap<>();
    if (definitions != null) {
      for (JsonRequest d : definitions) {
        String attributeName = d.string("AttributeName");
        AttributeType type = AttributeType.valueOf(d.string("AttributeType"));
        defined.put(attributeName, stored.getOrDefault(attributeName, type));
      }
    }
    IndexDefinition index = TableSpecReader.index(create, defined, true, table.billingMode()).creatingOnline();
    if (table.billingMode() == BillingMode.PROVISIONED) {
      ThroughputLimits.requirePerTable(index.throughput(), name, context);
    }
    List<KeyAttribute> newDefinitions = new ArrayList<>(table.attributeDefinitions());
    for (KeyAttribute key : index.keySchema().attributes()) {
      if (newDefinitions.stream().noneMatch(a -> a.name().equals(key.name()))) {
        newDefinitions.add(key);
      }
    }
    table.attributeDefinitions(newDefinitions);
    return index;
  }

  private static int find(List<IndexDefinition> indexes, String name, Table table) {
    for (int i = 0; i < indexes.size(); i++) {
      if (indexes.get(i).name().equals(name)) {
        return i;
      }
    }
    throw DynamoException.resourceNotFound("Requested resource not found: Index: " + name + " not found for table: "
        + table.name());
  }
}
