package dev.dynamodouble.core.autoscaling;

import dev.dynamodouble.core.table.Table;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The auto-scaling settings of each table (the instance: a re-created table starts without any):
 * write settings for the table and its global indexes, read settings per replica region and index.
 */
public final class ReplicaAutoScaling {
  /** The settings of one table; an absent index or region has none. */
  public record TableSettings(AutoScalingSettings write, Map<String, AutoScalingSettings> indexWrite,
                              Map<String, AutoScalingSettings> replicaRead,
                              Map<String, Map<String, AutoScalingSettings>> replicaIndexRead) {
    static TableSettings empty() {
      return new TableSettings(null, Map.of(), Map.of(), Map.of());
    }
  }

  private final Map<Table, TableSettings> byTable = new ConcurrentHashMap<>();

  public TableSettings of(Table table) {
    return byTable.getOrDefault(table, TableSettings.empty());
  }

  public void put(Table table, TableSettings settings) {
    byTable.put(table, settings);
  }
}
