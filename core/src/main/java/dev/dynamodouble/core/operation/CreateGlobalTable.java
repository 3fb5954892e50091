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
import java.util.List;

/**
 * CreateGlobalTable (global tables version 2017.11.29): makes same-named tables that already exist
 * in the listed regions one global table, replicating on the engine's change feed like version
 * 2019.11.21. GlobalTableStatus is CREATING, then ACTIVE on the engine clock.
 */
public final class CreateGlobalTable implements Operation {

  @Override
  public JsonWritable execute(RequestContext context, JsonRequest request) {
    String name = request.string("GlobalTableName");
    List<JsonRequest> group = request.structures("ReplicationGroup");
    Constraints constraints = new Constraints().notNull(name, "globalTableName").name(name, "globalTableName")
        .notNull(group, "replicationGroup");
    List<String> regions = LegacyGlobalTableRequests.regions(constraints, group, "replicationGroup", "");
    constraints.check();
    if (regions.isEmpty()) {
      throw DynamoException.invalidParameter("ReplicationGroup must name at least one region");
    }
    Engine engine = context.engine();
    Replication replication = engine.replication();
    LegacyGlobalTables.Entry created = engine.write(() -> {
      if (replication.legacy().get(name) != null) {
        throw new DynamoException(ErrorCode.GLOBAL_TABLE_ALREADY_EXISTS,
            "Global table with name: '" + name + "' already exists.");
      }
      List<Table> tables = new ArrayList<>();
      for (String region : regions) {
        tables.add(LegacyGlobalTableRules.joinable(engine, name, region, tables.isEmpty() ? null : tables.get(0)));
      }
      if (replication.replicated(name)) { // a version 2019.11.21 global table of the name in other regions
        throw DynamoException.invalidParameter("A global table version 2019.11.21 named " + name
            + " exists; Dynamo Double keeps no global table version " + LegacyGlobalTableRules.VERSION
            + " beside another global table of its name");
      }
      for (Table table : tables) {
        replication.join(tables.get(0), table);
      }
      LegacyGlobalTables.Entry entry = new LegacyGlobalTables.Entry(name, GlobalTableDescriptions.arn(engine, name),
          context.now(), LegacyGlobalTables.Status.CREATING);
      replication.legacy().put(entry);
      LegacyGlobalTableRequests.scheduleActive(engine, entry);
      return entry;
    });
    return GlobalTableDescriptions.answer(engine, created);
  }
}
