package dev.dynamodouble.core.operation;

import dev.dynamodouble.core.engine.Engine;
import dev.dynamodouble.core.error.DynamoException;
import dev.dynamodouble.core.protocol.Constraints;
import dev.dynamodouble.core.protocol.JsonRequest;
import dev.dynamodouble.core.replication.LegacyGlobalTables;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** What the operations of global tables version 2017.11.29 share: reading region lists, the status life cycle. */
final class LegacyGlobalTableRequests {
  private LegacyGlobalTableRequests() {}

  /**
   * The RegionName of every Replica in {@code replicas} (null: none), each at most once; a missing
   * one is a constraint error at {@code path.N.member<inner>.regionName}.
   */
  static List<String> regions(Constraints constraints, List<JsonRequest> replicas, String path, String inner) {
    List<String> regions = new ArrayList<>();
    if (replicas == null) {
      return regions;
    }
    Set<String> seen = new LinkedHashSet<>();
    for (int i = 0; i < replicas.size(); i++) {
      String region = replicas.get(i) == null ? null : replicas.get(i).string("RegionName");
      constraints.notNull(region, path + "." + (i + 1) + ".member" + inner + ".regionName");
      if (region != null) {
        if (!seen.add(region)) {
          throw DynamoException.invalidParameter("Region " + region + " is listed more than once");
        }
        regions.add(region);
      }
    }
    return regions;
  }

  /** CREATING or UPDATING → ACTIVE after the engine's status delay, unless the entry was replaced meanwhile. */
  static void scheduleActive(Engine engine, LegacyGlobalTables.Entry entry) {
    LegacyGlobalTables legacy = engine.replication().legacy();
    engine.clock().scheduleAfter(engine.options().statusDelay(), () -> engine.write(() -> {
      if (legacy.get(entry.name()) == entry) {
        legacy.put(entry.withStatus(LegacyGlobalTables.Status.ACTIVE));
      }
    }));
  }
}
