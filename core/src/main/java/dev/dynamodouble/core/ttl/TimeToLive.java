package dev.dynamodouble.core.ttl;

import dev.dynamodouble.core.engine.Catalog;
import dev.dynamodouble.core.engine.Engine;
import dev.dynamodouble.core.error.DynamoException;
import dev.dynamodouble.core.feed.ChangeFeed;
import dev.dynamodouble.core.feed.Origin;
import dev.dynamodouble.core.storage.Version;
import dev.dynamodouble.core.table.StoredItem;
import dev.dynamodouble.core.table.Table;
import dev.dynamodouble.core.table.TableData;
import dev.dynamodouble.core.time.DynamoClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/**
 * Time to Live for every table of an engine: the settings UpdateTimeToLive and DescribeTimeToLive
 * work on, and the sweeper that deletes expired items, driven only by the engine clock.
 *
 * <p>An item expires at the instant its TTL attribute names (a Number of epoch seconds); it is
 * expired once the clock is past that instant, and it stays readable, as in DynamoDB, until a sweep
 * deletes it. Sweeps run on a grid of {@link #sweepInterval()} (one second by default): an item is
 * deleted by the first sweep strictly after its expiry plus {@link #deletionDelay()} (zero by
 * default) and strictly after the moment the sweeper learned of it. So an item whose TTL is already
 * in the past when it is written is still there when the write returns, and gone once the clock
 * has moved past the next whole second.
 *
 * <p>Sweeps are scheduled only when something falls due: each table keeps an index of its items by
 * (expiry, key), and one sweep is pending per table, at the sweep time of the index's head. A clock
 * moved by 35 days therefore runs one task per distinct expiry second, not one per second, and a
 * table where nothing expires costs nothing. Deletions go through {@link TableData#delete}, so
 * every secondary index and the table's counts follow; they consume no capacity and are reported to
 * {@link TtlDeletionListener}s with the service's {@link UserIdentity}.
 */
public final class TimeToLive {
  /** How long after a change of a table's TTL setting another change is refused (documented: one hour). */
  public static final Duration DEFAULT_MODIFICATION_COOLDOWN = Duration.ofHours(1);
  /** Deletions per commit; a sweep with more due continues at the same instant. */
  private static final int MAX_DELETIONS_PER_COMMIT = 10_000;
  private static final long NANOS_PER_SECOND = 1_000_000_000L;

  private final Engine engine;
  private final List<TtlDeletionListener> listeners = new CopyOnWriteArrayList<>();
  private volatile Duration deletionDelay = Duration.ZERO;
  private volatile Duration sweepInterval = Duration.ofSeconds(1);
  private volatile Duration modificationCooldown = DEFAULT_MODIFICATION_COOLDOWN;

  public TimeToLive(Engine engine) {
    this.engine = Objects.requireNonNull(engine, "engine");
  }

  /** How long past its expiry an item survives at least (zero: it goes in the first sweep after expiry). */
  public Duration deletionDelay() {
    return deletionDelay;
  }

  public TimeToLive deletionDelay(Duration delay) {
    if (delay.isNegative()) {
      throw new IllegalArgumentException("the TTL deletion delay must not be negative: " + delay);
    }
    this.deletionDelay = delay;
    return this;
  }

  /** The spacing of the sweep grid: sweeps happen only at multiples of it (since the epoch). */
  public Duration sweepInterval() {
    return sweepInterval;
  }

  public TimeToLive sweepInterval(Duration interval) {
    long nanos = interval.isNegative() ? -1 : interval.toNanos();
    boolean onGrid = nanos >= NANOS_PER_SECOND ? nanos % NANOS_PER_SECOND == 0 : nanos > 0 && NANOS_PER_SECOND % nanos == 0;
    if (!onGrid) {
      throw new IllegalArgumentException(
          "the TTL sweep interval must be a whole number of seconds or divide one second evenly: " + interval);
    }
    this.sweepInterval = interval;
    return this;
  }

  /** How long after one UpdateTimeToLive on a table the next is refused. */
  public Duration modificationCooldown() {
    return modificationCooldown;
  }

  public TimeToLive modificationCooldown(Duration cooldown) {
    if (cooldown.isNegative()) {
      throw new IllegalArgumentException("the TTL modification cooldown must not be negative: " + cooldown);
    }
    this.modificationCooldown = cooldown;
    return this;
  }

  public void addDeletionListener(TtlDeletionListener listener) {
    listeners.add(Objects.requireNonNull(listener, "listener"));
  }

  public boolean removeDeletionListener(TtlDeletionListener listener) {
    return listeners.remove(listener);
  }

  /** One table's TTL settings, as a reset puts them back. */
  private record Saved(TtlStatus status, String attribute, java.time.Instant lastModified, long generation,
                       Object[] sweep) {}

  /** Every table's TTL settings now (an engine snapshot's part). */
  public Object capture() {
    java.util.Map<Table, Saved> saved = new java.util.HashMap<>();
    for (Catalog catalog : engine.regions()) {
      for (Table table : catalog.tables()) {
        TtlTable state = table.attachment(TtlTable.class);
        if (state != null) {
          saved.put(table, new Saved(state.status, state.attribute, state.lastModified, state.generation,
              state.sweepState()));
        }
      }
    }
    return saved;
  }

  /**
   * Puts back the settings of a {@link #capture()} after the tables are back: the expiry index is
   * rebuilt from the restored items and the next sweep scheduled again. Pending status
   * transitions of the snapshot (restored with the clock) still apply: the generation is theirs.
   */
  @SuppressWarnings("unchecked")
  public void restore(Object captured) {
    java.util.Map<Table, Saved> saved = (java.util.Map<Table, Saved>) captured;
    for (Catalog catalog : engine.regions()) {
      for (Table table : catalog.tables()) {
        TtlTable state = table.attachment(TtlTable.class);
        if (state == null) {
          continue;
        }
        Saved was = saved.getOrDefault(table, new Saved(TtlStatus.DISABLED, null, null, state.generation,
            new Object[] {null, null, 0L}));
        // The pending sweep of the snapshot is back on the clock: forget the test's without cancelling it.
        state.sweepState(new Object[] {null, null, 0L});
        state.stopIndexing();
        state.status = was.status();
        state.attribute = was.attribute();
        state.lastModified = was.lastModified();
        state.generation = was.generation();
        if (was.status() == TtlStatus.ENABLED) {
          state.startIndexing(engine.clock()::now, () -> reschedule(state));
        }
        state.sweepState(was.sweep());
      }
    }
  }

  /** The table's TimeToLiveDescription. */
  public TtlDescription describe(Table table) {
    TtlTable state = table.attachment(TtlTable.class);
    return state == null ? new TtlDescription(TtlStatus.DISABLED, null) : state.describe();
  }

  /**
   * UpdateTimeToLive's work on an existing table, with DynamoDB's checks in its order: the request
   * must change something (else "already enabled/disabled", or "active on a different
   * AttributeName"), then the table's TTL must not have changed within the cooldown. Enabling sets
   * ENABLING and disabling DISABLING at once; the engine's status delay later settles them to
   * ENABLED / DISABLED. Expired items are deleted only while ENABLED. Call under the engine's
   * write lock.
   */
  public void update(Table table, String attribute, boolean enabled) {
    TtlTable state = table.attachment(TtlTable.class, TtlTable::new);
    TtlStatus status = state.status;
    if (status.isActive() && !attribute.equals(state.attribute)) {
      throw DynamoException.validation("TimeToLive is active on a different AttributeName: current AttributeName is "
          + state.attribute);
    }
    if (enabled && (status == TtlStatus.ENABLING || status == TtlStatus.ENABLED)) {
      throw DynamoException.validation("TimeToLive is already enabled");
    }
    if (!enabled && (status == TtlStatus.DISABLING || status == TtlStatus.DISABLED)) {
      throw DynamoException.validation("TimeToLive is already disabled");
    }
    Instant now = engine.clock().now();
    Instant last = state.lastModified;
    if (last != null && now.isBefore(last.plus(modificationCooldown))) {
      throw DynamoException.validation("Time to live has been modified multiple times within a fixed interval");
    }
    apply(state, attribute, enabled, now);
  }

  /**
   * Gives a replica of a global table the TTL setting another replica just took (DynamoDB
   * synchronizes it), with none of UpdateTimeToLive's checks: the replicas move together. Nothing
   * happens when the replica already has it. Call under the engine's write lock.
   */
  public void follow(Table replica, Table source) {
    TtlTable from = source.attachment(TtlTable.class);
    TtlStatus wanted = from == null ? TtlStatus.DISABLED : from.status;
    TtlTable state = replica.attachment(TtlTable.class, TtlTable::new);
    boolean wantOn = wanted == TtlStatus.ENABLING || wanted == TtlStatus.ENABLED;
    boolean isOn = state.status == TtlStatus.ENABLING || state.status == TtlStatus.ENABLED;
    if (wantOn == isOn && (!wantOn || from.attribute.equals(state.attribute))) {
      return;
    }
    apply(state, wantOn ? from.attribute : state.attribute, wantOn, from.lastModified);
  }

  private void apply(TtlTable state, String attribute, boolean enabled, Instant now) {
    state.lastModified = now;
    long generation = ++state.generation;
    state.stopIndexing();
    if (enabled) {
      state.attribute = attribute;
      state.status = TtlStatus.ENABLING;
      afterStatusDelay(() -> {
        if (state.generation == generation && state.status == TtlStatus.ENABLING) {
          state.status = TtlStatus.ENABLED;
          state.startIndexing(engine.clock()::now, () -> reschedule(state));
          reschedule(state);
        }
      });
    } else {
      state.status = TtlStatus.DISABLING;
      afterStatusDelay(() -> {
        if (state.generation == generation && state.status == TtlStatus.DISABLING) {
          state.status = TtlStatus.DISABLED;
          state.attribute = null;
        }
      });
    }
  }

  private void afterStatusDelay(Runnable transition) {
    engine.clock().scheduleAfter(engine.options().statusDelay(), () -> engine.write(transition));
  }

  /**
   * Deletes, now, every item of every TTL-enabled table whose expiry has passed, whatever the
   * deletion delay and the sweep grid (DynamoDB's five-year rule still holds). The way for a test,
   * or the control API, to say "the sweeper has run". Returns how many items were deleted.
   */
  public int deleteExpiredNow() {
    int deleted = 0;
    for (Catalog catalog : engine.regions()) {
      for (Table table : List.copyOf(catalog.tables())) {
        deleted += deleteExpiredNow(table);
      }
    }
    return deleted;
  }

  /** {@link #deleteExpiredNow()} for one table. */
  public int deleteExpiredNow(Table table) {
    TtlTable state = table.attachment(TtlTable.class);
    if (state == null) {
      return 0;
    }
    return engine.write(() -> {
      if (state.status != TtlStatus.ENABLED || !live(table)) {
        return 0;
      }
      Instant now = engine.clock().now();
      Predicate<TtlTable.Entry> expired = entry -> entry.expiresAt().isBefore(now);
      int total = 0;
      while (dueAt(state, expired)) {
        total += delete(state, state.takeDue(expired, MAX_DELETIONS_PER_COMMIT), now);
      }
      reschedule(state);
      return total;
    });
  }

  /** The number of items in the table's expiry index (zero unless TTL is ENABLED); for inspection. */
  public int indexedItems(Table table) {
    TtlTable state = table.attachment(TtlTable.class);
    return state == null ? 0 : state.indexSize();
  }

  /** When the table's next sweep is due, or null when none is pending; for inspection. */
  public Instant nextSweep(Table table) {
    TtlTable state = table.attachment(TtlTable.class);
    return state == null ? null : state.sweepDue();
  }

  /** Makes sure a sweep is pending for the earliest entry of the index (or none when it is empty). */
  private void reschedule(TtlTable state) {
    TtlTable.Entry first = state.first();
    if (first == null || state.status != TtlStatus.ENABLED) {
      state.cancelSweep();
      return;
    }
    DynamoClock clock = engine.clock();
    Instant due = sweepTime(first.expiresAt(), clock.now());
    state.scheduleSweep(clock, due, token -> () -> sweep(state, token));
  }

  /** The first grid instant strictly after both the item's expiry plus the delay and now. */
  Instant sweepTime(Instant expiresAt, Instant now) {
    Instant eligible = expiresAt.plus(deletionDelay);
    Instant from = eligible.isAfter(now) ? eligible : now;
    return nextGridInstant(from);
  }

  /** The first multiple of the sweep interval (since the epoch) strictly after {@code t}. */
  private Instant nextGridInstant(Instant t) {
    long step = sweepInterval.toNanos();
    if (step >= NANOS_PER_SECOND) {
      long stepSeconds = step / NANOS_PER_SECOND;
      return Instant.ofEpochSecond(Math.floorDiv(t.getEpochSecond(), stepSeconds) * stepSeconds + stepSeconds);
    }
    long next = (t.getNano() / step) * step + step;
    return Instant.ofEpochSecond(t.getEpochSecond()).plusNanos(next);
  }

  private void sweep(TtlTable state, long token) {
    engine.write(() -> {
      if (!state.claimSweep(token)) {
        return;
      }
      if (state.status != TtlStatus.ENABLED || !live(state.table)) {
        return; // a deleted table stays indexed: a reset that brings it back resumes its sweeps on its next commit
      }
      Instant now = engine.clock().now();
      Predicate<TtlTable.Entry> due = entry -> entry.expiresAt().plus(deletionDelay).isBefore(now);
      delete(state, state.takeDue(due, MAX_DELETIONS_PER_COMMIT), now);
      if (dueAt(state, due)) {
        state.scheduleSweep(engine.clock(), now, next -> () -> sweep(state, next)); // the rest, at this same instant
      } else {
        reschedule(state);
      }
    });
  }

  private static boolean dueAt(TtlTable state, Predicate<TtlTable.Entry> due) {
    TtlTable.Entry first = state.first();
    return first != null && due.test(first);
  }

  /** Deletes the items of {@code entries} that still carry that expiry, in one commit; returns how many. */
  private int delete(TtlTable state, List<TtlTable.Entry> entries, Instant now) {
    if (entries.isEmpty()) {
      return 0;
    }
    Table table = state.table;
    String attribute = state.attribute;
    TableData data = table.snapshot();
    TableData next = data;
    List<TtlTable.Entry> deleted = new ArrayList<>();
    List<StoredItem> images = new ArrayList<>();
    List<ChangeFeed.Edit> edits = new ArrayList<>();
    for (TtlTable.Entry entry : entries) {
      StoredItem item = next.get(entry.key());
      Instant expiry = Expiry.of(item, attribute);
      // The index follows every commit, so this holds; checked anyway, and the five-year rule at sweep time.
      if (expiry == null || !expiry.equals(entry.expiresAt()) || Expiry.tooOld(expiry, now)) {
        continue;
      }
      next = next.delete(entry.key());
      deleted.add(entry);
      images.add(item);
      edits.add(new ChangeFeed.Edit(entry.key(), item, null));
    }
    if (next == data) {
      return 0;
    }
    Version<TableData> version = engine.feed().commit(table, next, now, Origin.TTL, edits);
    if (!listeners.isEmpty()) {
      for (int i = 0; i < deleted.size(); i++) {
        StoredItem image = images.get(i);
        TtlDeletion deletion = new TtlDeletion(table.region(), table.name(), table.arn(), deleted.get(i).key(),
            table.keySchema().keyMap(image.attributes()), image, deleted.get(i).expiresAt(), now,
            version.sequence(), UserIdentity.DYNAMODB_SERVICE);
        for (TtlDeletionListener listener : listeners) {
          listener.deleted(deletion);
        }
      }
    }
    return deleted.size();
  }

  /** Whether the table is still in its catalog and serving items. */
  private boolean live(Table table) {
    return engine.isCurrent(table) && table.status().servesItems();
  }
}
