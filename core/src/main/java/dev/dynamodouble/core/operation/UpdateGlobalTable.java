package dev.dynamodouble.core.operation;

import dev.dynamodouble.core.engine.Engine;
import dev.dynamodouble.core.error.DynamoException;
import dev.dynamodouble.core.error.ErrorCode;
import dev.dynamodouble.core.protocol.Constraints;
import dev.dynamodouble.core.protocol.JsonRequest;
import dev.dynamodouble.core.protocol.JsonWritable;
import dev.dynamodouble.core.replication.LegacyGlobalTables;
import dev.dynamodouble.core.replication.Replication;
import dev.dynamodouble.core.table.Table;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * UpdateGlobalTable (version 2017.11.29): adds replicas (existing, empty tables of the same name)
 * or removes them (the table stays in its region, on its own). Every action is checked before any
 * is applied. GlobalTableStatus is UPDATING, then ACTIVE on the engine clock.
 */
public final class UpdateGlobalTable implements Operation {

  @Override
  public JsonWritable execute(RequestContext context, JsonRequest request) {
    String name = request.string("GlobalTableName");
    List<JsonRequest> updates = request.structures("ReplicaUpdates");
    Constraints constraints = new Constraints().notNull(name, "globalTableName").name(name, "globalTableName")
        .notNull(updates, "replicaUpdates");
    List<String> creates = new ArrayList<>();
    List<String> deletes = new ArrayList<>();
    if (updates != null) {
      for (int i = 0; i < updates.size(); i++) {
        JsonRequest update = updates.get(i);
        JsonRequest create = update == null ? null : update.structure("Create");
        JsonRequest delete = update == null ? null : update.structure("Delete");
        if ((create == null) == (delete == null)) {
          throw DynamoException.invalidParameter("Exactly one of Create or Delete must be specified in a "
              + "ReplicaUpdate");
        }
        String kind = create != null ? "create" : "delete";
        String region = (create != null ? create : delete).string("RegionName");
        constraints.notNull(region, "replicaUpdates." + (i + 1) + ".member." + kind + ".regionName");
        (create != null ? creates : deletes).add(region);
      }
    }
    constraints.check();
    if (updates.isEmpty()) {
      throw DynamoException.validation("One or more parameter values were invalid");
    }
    Set<String> seen = new HashSet<>();
    for (String region : concat(creates, deletes)) {
      if (!seen.add(region)) {
        throw DynamoException.invalidParameter("Region " + region + " is listed more than once");
      }
    }
    Engine engine = context.engine();
    Replication replication = engine.replication();
    LegacyGlobalTables.Entry updated = engine.write(() -> {
      LegacyGlobalTables.Entry entry = LegacyGlobalTableRules.require(engine, name);
      Map<String, Table> members = replication.members(name);
      for (String region : deletes) {
        if (!members.containsKey(region)) {
          throw new DynamoException(ErrorCode.REPLICA_NOT_FOUND, "Replica not found: Replica in region: '" + region
              + "' is not part of global table: '" + name + "'.");
        }
      }
      List<Table> staying = new ArrayList<>(members.values());
      staying.removeIf(table -> deletes.contains(table.region()));
      Table reference = staying.isEmpty() ? null : staying.get(0); // never one leaving: join would put it back
      List<Table> joining = new ArrayList<>();
      for (String region : creates) {
        if (members.containsKey(region)) {
          throw new DynamoException(ErrorCode.REPLICA_ALREADY_EXISTS, "Replica already exists: Replica in region: '"
              + region + "' is already part of global table: '" + name + "'.");
        }
        joining.add(LegacyGlobalTableRules.joinable(engine, name, region, reference != null ? reference
            : joining.isEmpty() ? null : joining.get(0)));
      }
      if (!joining.isEmpty()) {
        members.values().forEach(LegacyGlobalTableRules::requireEmpty);
      }
      for (String region : deletes) {
        replication.leave(members.get(region));
      }
      for (Table table : joining) {
        Table existing = reference != null ? reference : joining.get(0);
        replication.join(existing, table);
      }
      LegacyGlobalTables.Entry next = entry.withStatus(LegacyGlobalTables.Status.UPDATING);
      replication.legacy().put(next);
      LegacyGlobalTableRequests.scheduleActive(engine, next);
      return next;
    });
    return GlobalTableDescriptions.answer(engine, updated);
  }

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }
}
