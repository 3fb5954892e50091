package dev.dynamodouble.core.consistency;

import dev.dynamodouble.core.engine.Catalog;
import dev.dynamodouble.core.storage.VersionedRoot;
import dev.dynamodouble.core.table.IndexDefinition;
import dev.dynamodouble.core.table.Table;
import dev.dynamodouble.core.table.TableData;
import dev.dynamodouble.core.time.DynamoClock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * Read consistency: what an eventually consistent read and a global secondary index read see.
 *
 * <p>DynamoDB answers an eventually consistent read from a replica that may not have the latest
 * writes yet, and updates a GSI asynchronously. Here, such a read may see the table as it was up
 * to a lag ago (an older root of the versioned store), and a GSI read its index as it was up to
 * the index's lag ago. Lags are zero by default (every read sees the latest state); they are set
 * for the engine, per table, per index, or for single calls by fault rules. Strongly consistent
 * reads and transactions always see the latest state.
 *
 * <p>Only while some lag is set are recent versions kept (every commit within the longest lag).
 */
public final class Consistency {
  /** One table's lags: its eventually consistent reads, and each of its indexes. */
  private record Lags(Duration read, Map<String, Duration> indexes) {}

  private final DynamoClock clock;
  private final Function<String, Catalog> regions;
  private final String defaultRegion;
  private volatile Duration engineLag = Duration.ZERO;
  private volatile Map<Table, Lags> tableLags = Map.of();
  private volatile Duration retention = Duration.ZERO;
  private final java.util.Set<Table> tracked = java.util.Collections.newSetFromMap(new java.util.WeakHashMap<>());
  private final Iterable<Catalog> catalogs;

  public Consistency(DynamoClock clock, Function<String, Catalog> regions, Iterable<Catalog> catalogs,
                     String defaultRegion) {
    this.clock = clock;
    this.regions = regions;
    this.catalogs = catalogs;
    this.defaultRegion = defaultRegion;
  }

  /** Eventually consistent reads of every table may be up to {@code lag} stale (zero: never). */
  public Consistency readLag(Duration lag) {
    engineLag = checked(lag);
    retainAtLeast(lag);
    return this;
  }

  /** Eventually consistent reads of this table (default region) may be up to {@code lag} stale. */
  public Consistency readLag(String table, Duration lag) {
    return readLag(defaultRegion, table, lag);
  }

  public Consistency readLag(String region, String table, Duration lag) {
    Table t = regions.apply(region).describedTable(table);
    update(t, lags -> new Lags(checked(lag), lags.indexes()));
    retainAtLeast(lag);
    return this;
  }

  /** Reads of this global secondary index (default region) see it as it was {@code lag} ago. */
  public Consistency indexLag(String table, String index, Duration lag) {
    return indexLag(defaultRegion, table, index, lag);
  }

  public Consistency indexLag(String region, String table, String index, Duration lag) {
    Table t = regions.apply(region).describedTable(table);
    if (!t.globalIndexes().stream().map(IndexDefinition::name).toList().contains(index)) {
      throw new IllegalArgumentException("table " + table + " has no global secondary index " + index);
    }
    update(t, lags -> {
      Map<String, Duration> indexes = new HashMap<>(lags.indexes());
      indexes.put(index, checked(lag));
      return new Lags(lags.read(), Map.copyOf(indexes));
    });
    retainAtLeast(lag);
    return this;
  }

  /** The engine-wide read lag. */
  public Duration readLag() {
    return engineLag;
  }

  private synchronized void update(Table table, java.util.function.UnaryOperator<Lags> change) {
    Map<Table, Lags> next = new HashMap<>(tableLags);
    next.put(table, change.apply(next.getOrDefault(table, new Lags(Duration.ZERO, Map.of()))));
    tableLags = Map.copyOf(next);
  }

  private static Duration checked(Duration lag) {
    Objects.requireNonNull(lag, "lag");
    if (lag.isNegative()) {
      throw new IllegalArgumentException("a lag must not be negative: " + lag);
    }
    return lag;
  }

  /**
   * Keeps every table's versions for at least {@code lag} from now on (fault rules with a lag call
   * this when they are added, so that their reads find versions to be stale with).
   */
  public synchronized void retainAtLeast(Duration lag) {
    if (lag.compareTo(retention) <= 0) {
      return;
    }
    retention = lag;
    for (Catalog catalog : catalogs) {
      for (Table table : catalog.tables()) {
        track(table);
      }
    }
  }

  /** A table the engine has just added: keep its versions if some lag is set. */
  public synchronized void tableAdded(Table table) {
    if (!retention.isZero()) {
      track(table);
    }
  }

  /**
   * Seeds the table's recent versions and listens to its commits with no commit in between: single
   * item writes commit under the shared side of the engine's lock, beside whoever calls this.
   */
  private void track(Table table) {
    if (tracked.add(table)) {
      VersionedRoot<TableData> versions = table.versions();
      versions.atCurrent(current -> versions.addCommitListener(
          table.attachment(RecentVersions.class, t -> new RecentVersions(current, () -> retention))));
    }
  }

  /**
   * The state a read of {@code table} sees: the latest for a strongly consistent read; for an
   * eventually consistent one, the state as of the longest lag in force (the engine's, the
   * table's, the call's); for a read of a global secondary index, also the index's lag.
   *
   * @param index the index read, or null
   * @param note the call's own lags from fault rules, or null
   */
  public TableData view(Table table, String index, boolean consistent, LagNote note) {
    TableData latest = table.snapshot();
    RecentVersions recent = table.attachment(RecentVersions.class);
    if (recent == null) {
      return latest;
    }
    Lags lags = tableLags.get(table);
    Duration lag = Duration.ZERO;
    if (!consistent) {
      lag = longest(engineLag, lags == null ? null : lags.read(), note == null ? null : note.read());
    }
    boolean global = index != null && table.globalIndexes().stream().anyMatch(i -> i.name().equals(index));
    if (global) {
      lag = longest(lag, lags == null ? null : lags.indexes().get(index), note == null ? null : note.index());
    }
    if (lag.isZero()) {
      return latest;
    }
    TableData past = recent.asOf(clock.now().minus(lag));
    return index != null && past.index(index) == null ? latest : past; // an index newer than the lag
  }

  private static Duration longest(Duration a, Duration b, Duration c) {
    Duration max = a;
    if (b != null && b.compareTo(max) > 0) {
      max = b;
    }
    if (c != null && c.compareTo(max) > 0) {
      max = c;
    }
    return max;
  }

  /** The settings now, to put back with {@link #restore} (a test's reset). */
  public Object snapshot() {
    return new Object[] {engineLag, tableLags};
  }

  /** Puts back the lags of a {@link #snapshot()} and forgets the recent versions (they are not recent any more). */
  @SuppressWarnings("unchecked")
  public synchronized void restore(Object snapshot) {
    Object[] state = (Object[]) snapshot;
    engineLag = (Duration) state[0];
    tableLags = (Map<Table, Lags>) state[1];
    for (Table table : tracked) {
      RecentVersions recent = table.attachment(RecentVersions.class);
      if (recent != null) {
        table.versions().atCurrent(recent::reset); // a commit beside it is kept, not dropped for an older current
      }
    }
  }
}
