package dev.dynamodouble.core.autoscaling;

import dev.dynamodouble.core.protocol.JsonRequest;
import dev.dynamodouble.core.table.Table;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

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

  /**
   * A table's settings as one request changes them, starting from the recorded ones; each request
   * names its own members, so the caller passes the field of each update.
   */
  public static final class Change {
    private AutoScalingSettings write;
    private final Map<String, AutoScalingSettings> indexWrite;
    private final Map<String, AutoScalingSettings> replicaRead;
    private final Map<String, Map<String, AutoScalingSettings>> replicaIndexRead;

    public Change(TableSettings current) {
      write = current.write();
      indexWrite = new HashMap<>(current.indexWrite());
      replicaRead = new HashMap<>(current.replicaRead());
      replicaIndexRead = new HashMap<>(current.replicaIndexRead());
    }

    /** Applies the table's write settings update, if there is one. */
    public void write(JsonRequest update) {
      write = AutoScalingSettings.applyIfGiven(write, update);
    }

    /** Applies each index update's write settings (under {@code field}); {@code index} names (and checks) its index. */
    public void indexWrite(List<JsonRequest> updates, String field, Function<JsonRequest, String> index) {
      applyPerIndex(indexWrite, updates, field, index);
    }

    /** Applies {@code region}'s read settings update, if there is one. */
    public void replicaRead(String region, JsonRequest update) {
      if (update != null) {
        replicaRead.put(region, AutoScalingSettings.apply(replicaRead.get(region), update));
      }
    }

    /** Applies each index update's read settings (under {@code field}) in {@code region}. */
    public void replicaIndexRead(String region, List<JsonRequest> updates, String field,
                                 Function<JsonRequest, String> index) {
      Map<String, AutoScalingSettings> indexes = new HashMap<>(replicaIndexRead.getOrDefault(region, Map.of()));
      applyPerIndex(indexes, updates, field, index);
      replicaIndexRead.put(region, Map.copyOf(indexes));
    }

    public TableSettings settings() {
      return new TableSettings(write, Map.copyOf(indexWrite), Map.copyOf(replicaRead), Map.copyOf(replicaIndexRead));
    }

    private static void applyPerIndex(Map<String, AutoScalingSettings> settings, List<JsonRequest> updates,
                                      String field, Function<JsonRequest, String> index) {
      for (JsonRequest update : updates == null ? List.<JsonRequest>of() : updates) {
        String name = index.apply(update);
        JsonRequest given = update.structure(field);
        if (given != null) {
          settings.put(name, AutoScalingSettings.apply(settings.get(name), given));
        }
      }
    }
  }

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
