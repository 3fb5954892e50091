package dev.dynamodouble.core.replication;

import dev.dynamodouble.core.engine.Catalog;
import dev.dynamodouble.core.table.Table;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The global tables of an engine as plain values, for a data directory: each global table's live
 * members (region and ReplicaUpdates settings; several global tables may share a name), the version
 * 2017.11.29 entries, and the MRSC settings (witness settled: ACTIVE unless being dissolved). What is in flight (changes waiting on a
 * link, MRSC writes not yet acknowledged) and link settings (lag, pause: test configuration) are
 * not part of it.
 */
public record GlobalTableState(List<Group> groups, List<LegacyGlobalTables.Entry> legacy, List<Strong> strong) {
  public static final GlobalTableState NONE = new GlobalTableState(List.of(), List.of(), List.of());

  /** A global table: the table name and each live member's settings, by region. */
  public record Group(String name, Map<String, ReplicaSettings> members) {}

  /** An MRSC global table: the region that made it, its witness region (or null), whether it is being dissolved. */
  public record Strong(String name, String origin, String witness, boolean dissolving) {}

  /**
   * The global tables worth keeping: a version 2019.11.21 one with two live replicas or more (one
   * left alone is a plain table), a version 2017.11.29 one with any. As DynamoDB Double keeps one
   * version 2017.11.29 global table per name and no other beside it, a name's legacy entry tells
   * its global table apart when put back.
   */
  static GlobalTableState capture(ReplicaGroups groups, LegacyGlobalTables legacy) {
    List<Group> out = new ArrayList<>();
    List<Strong> strongGroups = new ArrayList<>();
    for (String name : groups.names()) {
      for (ReplicaGroups.GlobalTable global : groups.named(name)) {
        Map<String, ReplicaSettings> members = new TreeMap<>();
        groups.live(global).forEach((region, member) -> members.put(region, member.settings()));
        if (members.size() < (global.legacy() ? 1 : 2)) {
          continue;
        }
        out.add(new Group(name, Map.copyOf(members)));
        StrongConsistency.Group g = global.strong();
        if (g != null) {
          strongGroups.add(new Strong(name, g.origin(), g.witness(), g.dissolving()));
        }
      }
    }
    Comparator<Strong> strongOrder = Comparator.comparing(Strong::name);
    strongGroups.sort(strongOrder.thenComparing(Strong::origin));
    Comparator<Group> order = Comparator.comparing(Group::name);
    out.sort(order.thenComparing(group -> java.util.Collections.min(group.members().keySet())));
    return new GlobalTableState(List.copyOf(out), legacy.all(), List.copyOf(strongGroups));
  }

  /**
   * Puts the global tables back over the tables of {@code regions} (members whose table is missing
   * are left out), with the legacy entries settled (CREATING and UPDATING are over) and the MRSC
   * settings, each on the global table of its name that has its origin region.
   */
  void install(Replication replication, ReplicaGroups groups, LegacyGlobalTables legacyTables,
               Function<String, Catalog> regions) {
    for (LegacyGlobalTables.Entry entry : legacy) {
      boolean deleting = entry.status() == LegacyGlobalTables.Status.DELETING;
      legacyTables.put(deleting ? entry : entry.withStatus(LegacyGlobalTables.Status.ACTIVE));
    }
    for (Group group : this.groups) {
      List<ReplicaGroups.Member> members = new ArrayList<>();
      group.members().forEach((region, settings) -> {
        Table table = regions.apply(region).find(group.name());
        if (table != null) {
          replication.attach(table);
          members.add(new ReplicaGroups.Member(table, settings));
        }
      });
      groups.install(group.name(), members, legacyTables.get(group.name()) != null);
    }
    for (Strong s : strong) {
      groups.installStrong(s.name(), s.origin(), new StrongConsistency.Group(s.origin(), s.witness(), true,
          s.dissolving()));
    }
  }
}
