package dev.dynamodouble.core.replication;

import dev.dynamodouble.core.engine.Catalog;
import dev.dynamodouble.core.table.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The global tables of an engine as plain values, for a data directory: each replication group's
 * live members (region and ReplicaUpdates settings), the version 2017.11.29 entries, and the MRSC
 * groups (witness settled: ACTIVE unless being dissolved). What is in flight (changes waiting on a
 * link, MRSC writes not yet acknowledged) and link settings (lag, pause: test configuration) are
 * not part of it.
 */
public record GlobalTableState(List<Group> groups, List<LegacyGlobalTables.Entry> legacy, List<Strong> strong) {
  public static final GlobalTableState NONE = new GlobalTableState(List.of(), List.of(), List.of());

  /** A replication group: the table name and each live member's settings, by region (sorted). */
  public record Group(String name, Map<String, ReplicaSettings> members) {}

  /** An MRSC global table: the region that made it, its witness region (or null), whether it is being dissolved. */
  public record Strong(String name, String origin, String witness, boolean dissolving) {}

  static GlobalTableState capture(ReplicaGroups groups, LegacyGlobalTables legacy, StrongConsistency strong) {
    List<Group> out = new ArrayList<>();
    for (String name : groups.names()) {
      Map<String, ReplicaSettings> members = new TreeMap<>();
      groups.live(name).forEach((region, member) -> members.put(region, member.settings()));
      if (!members.isEmpty()) {
        out.add(new Group(name, Map.copyOf(members)));
      }
    }
    List<Strong> strongGroups = new ArrayList<>();
    strong.all().forEach((name, g) -> strongGroups.add(new Strong(name, g.origin(), g.witness(), g.dissolving())));
    strongGroups.sort(java.util.Comparator.comparing(Strong::name));
    out.sort(java.util.Comparator.comparing(Group::name));
    return new GlobalTableState(List.copyOf(out), legacy.all(), List.copyOf(strongGroups));
  }

  /**
   * Puts the groups back over the tables of {@code regions} (members whose table is missing are
   * left out), with the legacy entries settled (CREATING and UPDATING are over) and the MRSC groups.
   */
  void install(Replication replication, ReplicaGroups groups, LegacyGlobalTables legacyTables,
               StrongConsistency strongGroups, Function<String, Catalog> regions) {
    for (Group group : this.groups) {
      Table origin = null;
      for (Map.Entry<String, ReplicaSettings> member : group.members().entrySet()) {
        Table table = regions.apply(member.getKey()).find(group.name());
        if (table == null) {
          continue;
        }
        origin = origin == null ? table : origin;
        replication.attach(table);
        groups.put(origin, new ReplicaGroups.Member(table, member.getValue()));
      }
    }
    for (LegacyGlobalTables.Entry entry : legacy) {
      boolean deleting = entry.status() == LegacyGlobalTables.Status.DELETING;
      legacyTables.put(deleting ? entry : entry.withStatus(LegacyGlobalTables.Status.ACTIVE));
    }
    for (Strong s : strong) {
      strongGroups.put(s.name(), new StrongConsistency.Group(s.origin(), s.witness(), true, s.dissolving()));
    }
  }
}
