package dev.dynamodouble.core.engine;

import dev.dynamodouble.core.table.Table;
import dev.dynamodouble.core.table.TableData;
import java.util.List;
import java.util.Map;

/**
 * The state of an engine at one moment, held in O(1) per table: each entry is a reference to an
 * immutable root; with it the clock (its time and pending tasks) and the state of every
 * {@link SnapshotParticipant} (fault rules, read lags, TTL and PITR settings, backups ...).
 * Restoring it puts the clock back (a manual one to that instant), every table back to that root,
 * re-adds tables deleted since, drops tables created since, and puts the services back.
 */
public final class EngineSnapshot {
  record Entry(Table table, TableData data, Table.Settings settings,
               dev.dynamodouble.core.feed.ChangeFeed.Captured feedState) {}

  private final Map<String, List<Entry>> byRegion;
  private final Object clock;
  private final Map<SnapshotParticipant, Object> services;

  EngineSnapshot(Map<String, List<Entry>> byRegion, Object clock, Map<SnapshotParticipant, Object> services) {
    this.byRegion = byRegion;
    this.clock = clock;
    this.services = services;
  }

  Object clock() {
    return clock;
  }

  Map<SnapshotParticipant, Object> services() {
    return services;
  }

  Map<String, List<Entry>> byRegion() {
    return byRegion;
  }

  /** The number of tables captured. */
  public int tableCount() {
    return byRegion.values().stream().mapToInt(List::size).sum();
  }
}
