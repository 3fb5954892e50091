package dev.dynamodouble.core.replication;

import dev.dynamodouble.core.engine.Catalog;
import dev.dynamodouble.core.table.Table;
import dev.dynamodouble.core.table.TableStatus;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * The global tables, by table name. Tables are regional, so a name may have several global tables,
 * each in regions of its own: one is found from a member table (or its id), never from the name
 * alone. A replica stays a member while its table is in its region's catalog (a DeleteTable in one
 * region removes that replica only). Changed under the engine's write lock; each name's global
 * tables are an immutable list of immutable values, read without locking.
 */
final class ReplicaGroups {
  /** One replica: its table and the settings its ReplicaUpdates asked for. */
  record Member(Table table, ReplicaSettings settings) {}

  /**
   * One global table: an id it keeps while it changes (a change on its way names the global table it
   * belongs to), its members by region (gone ones included until replaced), its MRSC settings (null:
   * eventually consistent) and whether it is a version 2017.11.29 one.
   */
  record GlobalTable(long id, Map<String, Member> members, StrongConsistency.Group strong, boolean legacy) {
    /** The table's member, or null when the table is not this global table's replica in its region. */
    Member member(Table table) {
      Member member = members.get(table.region());
      return member != null && member.table() == table ? member : null;
    }

    GlobalTable with(Member member) {
      Map<String, Member> next = new LinkedHashMap<>(members);
      next.put(member.table().region(), member);
      return new GlobalTable(id, Map.copyOf(next), strong, legacy);
    }

    GlobalTable without(Collection<String> regions) {
      Map<String, Member> next = new LinkedHashMap<>(members);
      next.keySet().removeAll(regions);
      return new GlobalTable(id, Map.copyOf(next), strong, legacy);
    }

    GlobalTable strong(StrongConsistency.Group settings) {
      return new GlobalTable(id, members, settings, legacy);
    }
  }

  private final ConcurrentHashMap<String, List<GlobalTable>> byName = new ConcurrentHashMap<>();
  private final AtomicLong ids = new AtomicLong();
  private final Function<String, Catalog> regions;

  ReplicaGroups(Function<String, Catalog> regions) {
    this.regions = regions;
  }

  /**
   * The global table the table is its region's member of (however many members are left), or null:
   * another table of that name, in a region outside it, is not. One map lookup for a table of no
   * global table.
   */
  GlobalTable globalTableOf(Table table) {
    List<GlobalTable> named = byName.get(table.name());
    if (named == null) {
      return null;
    }
    for (GlobalTable global : named) {
      if (global.member(table) != null) {
        return global;
      }
    }
    return null;
  }

  /** The live replicas of the table's global table by region (sorted), including itself; empty when not global. */
  Map<String, Member> of(Table table) {
    GlobalTable global = globalTableOf(table);
    Map<String, Member> live = global == null ? Map.of() : live(global);
    return live.size() < 2 ? Map.of() : live;
  }

  /** The members whose table is still in its region's catalog, by region (sorted). */
  Map<String, Member> live(GlobalTable global) {
    Map<String, Member> live = new TreeMap<>();
    for (Member member : global.members().values()) {
      if (regions.apply(member.table().region()).holds(member.table())) {
        live.put(member.table().region(), member);
      }
    }
    return live;
  }

  /** The live members of the version 2017.11.29 global table of that name, by region; empty when there is none. */
  Map<String, Member> legacy(String name) {
    for (GlobalTable global : named(name)) {
      if (global.legacy()) {
        return live(global);
      }
    }
    return Map.of();
  }

  /** Whether a version 2019.11.21 global table of that name has replicas (two live members or more). */
  boolean replicated(String name) {
    for (GlobalTable global : named(name)) {
      if (!global.legacy() && live(global).size() > 1) {
        return true;
      }
    }
    return false;
  }

  /** The regions of the table's other live replicas in {@code global} (its global table); no sorting, no map. */
  List<String> otherRegions(GlobalTable global, Table table) {
    List<String> others = new ArrayList<>(global.members().size());
    for (Member member : global.members().values()) {
      Table other = member.table();
      if (other != table && regions.apply(other.region()).holds(other)) {
        others.add(other.region());
      }
    }
    return others;
  }

  /** Whether the table is a replica that replicates (a member, not being deleted). */
  boolean replicates(Table table) {
    return table.status() != TableStatus.DELETING && globalTableOf(table) != null;
  }

  /** The replica of global table {@code id} in {@code region} that accepts replicated writes, or null. */
  Table target(long id, String name, String region) {
    for (GlobalTable global : named(name)) {
      Member member = global.id() == id ? global.members().get(region) : null;
      if (member != null) {
        Table table = member.table();
        return regions.apply(region).holds(table) && table.status() != TableStatus.DELETING ? table : null;
      }
    }
    return null;
  }

  /**
   * Adds {@code replica} to origin's global table, or, when origin has no replica left (or never
   * had one), makes a new, eventually consistent global table of the two: a replica set is formed
   * from the table being updated only, never from another global table that happens to share its
   * name.
   */
  void addReplica(Table origin, Member replica) {
    GlobalTable global = globalTableOf(origin);
    if (global == null || global.legacy() || live(global).size() < 2) {
      Member own = global == null ? new Member(origin, ReplicaSettings.NONE) : global.member(origin);
      global = create(List.of(own), false);
    }
    put(origin.name(), global.with(replica));
  }

  /** Replaces a member of origin's global table (new settings for an existing replica). */
  void update(Table origin, Member replica) {
    put(origin.name(), globalTableOf(origin).with(replica));
  }

  /**
   * Adds {@code member} to the version 2017.11.29 global table of {@code existing}, or makes a new
   * one of {@code existing} (itself when the global table is new).
   */
  void join(Table existing, Member member) {
    GlobalTable global = globalTableOf(existing);
    if (global == null || !global.legacy()) {
      global = create(List.of(new Member(existing, ReplicaSettings.NONE)), true);
    }
    put(existing.name(), global.with(member));
  }

  /** Sets the MRSC settings of the table's global table (null: eventual). */
  void strong(Table table, StrongConsistency.Group settings) {
    GlobalTable global = globalTableOf(table);
    if (global != null) {
      put(table.name(), global.strong(settings));
    }
  }

  /** A global table put back from a data directory, of its members found (none: nothing). */
  GlobalTable install(String name, List<Member> members, boolean legacy) {
    if (members.isEmpty()) {
      return null;
    }
    GlobalTable global = create(members, legacy);
    put(name, global);
    return global;
  }

  /** Sets the MRSC settings of the global table of that name with a member in {@code region}. */
  void installStrong(String name, String region, StrongConsistency.Group settings) {
    for (GlobalTable global : named(name)) {
      if (global.members().containsKey(region)) {
        put(name, global.strong(settings));
        return;
      }
    }
  }

  /** The catalog of a region. */
  Catalog catalog(String region) {
    return regions.apply(region);
  }

  /** Every name that has a global table (members may be gone from their regions). */
  java.util.Set<String> names() {
    return byName.keySet();
  }

  /** The global tables of a name; empty when it has none. */
  List<GlobalTable> named(String name) {
    return byName.getOrDefault(name, List.of());
  }

  /** The global tables of a name (for a snapshot), or null. */
  List<GlobalTable> raw(String name) {
    return byName.get(name);
  }

  /** Puts captured global tables back (null: the name has none). */
  void restore(String name, List<GlobalTable> named) {
    if (named == null) {
      byName.remove(name);
    } else {
      byName.put(name, named);
    }
  }

  /** Drops the table from its global table (a table created after a snapshot, reset away; a legacy replica leaving). */
  void forget(Table table) {
    GlobalTable global = globalTableOf(table);
    if (global != null) {
      put(table.name(), global.without(List.of(table.region())));
    }
  }

  private GlobalTable create(List<Member> members, boolean legacy) {
    Map<String, Member> byRegion = new LinkedHashMap<>();
    members.forEach(member -> byRegion.put(member.table().region(), member));
    return new GlobalTable(ids.incrementAndGet(), Map.copyOf(byRegion), null, legacy);
  }

  /**
   * Records {@code global} (new or changed) among its name's global tables. A region holds one
   * table of a name, so a region it has is taken out of the others: what they still had there was
   * a table since deleted (or the very table, moved to this global table). Another left with no
   * live member is dropped.
   */
  private void put(String name, GlobalTable global) {
    List<GlobalTable> next = new ArrayList<>();
    for (GlobalTable other : named(name)) {
      GlobalTable rest = other.id() == global.id() ? null : other.without(global.members().keySet());
      if (rest != null && !live(rest).isEmpty()) {
        next.add(rest);
      }
    }
    if (!global.members().isEmpty()) {
      next.add(global);
    }
    restore(name, next.isEmpty() ? null : List.copyOf(next));
  }
}
