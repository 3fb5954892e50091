package dev.dynamodouble.core.replication;

import dev.dynamodouble.core.engine.Catalog;
import dev.dynamodouble.core.error.DynamoException;
import dev.dynamodouble.core.error.ErrorCode;
import dev.dynamodouble.core.fault.FaultHandle;
import dev.dynamodouble.core.fault.Faults;
import dev.dynamodouble.core.feed.ChangeFeed;
import dev.dynamodouble.core.feed.FeedSubscriber;
import dev.dynamodouble.core.feed.ItemChange;
import dev.dynamodouble.core.feed.Origin;
import dev.dynamodouble.core.storage.PersistentSortedMap;
import dev.dynamodouble.core.table.ItemKey;
import dev.dynamodouble.core.table.StoredItem;
import dev.dynamodouble.core.table.Table;
import dev.dynamodouble.core.time.DynamoClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Global-table replication (version 2019.11.21): every change committed to a replica travels to
 * every other replica over a {@link Link} per region pair, and is applied there after the link's
 * lag on the engine clock, unless a newer write (by {@link Stamp}) got there first, so concurrent
 * writes converge to the last writer everywhere. Applied changes are committed through the feed
 * with {@link Origin#REPLICATION}: they reach the replica's stream and are not sent on again.
 *
 * <p>The control methods ({@link #lag}, {@link #pause}, {@link #resume}, {@link #partition},
 * {@link #heal}) are what a test, the control API or a fault rule calls; they are safe from any
 * thread.
 */
public final class Replication implements FeedSubscriber {
  /** The lag of a link nobody configured. */
  public static final Duration DEFAULT_LAG = Duration.ofSeconds(1);
  /** The message of ReplicatedWriteConflictException (the API reference's description of it). */
  public static final String CONFLICT_MESSAGE =
      "The request was rejected because one or more items in the request are being modified by a request in "
          + "another Region.";

  private final DynamoClock clock;
  private final ChangeFeed feed;
  private final Consumer<Runnable> locked;
  private final ReplicaGroups groups;
  private final LegacyGlobalTables legacy = new LegacyGlobalTables();
  private final Faults faults;
  private final Map<LinkKey, Link> links = new ConcurrentHashMap<>();
  private volatile Duration defaultLag = DEFAULT_LAG;
  /** Regions cut off by {@link #partition}: their links, present and future, are paused. */
  private final java.util.Set<String> partitioned = ConcurrentHashMap.newKeySet();
  private final StrongConsistency strong = new StrongConsistency();

  /**
   * @param regions a region's catalog by name
   * @param locked runs its argument under the engine's write lock
   * @param faults the fault rules consulted for every change sent (replicationLag, replicationPaused)
   */
  public Replication(DynamoClock clock, ChangeFeed feed, Function<String, Catalog> regions, Consumer<Runnable> locked,
                     Faults faults) {
    this.clock = clock;
    this.feed = feed;
    this.locked = locked;
    this.groups = new ReplicaGroups(regions);
    this.faults = faults;
    feed.subscribe(this);
    faults.onRemoval(() -> locked.accept(() -> {
      for (Link link : links.values()) {
        if (link.faulted > 0) {
          scheduleDrain(link); // a paused rule removed: its changes are due
        }
      }
    }));
  }

  // ---- control ----

  /** Sets the lag of changes from {@code from} to {@code to}; waiting changes follow the new lag. */
  public Replication lag(String from, String to, Duration lag) {
    requirePositive(lag);
    return changeLink(from, to, link -> link.lag = lag);
  }

  /** The lag from {@code from} to {@code to}. */
  public Duration lag(String from, String to) {
    Link link = links.get(key(from, to));
    return link == null ? defaultLag : link.lag;
  }

  /** Sets the lag of every link not given one of its own. */
  public Replication defaultLag(Duration lag) {
    requirePositive(lag);
    locked.accept(() -> {
      Duration old = defaultLag;
      defaultLag = lag;
      for (Link link : links.values()) {
        if (link.lag.equals(old)) {
          link.lag = lag;
          scheduleDrain(link);
        }
      }
    });
    return this;
  }

  /** Stops delivering changes from {@code from} to {@code to}; they queue until {@link #resume}. */
  public Replication pause(String from, String to) {
    return changeLink(from, to, link -> link.paused = true);
  }

  /** Delivers what queued while paused (each change at its commit time plus the lag, or at once if that passed). */
  public Replication resume(String from, String to) {
    return changeLink(from, to, link -> {
      link.paused = false;
      strong.acknowledge(from, to);
    });
  }

  /** Changes a link under the lock, then schedules what the change made due. */
  private Replication changeLink(String from, String to, Consumer<Link> change) {
    locked.accept(() -> {
      Link link = link(from, to);
      change.accept(link);
      scheduleDrain(link);
    });
    return this;
  }

  public boolean isPaused(String from, String to) {
    Link link = links.get(key(from, to));
    return link != null && link.paused;
  }

  /** Pauses every link to and from {@code region}, now and for replicas added later, until {@link #heal}. */
  public Replication partition(String region) {
    locked.accept(() -> {
      partitioned.add(region);
      forLinksOf(region, link -> link.paused = true);
    });
    return this;
  }

  /** Resumes every link to and from {@code region}. */
  public Replication heal(String region) {
    locked.accept(() -> {
      partitioned.remove(region);
      forLinksOf(region, link -> {
        link.paused = false;
        strong.acknowledge(link.from, link.to);
        scheduleDrain(link);
      });
    });
    return this;
  }

  /**
   * Applies now, in order, up to {@code count} of the changes waiting from {@code from} to
   * {@code to}, whatever the lag and even when the link is paused: a test steps replication one
   * change at a time (another region seeing part of a transaction). Returns how many were applied.
   */
  public int release(String from, String to, int count) {
    int[] applied = new int[1];
    locked.accept(() -> {
      Link link = link(from, to);
      Instant now = clock.now();
      while (applied[0] < count && !link.queue.isEmpty()) {
        apply(link.to, link.poll(), now);
        applied[0]++;
      }
    });
    return applied[0];
  }

  /**
   * Applies now every change waiting on every link, paused or not (fixtures reach every replica),
   * and has every MRSC write acknowledged.
   */
  public void flush() {
    locked.accept(() -> {
      strong.acknowledgeAll();
      Instant now = clock.now();
      for (Link link : links.values()) {
        while (!link.queue.isEmpty()) {
          apply(link.to, link.poll(), now);
        }
      }
    });
  }

  /**
   * The number of changes committed in {@code from} not yet applied in {@code to} (of an MRSC
   * table: writes {@code to} has not acknowledged).
   */
  public int pending(String from, String to) {
    Link link = links.get(key(from, to));
    return (link == null ? 0 : link.queue.size()) + strong.awaiting(from, to);
  }

  /** The number of changes waiting on every link. */
  public int pending() {
    int total = strong.awaiting();
    for (Link link : links.values()) {
      total += link.queue.size();
    }
    return total;
  }

  /** Every link back to the default lag, unpaused, with nothing waiting. */
  public void reset() {
    locked.accept(() -> {
      links.clear();
      partitioned.clear();
      strong.acknowledgeAll();
      defaultLag = DEFAULT_LAG;
    });
  }

  // ---- replicas (for the operations) ----

  /** The live replicas of the table's global table, by region, itself included; empty when it has none. */
  public Map<String, Table> replicas(Table table) {
    Map<String, Table> out = new java.util.TreeMap<>();
    groups.of(table).forEach((region, member) -> out.put(region, member.table()));
    return out;
  }

  /** What ReplicaUpdates asked for the replica in {@code region} of the table's global table. */
  public ReplicaSettings settings(Table table, String region) {
    ReplicaGroups.Member member = groups.of(table).get(region);
    return member == null ? ReplicaSettings.NONE : member.settings();
  }

  /**
   * Makes {@code replica} (a new, empty table in another region, with the same key schema) a
   * replica of {@code origin}'s global table, backfilled with origin's items. Call under the lock.
   */
  public void addReplica(Table origin, Table replica, ReplicaSettings settings) {
    feed.commitSchema(replica, origin.snapshot(), clock.now()); // shares the immutable tree: O(1)
    stamps(replica).all(stamps(origin).all());
    attach(origin);
    attach(replica);
    groups.addReplica(origin, new ReplicaGroups.Member(replica, settings));
  }

  /** Records new settings for an existing replica. Call under the lock. */
  public void updateReplica(Table origin, Table replica, ReplicaSettings settings) {
    groups.update(origin, new ReplicaGroups.Member(replica, settings(origin, replica.region()).merge(settings)));
  }

  /**
   * Joins {@code member} (an empty table) to the version 2017.11.29 global table of {@code existing}
   * (itself when the global table is new) without copying items: CreateGlobalTable and
   * UpdateGlobalTable, whose tables are all empty. Call under the lock.
   */
  public void join(Table existing, Table member) {
    attach(existing);
    attach(member);
    groups.join(existing, new ReplicaGroups.Member(member, ReplicaSettings.NONE));
  }

  /** Takes {@code member} out of its group; the table stays, on its own. Call under the lock. */
  public void leave(Table member) {
    groups.forget(member);
  }

  /**
   * The tables of the version 2017.11.29 global table of that name still in their regions, by
   * region; empty when there is none.
   */
  public Map<String, Table> members(String name) {
    Map<String, Table> out = new java.util.TreeMap<>();
    groups.legacy(name).forEach((region, member) -> out.put(region, member.table()));
    return out;
  }

  /** Whether a version 2019.11.21 global table of that name has replicas. */
  public boolean replicated(String name) {
    return groups.replicated(name);
  }

  /** The global tables as plain values, for a data directory. Call under the lock. */
  public GlobalTableState state() {
    return GlobalTableState.capture(groups, legacy);
  }

  /** Puts back global tables a data directory kept, over tables already in their regions. Call under the lock. */
  public void recovered(GlobalTableState state) {
    state.install(this, groups, legacy, groups::catalog);
  }

  /** Marks the table as (having been) part of a global table of this replication. */
  void attach(Table table) {
    table.attachment(Ref.class, t -> new Ref(this));
  }

  /** The version 2017.11.29 global tables. */
  public LegacyGlobalTables legacy() {
    return legacy;
  }

  /** Whether the table is a member of a version 2017.11.29 global table. */
  public boolean isLegacy(Table table) {
    ReplicaGroups.GlobalTable global = groups.globalTableOf(table);
    return global != null && global.legacy() && legacy.get(table.name()) != null;
  }

  // ---- multi-Region strong consistency (MRSC) ----

  /**
   * Makes the table's global table (its replicas just added) replicate synchronously, with a
   * witness in {@code witness} (null: none). Call under the lock.
   */
  public void makeStrong(Table origin, String witness) {
    groups.strong(origin, new StrongConsistency.Group(origin.region(), witness, false, false));
  }

  /** The witness of the table's MRSC global table turns ACTIVE (its creation is done). */
  public void witnessActive(Table table) {
    StrongConsistency.Group group = strongGroupOf(table);
    if (group != null && !group.dissolving()) {
      groups.strong(table, new StrongConsistency.Group(group.origin(), group.witness(), true, false));
    }
  }

  /** The table's MRSC global table is being dissolved: its witness is DELETING. Call under the lock. */
  public void dissolve(Table table) {
    StrongConsistency.Group group = strongGroupOf(table);
    if (group != null) {
      groups.strong(table, new StrongConsistency.Group(group.origin(), group.witness(), group.active(), true));
    }
  }

  /** Whether the table is a replica of a global table with MultiRegionConsistency STRONG. */
  public boolean isStrong(Table table) {
    return strongGroupOf(table) != null && !groups.of(table).isEmpty();
  }

  /** The witness region of the table's MRSC global table, or null. */
  public String witness(Table table) {
    StrongConsistency.Group group = isStrong(table) ? strongGroupOf(table) : null;
    return group == null ? null : group.witness();
  }

  /** The witness's status (CREATING, ACTIVE, DELETING), or null when the table has no witness. */
  public String witnessStatus(Table table) {
    StrongConsistency.Group group = isStrong(table) ? strongGroupOf(table) : null;
    return group == null || group.witness() == null ? null : group.witnessStatus();
  }

  /**
   * Refuses a write of the item in the table's region while another region's write of it is in
   * flight (ReplicatedWriteConflictException, retryable). Call under the lock, before writing.
   */
  public void checkNoConflict(Table table, ItemKey key) {
    ReplicaGroups.GlobalTable global = groups.globalTableOf(table);
    if (global == null || global.strong() == null) {
      return;
    }
    String other = strong.inFlightFrom(global.id(), key);
    if (other != null && !other.equals(table.region())) {
      throw new DynamoException(ErrorCode.REPLICATED_WRITE_CONFLICT, CONFLICT_MESSAGE);
    }
  }

  /** The MRSC settings of the global table the table is its region's replica of, or null. */
  private StrongConsistency.Group strongGroupOf(Table table) {
    ReplicaGroups.GlobalTable global = groups.globalTableOf(table);
    return global == null ? null : global.strong();
  }

  /**
   * Applies an MRSC write in every other replica now, whatever the lags; it stays in flight for a
   * replica whose link from here is paused.
   */
  private void replicateNow(long global, Table table, Link[] out, ItemChange change, Stamp stamp) {
    Instant now = clock.now();
    for (Link link : out) {
      apply(link.to, new Link.Pending(global, table.name(), change.key(), change.newItem(), stamp, change.at(), null),
          now);
      if (link.paused) {
        strong.awaiting(global, change.key(), table.region(), link.to);
      }
    }
  }

  /** The replication a table is or was a replica of, or null when it was never part of a global table. */
  public static Replication of(Table table) {
    Ref ref = table.attachment(Ref.class);
    return ref == null ? null : ref.replication();
  }

  private record Ref(Replication replication) {}

  // ---- the feed ----

  @Override
  public boolean wants(Table table) {
    return groups.replicates(table);
  }

  @Override
  public void committed(Table table, List<ItemChange> changes) {
    if (changes.get(0).origin() == Origin.REPLICATION) {
      return; // applied here from another region: the stamp was set when applying
    }
    ReplicaGroups.GlobalTable global = groups.globalTableOf(table);
    if (global == null) {
      return; // not a member after all (wants() was asked within the same commit: not expected)
    }
    List<String> others = groups.otherRegions(global, table);
    Link[] out = new Link[others.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = link(table.region(), others.get(i));
    }
    ItemStamps stamps = stamps(table);
    boolean synchronous = global.strong() != null;
    for (ItemChange change : changes) {
      Stamp stamp = Stamp.after(stamps.get(change.key()), change.at(), table.region());
      stamps.put(change.key(), stamp);
      if (synchronous) {
        replicateNow(global.id(), table, out, change, stamp);
        continue;
      }
      for (Link link : out) {
        FaultHandle fault = faults.replicationFault(table.name(), link.to, change.key().partition());
        link.queue.addLast(new Link.Pending(global.id(), table.name(), change.key(), change.newItem(), stamp,
            change.at(), fault));
        if (fault != null) {
          link.faulted++;
        }
        scheduleDrain(link);
      }
    }
  }

  @Override
  public Object capture(Table table) {
    return new Captured(groups.raw(table.name()), stamps(table).all(), legacy.get(table.name()));
  }

  @Override
  public void reset(Table table, Instant at, Object captured) {
    for (Link link : links.values()) {
      link.dropTable(table.name());
    }
    groups.named(table.name()).forEach(global -> strong.drop(global.id()));
    if (captured instanceof Captured state) {
      groups.restore(table.name(), state.globalTables());
      stamps(table).all(state.stamps());
      legacy.restore(table.name(), state.legacy());
    } else {
      groups.forget(table);
      if (groups.raw(table.name()) == null) {
        legacy.restore(table.name(), null);
      }
    }
  }

  /** A name's global tables (their members and MRSC settings), a table's stamps and the name's legacy entry. */
  private record Captured(List<ReplicaGroups.GlobalTable> globalTables, PersistentSortedMap<ItemKey, Stamp> stamps,
                          LegacyGlobalTables.Entry legacy) {}

  // ---- delivery ----

  private void scheduleDrain(Link link) {
    Instant due = link.nextDue();
    if (due == null || (link.drainAt != null && !due.isBefore(link.drainAt))) {
      return;
    }
    link.drainAt = due;
    clock.schedule(due, () -> locked.accept(() -> drain(link)));
  }

  /** Applies every change on the link that is due, in commit order. Under the lock. */
  private void drain(Link link) {
    if (links.get(key(link.from, link.to)) != link) {
      return; // reset since
    }
    link.drainAt = null;
    Instant now = clock.now();
    if (link.faulted == 0) { // due times in queue order: stop at the first not due
      while (!link.queue.isEmpty() && isDue(link.due(link.queue.peekFirst()), now)) {
        apply(link.to, link.poll(), now);
      }
    } else { // a rule's lag or pause: apply every due change, in commit order, skipping the others
      for (java.util.Iterator<Link.Pending> it = link.queue.iterator(); it.hasNext(); ) {
        Link.Pending change = it.next();
        if (isDue(link.due(change), now)) {
          it.remove();
          link.faulted -= change.fault() == null ? 0 : 1;
          apply(link.to, change, now);
        }
      }
    }
    scheduleDrain(link);
  }

  private static boolean isDue(Instant due, Instant now) {
    return due != null && !due.isAfter(now);
  }

  /** Applies one change to the replica in {@code region} unless it holds a later write of the item. */
  private void apply(String region, Link.Pending change, Instant now) {
    Table target = groups.target(change.global(), change.table(), region);
    if (target == null) {
      return; // the replica was deleted meanwhile
    }
    ItemStamps stamps = stamps(target);
    Stamp current = stamps.get(change.key());
    if (current != null && current.compareTo(change.stamp()) >= 0) {
      return; // last writer wins: this replica already has a later write of the item
    }
    stamps.put(change.key(), change.stamp());
    var data = target.snapshot();
    StoredItem before = data.get(change.key());
    var next = change.after() == null ? data.delete(change.key()) : data.put(change.key(), change.after(), before);
    feed.commit(target, next, now, Origin.REPLICATION, change.key(), before, change.after(), change.committedAt());
  }

  private Link link(String from, String to) {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    return links.computeIfAbsent(key(from, to), k -> {
      Link link = new Link(from, to, defaultLag);
      link.paused = partitioned.contains(from) || partitioned.contains(to);
      return link;
    });
  }

  private void forLinksOf(String region, Consumer<Link> action) {
    for (Link link : links.values()) {
      if (link.from.equals(region) || link.to.equals(region)) {
        action.accept(link);
      }
    }
  }

  private static LinkKey key(String from, String to) {
    return new LinkKey(from, to);
  }

  /** A link's key: a record rather than a concatenated string, as every change looks its links up. */
  private record LinkKey(String from, String to) {}

  private static ItemStamps stamps(Table table) {
    return table.attachment(ItemStamps.class, t -> new ItemStamps());
  }

  private static void requirePositive(Duration lag) {
    if (lag == null || lag.isNegative()) {
      throw new IllegalArgumentException("lag must be zero or positive: " + lag);
    }
  }
}
