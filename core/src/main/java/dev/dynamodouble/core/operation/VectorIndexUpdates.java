package dev.dynamodouble.core.operation;

import dev.dynamodouble.core.error.DynamoException;
import dev.dynamodouble.core.error.ErrorCode;
import dev.dynamodouble.core.protocol.Constraints;
import dev.dynamodouble.core.protocol.JsonRequest;
import dev.dynamodouble.core.table.BillingMode;
import dev.dynamodouble.core.table.IndexDefinition;
import dev.dynamodouble.core.table.IndexDefinition.IndexStatus;
import dev.dynamodouble.core.table.KeyAttribute;
import dev.dynamodouble.core.table.Table;
import dev.dynamodouble.core.table.VectorIndexDefinition;
import dev.dynamodouble.core.value.AttributeType;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * UpdateTable's VectorIndexUpdates: Create (CREATING while it allocates its resources, CREATING
 * with Backfilling, then ACTIVE through the engine clock) or Delete (DELETING, then gone), one
 * index at a time, as global indexes go; an index being created may be deleted while it backfills.
 */
final class VectorIndexUpdates {
  private VectorIndexUpdates() {}

  /** Member constraints, before the table is looked up. */
  static void checkShape(Constraints constraints, List<JsonRequest> updates) {
    if (updates == null) {
      return;
    }
    for (int i = 0; i < updates.size(); i++) {
      JsonRequest update = updates.get(i);
      String member = "vectorIndexUpdates." + (i + 1) + ".member";
      if (update == null) {
        constraints.notNull(null, member);
        continue;
      }
      if (update.structure("Create") != null) {
        VectorIndexRequests.checkShape(constraints, update.structure("Create"), member + ".create");
      }
      JsonRequest delete = update.structure("Delete");
      if (delete != null) {
        constraints.notNull(delete.string("IndexName"), member + ".delete.indexName");
      }
    }
  }

  /**
   * Refuses a Delete of an index still allocating its resources or being deleted, and a Create
   * named as an index still being deleted, before the table's status is checked (see
   * IndexesInFlight.refuseInUse).
   */
  static void refuseIndexInUse(Table table, List<JsonRequest> updates) {
    for (JsonRequest update : updates) {
      JsonRequest delete = update.structure("Delete");
      VectorIndexDefinition index = delete == null ? null : table.vectorIndex(delete.string("IndexName"));
      if (index != null) {
        IndexesInFlight.refuseInUse(table, index, true);
      }
      JsonRequest create = update.structure("Create");
      if (create != null) {
        IndexesInFlight.refuseRecreating(table, create.string("IndexName"));
      }
    }
  }

  /**
   * Applies the updates; the caller holds the engine's write lock and puts the settings back should
   * this throw. With {@code activatesTable} (an UpdateTable that only adds an index), the table is
   * ACTIVE again once the new index backfills (see TableLifecycle.scheduleIndexSettle).
   */
  static void apply(RequestContext context, Table table, BillingMode modeAfter, List<JsonRequest> updates,
                    List<JsonRequest> definitions, boolean activatesTable) {
    if (updates.isEmpty()) {
      throw DynamoException.invalidParameter("List of VectorIndexUpdates is empty");
    }
    if (updates.size() > 1) {
      throw new DynamoException(ErrorCode.LIMIT_EXCEEDED,
          "Subscriber limit exceeded: Only 1 online index can be created or deleted simultaneously per table");
    }
    JsonRequest update = updates.get(0);
    JsonRequest create = update.structure("Create");
    JsonRequest delete = update.structure("Delete");
    VectorIndexDefinition deleted = delete == null ? null : table.vectorIndex(delete.string("IndexName"));
    if (deleted != null) { // an unknown index is refused as not found, further on
      IndexesInFlight.requireChangeable(table, deleted, true);
    }
    IndexesInFlight.requireNoneInFlight(table, deleted); // a Delete of an index being created cancels it
    if ((create == null) == (delete == null)) {
      throw DynamoException.validation("One or more parameter values were invalid: One of VectorIndexUpdate.Create "
          + "or VectorIndexUpdate.Delete must be specified");
    }
    List<VectorIndexDefinition> indexes = new ArrayList<>(table.vectorIndexes());
    VectorIndexDefinition changed;
    if (create != null) {
      VectorIndexRequests.refuseDurable(context.engine(), "UpdateTable's VectorIndexUpdates");
      VectorIndexRequests.requireOnDemand(modeAfter);
      changed = create(table, create, definitions, indexes);
      indexes.add(changed);
    } else {
      if (deleted == null) {
        throw DynamoException.resourceNotFound("Requested resource not found: Index: " + delete.string("IndexName")
            + " not found for table: " + table.name());
      }
      changed = deleted.withStatus(IndexStatus.DELETING);
      indexes.set(indexes.indexOf(deleted), changed);
    }
    table.vectorIndexes(indexes);
    TableLifecycle.scheduleVectorIndexSettle(context.engine(), table, changed, activatesTable);
  }

  /**
   * A new index, allocating its resources before it backfills from the items already there; its
   * search schema's definitions join the table's.
   */
  private static VectorIndexDefinition create(Table table, JsonRequest create, List<JsonRequest> definitions,
                                              List<VectorIndexDefinition> indexes) {
    Set<String> names = new HashSet<>();
    table.localIndexes().forEach(i -> names.add(i.name()));
    table.globalIndexes().forEach(i -> names.add(i.name()));
    indexes.forEach(i -> names.add(i.name()));
    String name = create.string("IndexName");
    if (names.contains(name)) {
      throw DynamoException.invalidParameter("Index with name: " + name + " already exists");
    }
    // As for a new global index: the search schema is defined by this request's AttributeDefinitions,
    // an attribute the table already defines keeping its type.
    List<KeyAttribute> all = new ArrayList<>(table.attributeDefinitions());
    Set<String> defined = new HashSet<>();
    if (definitions != null) {
      for (JsonRequest d : definitions) {
        String attribute = d.string("AttributeName");
        defined.add(attribute);
        if (all.stream().noneMatch(a -> a.name().equals(attribute))) {
          all.add(new KeyAttribute(attribute, AttributeType.valueOf(d.string("AttributeType"))));
        }
      }
    }
    VectorIndexDefinition index = VectorIndexRequests.read(create, defined, names, indexes, IndexStatus.CREATING);
    Set<String> schema = new HashSet<>();
    index.searchSchema().forEach(k -> schema.add(k.attributeName()));
    List<KeyAttribute> kept = new ArrayList<>();
    for (KeyAttribute attribute : all) {
      if (table.attributeDefinitions().contains(attribute) || schema.contains(attribute.name())) {
        kept.add(attribute);
      }
    }
    table.attributeDefinitions(kept);
    return index;
  }
}
