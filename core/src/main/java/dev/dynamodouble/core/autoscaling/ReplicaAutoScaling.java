package dev.dynamodouble.core.autoscaling;

import dev.dynamodouble.core.table.Table;
import java.util.Map;

/**
 * The auto-scaling settings of one table, kept beside it (a table attachment: a re-created table
 * starts without any): write settings for the table and its global indexes, read settings per
 * replica region and index.
 */
public final class ReplicaAutoScaling {
  /** The settings of one table; an absent index or region has none. */
  public record TableSettings(AutoScalingSettings write, Map<String, AutoScalingSettings> indexWrite,
                              Map<String, AutoScalingSettings> replicaRead,
                              Map<String, Map<String, AutoScalingSettings>> replicaIndexRead) {}

  public static final TableSettings NONE = new TableSettings(null, Map.of(), Map.of(), Map.of());

  private volatile TableSettings settings = NONE;

  private ReplicaAutoScaling() {}

  /** The settings recorded for {@code table} (none recorded: every member empty). */
  public static TableSettings of(Table table) {
    ReplicaAutoScaling state = table.attachment(ReplicaAutoScaling.class);
    return state == null ? NONE : state.settings;
  }

  /** Records the settings of {@code table}. */
  public static void put(Table table, TableSettings settings) {
    table.attachment(ReplicaAutoScaling.class, t -> new ReplicaAutoScaling()).settings = settings;
  }
}
