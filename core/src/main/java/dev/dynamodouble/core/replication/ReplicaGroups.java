package dev.dynamodouble.core.replication;

import dev.dynamodouble.core.engine.Catalog;
import dev.dynamodouble.core.table.Table;
import dev.dynamodouble.core.table.TableStatus;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The global tables: for each table name, its replicas by region. A replica stays a member while
 * its table is in its region's catalog (a DeleteTable in one region removes that replica only).
 * Changed under the engine's write lock; each group is an immutable map, read without locking.
 */
final class ReplicaGroups {
  /** One replica: its table and the settings its ReplicaUpdates asked for. */
  record Member(Table table, ReplicaSettings settings) {}

  private final ConcurrentHashMap<String, Map<String, Member>> byName = new ConcurrentHashMap<>();
  private final Function<String, Catalog> regions;

  ReplicaGroups(Function<String, Catalog> regions) {
    this.regions = regions;
  }

  /** The live replicas of the table's global table by region (sorted), including itself; empty when not global. */
  Map<String, Member> of(Table table) {
    Map<String, Member> group = byName.get(table.name());
    if (group == null || !isLive(group.get(table.region()), table)) {
      return Map.of();
    }
    Map<String, Member> live = live(table.name());
    return live.size() < 2 ? Map.of() : live;
  }

  /** The members of the group of that name whose table is still in its region's catalog, by region (sorted). */
  Map<String, Member> live(String name) {
    Map<String, Member> group = byName.getOrDefault(name, Map.of());
    Map<String, Member> live = new TreeMap<>();
    for (Member member : group.values()) {
      if (regions.apply(member.table().region()).find(name) == member.table()) {
        live.put(member.table().region(), member);
      }
    }
    return live;
  }

  /** The regions of the table's other live replicas (none when it is not a global table); no sorting, no map. */
  List<String> otherRegions(Table table) {
    Map<String, Member> group = byName.get(table.name());
    if (group == null || !isLive(group.get(table.region()), table)) {
      return List.of();
    }
    List<String> others = new ArrayList<>(group.size());
    for (Member member : group.values()) {
      Table other = member.table();
      if (other != table && regions.apply(other.region()).holds(other)) {
        others.add(other.region());
      }
    }
    return others;
  }

  /**
   * Whether the table is its region's member of the group of its name (however many members are
   * left): another table of that name, in a region outside the group, is not.
   */
  boolean isMember(Table table) {
    Map<String, Member> group = byName.get(table.name());
    return group != null && isLive(group.get(table.region()), table);
  }

  /** Whether the table is a replica that replicates (a member, not being deleted). */
  boolean replicates(Table table) {
    return isMember(table) && table.status() != TableStatus.DELETING;
  }

  /** The replica of the same global table in {@code region} that accepts replicated writes, or null. */
  Table target(String name, String region) {
    Map<String, Member> group = byName.get(name);
    Member member = group == null ? null : group.get(region);
    if (member == null || regions.apply(region).find(name) != member.table()
        || member.table().status() == TableStatus.DELETING) {
      return null;
    }
    return member.table();
  }

  /** Adds or replaces a member (the table itself joins with no settings when the group is new). */
  void put(Table origin, Member member) {
    Map<String, Member> next = new LinkedHashMap<>(byName.getOrDefault(origin.name(), Map.of()));
    next.putIfAbsent(origin.region(), new Member(origin, ReplicaSettings.NONE));
    next.put(member.table().region(), member);
    byName.put(origin.name(), Map.copyOf(next));
  }

  /** The catalog of a region. */
  Catalog catalog(String region) {
    return regions.apply(region);
  }

  /** Every name that has a group (members may be gone from their regions). */
  java.util.Set<String> names() {
    return byName.keySet();
  }

  /** The raw group of a name (for a snapshot), or null. */
  Map<String, Member> raw(String name) {
    return byName.get(name);
  }

  /** Puts a captured group back (null: the name has none). */
  void restore(String name, Map<String, Member> group) {
    if (group == null) {
      byName.remove(name);
    } else {
      byName.put(name, group);
    }
  }

  /** Drops the table from its group (a table created after a snapshot, reset away). */
  void forget(Table table) {
    Map<String, Member> group = byName.get(table.name());
    Member member = group == null ? null : group.get(table.region());
    if (member != null && member.table() == table) {
      Map<String, Member> next = new LinkedHashMap<>(group);
      next.remove(table.region());
      restore(table.name(), next.isEmpty() ? null : Map.copyOf(next));
    }
  }

  private static boolean isLive(Member member, Table table) {
    return member != null && member.table() == table;
  }
}
