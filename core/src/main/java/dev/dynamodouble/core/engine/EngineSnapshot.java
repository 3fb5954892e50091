package dev.dynamodouble.core.engine;

import dev.dynamodouble.core.table.Table;
import dev.dynamodouble.core.table.TableData;
import java.util.List;
import java.util.Map;

/**
 * The state of every table of an engine at one moment, held in O(1) per table: each entry is a
 * reference to an immutable root. Restoring it puts every table back to that root, re-adds tables
 * deleted since, and drops tables created since.
 */
public final class EngineSnapshot {
  record Entry(Table table, TableData data, Table.Settings settings,
               dev.dynamodouble.core.feed.ChangeFeed.Captured feedState) {}

  private final Map<String, List<Entry>> byRegion;
  private final Map<String, dev.dynamodouble.core.auth.ResourcePolicies.Attached> resourcePolicies;

  EngineSnapshot(Map<String, List<Entry>> byRegion,
                 Map<String, dev.dynamodouble.core.auth.ResourcePolicies.Attached> resourcePolicies) {
    this.byRegion = byRegion;
    this.resourcePolicies = resourcePolicies;
  }

  /** The resource-based policies attached then. */
  Map<String, dev.dynamodouble.core.auth.ResourcePolicies.Attached> resourcePolicies() {
    return resourcePolicies;
  }

  Map<String, List<Entry>> byRegion() {
    return byRegion;
  }

  /** The number of tables captured. */
  public int tableCount() {
    return byRegion.values().stream().mapToInt(List::size).sum();
  }
}
