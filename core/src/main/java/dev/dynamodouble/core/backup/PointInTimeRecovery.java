package dev.dynamodouble.core.backup;

import dev.dynamodouble.core.engine.Engine;
import dev.dynamodouble.core.error.DynamoException;
import dev.dynamodouble.core.error.ErrorCode;
import dev.dynamodouble.core.storage.Version;
import dev.dynamodouble.core.table.Table;
import dev.dynamodouble.core.table.TableData;
import dev.dynamodouble.core.time.Scheduled;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * Point-in-time recovery for every table of an engine, on the table's versioned root.
 *
 * <p>While PITR is enabled the root keeps one version per second of clock time
 * ({@link dev.dynamodouble.core.storage.VersionedRoot#enableHistory}) for the recovery period, and
 * nothing outside it: every commit drops versions older than the window, and an hourly task on the
 * clock does the same when no commit comes. So the memory PITR costs is bounded by the number of
 * seconds with a write inside the window (at most 86,400 a day) times the few tree nodes and the
 * item each write changed, whatever the run's length. Disabling PITR drops the history at once.
 *
 * <p>The window DescribeContinuousBackups reports: EarliestRestorableDateTime is the later of the
 * (whole second after the) moment PITR was enabled and now minus the recovery period;
 * LatestRestorableDateTime is now minus five minutes, never before the earliest. Restores are to
 * the second: a RestoreDateTime inside the window restores the state at the whole second at or
 * before it, which includes every commit made at or before that second.
 */
public final class PointInTimeRecovery {
  /** The default and maximum recovery period. */
  public static final int MAX_RECOVERY_PERIOD_DAYS = 35;
  /** How far behind now LatestRestorableDateTime is. */
  public static final Duration LATEST_RESTORABLE_LAG = Duration.ofMinutes(5);
  /** How often history outside the window is dropped when no commit does it. */
  static final Duration TRIM_INTERVAL = Duration.ofHours(1);

  /** A table's PITR state (a table attachment). Changed under the engine's write lock. */
  static final class Settings {
    volatile boolean enabled;
    volatile int periodDays;
    /** The first whole second restorable since PITR was last enabled (raised when the period shrinks). */
    volatile Instant historyStart;
    Scheduled trim;
  }

  /** What DescribeContinuousBackups reports of a table. */
  public record Description(boolean enabled, int periodDays, Instant earliest, Instant latest) {}

  private final Engine engine;
  private final Backups backups;

  public PointInTimeRecovery(Engine engine, Backups backups) {
    this.engine = Objects.requireNonNull(engine, "engine");
    this.backups = Objects.requireNonNull(backups, "backups");
  }

  /**
   * UpdateContinuousBackups: enables PITR (with a recovery period, 35 days unless given; an enabled
   * table keeps its period unless one is given), or disables it. Call under the engine's write lock.
   */
  public Description update(Table table, boolean enabled, Integer periodDays) {
    Settings settings = table.attachment(Settings.class, t -> new Settings());
    Instant now = engine.clock().now();
    if (!enabled) {
      if (settings.enabled) {
        settings.enabled = false;
        cancelTrim(settings);
        table.versions().disableHistory();
      }
      return describe(table);
    }
    if (!settings.enabled) {
      settings.enabled = true;
      settings.periodDays = periodDays == null ? MAX_RECOVERY_PERIOD_DAYS : periodDays;
      settings.historyStart = ceilSecond(now);
      table.versions().enableHistory(Duration.ofDays(settings.periodDays));
      scheduleTrim(table, settings);
    } else if (periodDays != null && periodDays != settings.periodDays) {
      if (periodDays < settings.periodDays) {
        Instant cutoff = ceilSecond(now.minus(Duration.ofDays(periodDays)));
        if (cutoff.isAfter(settings.historyStart)) {
          settings.historyStart = cutoff; // what the shorter window drops is gone for good
        }
      }
      settings.periodDays = periodDays;
      table.versions().enableHistory(Duration.ofDays(periodDays));
      trim(table, settings);
    }
    return describe(table);
  }

  /** The first restorable second since PITR was last enabled on the table, or null while it is disabled. */
  public Instant historyStart(Table table) {
    Settings settings = table.attachment(Settings.class);
    return settings == null || !settings.enabled ? null : settings.historyStart;
  }

  /**
   * Enables PITR on a table a data directory put back, with the history start it had; the history
   * itself is committed afterwards (its versions, oldest first). Call under the engine's write lock.
   */
  public void recovered(Table table, int periodDays, Instant historyStart) {
    update(table, true, periodDays);
    if (historyStart != null) {
      table.attachment(Settings.class).historyStart = historyStart;
    }
  }

  /** One table's PITR settings, as a reset puts them back. */
  private record Saved(boolean enabled, int periodDays, Instant historyStart, Scheduled trim, Object history) {}

  /** Every table's PITR settings now (an engine snapshot's part). */
  public Object capture() {
    java.util.Map<Table, Saved> saved = new java.util.HashMap<>();
    for (dev.dynamodouble.core.engine.Catalog catalog : engine.regions()) {
      for (Table table : catalog.tables()) {
        Settings settings = table.attachment(Settings.class);
        if (settings != null) {
          saved.put(table, new Saved(settings.enabled, settings.periodDays, settings.historyStart, settings.trim,
              table.versions().historyToken()));
        }
      }
    }
    return saved;
  }

  /**
   * Puts back the settings of a {@link #capture()}: PITR enabled or disabled as it was, with the
   * same window and the history it held then (without what was kept after the restored clock time),
   * even when the test disabled PITR meanwhile.
   */
  @SuppressWarnings("unchecked")
  public void restore(Object captured) {
    java.util.Map<Table, Saved> saved = (java.util.Map<Table, Saved>) captured;
    for (dev.dynamodouble.core.engine.Catalog catalog : engine.regions()) {
      for (Table table : catalog.tables()) {
        Settings settings = table.attachment(Settings.class);
        if (settings == null) {
          continue;
        }
        Saved was = saved.getOrDefault(table, new Saved(false, 0, null, null, null));
        if (settings.trim != was.trim() && settings.trim != null) {
          settings.trim.cancel(); // scheduled during the test; the snapshot's own came back with the clock
        }
        settings.enabled = was.enabled();
        settings.periodDays = was.periodDays();
        settings.historyStart = was.historyStart();
        settings.trim = was.trim();
        // The history object of the snapshot, with what it held: a test that disabled PITR dropped
        // only its own reference to it.
        table.versions().restoreHistory(was.enabled() ? was.history() : null,
            Duration.ofDays(was.periodDays()), engine.clock().now());
      }
    }
  }

  /** DescribeContinuousBackups of a table. */
  public Description describe(Table table) {
    Settings settings = table.attachment(Settings.class);
    if (settings == null || !settings.enabled) {
      return new Description(false, 0, null, null);
    }
    Instant now = engine.clock().now();
    Instant earliest = earliest(settings, now);
    return new Description(true, settings.periodDays, earliest, latest(earliest, now));
  }

  public boolean isEnabled(Table table) {
    Settings settings = table.attachment(Settings.class);
    return settings != null && settings.enabled;
  }

  private static Instant earliest(Settings settings, Instant now) {
    Instant windowStart = ceilSecond(now.minus(Duration.ofDays(settings.periodDays)));
    return windowStart.isAfter(settings.historyStart) ? windowStart : settings.historyStart;
  }

  private static Instant latest(Instant earliest, Instant now) {
    Instant lagging = now.minus(LATEST_RESTORABLE_LAG).truncatedTo(ChronoUnit.SECONDS);
    return lagging.isAfter(earliest) ? lagging : earliest;
  }

  /**
   * The table's contents at {@code restoreTime} (or at LatestRestorableDateTime when it is null),
   * checked against the window: PointInTimeRecoveryUnavailableException without PITR,
   * InvalidRestoreTimeException outside the window.
   */
  public PointInTime stateAt(Table table, Instant restoreTime) {
    Description window = describe(table);
    if (!window.enabled()) {
      throw new DynamoException(ErrorCode.POINT_IN_TIME_RECOVERY_UNAVAILABLE,
          "Point in time recovery is not enabled for table '" + table.name() + "'");
    }
    Instant at = restoreTime == null ? window.latest() : restoreTime;
    if (at.isBefore(window.earliest()) || at.isAfter(window.latest())) {
      throw new DynamoException(ErrorCode.INVALID_RESTORE_TIME, "RestoreDateTime '" + at.truncatedTo(ChronoUnit.SECONDS)
          + "' must be within EarliestRestorableDateTime '" + window.earliest() + "' and LatestRestorableDateTime '"
          + window.latest() + "'");
    }
    Version<TableData> version = table.versions().asOf(at.truncatedTo(ChronoUnit.SECONDS));
    if (version == null) { // cannot happen inside the window; refuse rather than restore something else
      throw new DynamoException(ErrorCode.INVALID_RESTORE_TIME, "RestoreDateTime '" + at + "' is not restorable");
    }
    return new PointInTime(at, version.root());
  }

  /** A resolved restore point: the time asked for (or the latest) and the contents then. */
  public record PointInTime(Instant restoreDateTime, TableData data) {}

  /**
   * DeleteTable's part: a table deleted with PITR enabled leaves its SYSTEM backup. Call under the
   * engine's write lock, as the table goes DELETING.
   */
  public void tableDeleted(Table table) {
    Settings settings = table.attachment(Settings.class);
    if (settings != null && settings.enabled) {
      backups.createSystemBackup(table);
      cancelTrim(settings);
    }
  }

  private void scheduleTrim(Table table, Settings settings) {
    cancelTrim(settings);
    settings.trim = engine.clock().scheduleAfter(TRIM_INTERVAL, () -> engine.write(() -> {
      if (!settings.enabled || !engine.isCurrent(table)) {
        return; // disabled, or the table is gone: commits (if it comes back) still trim
      }
      trim(table, settings);
      scheduleTrim(table, settings);
    }));
  }

  private void trim(Table table, Settings settings) {
    table.versions().trimBefore(engine.clock().now().minus(Duration.ofDays(settings.periodDays)));
  }

  private static void cancelTrim(Settings settings) {
    if (settings.trim != null) {
      settings.trim.cancel();
      settings.trim = null;
    }
  }

  private static Instant ceilSecond(Instant t) {
    Instant whole = t.truncatedTo(ChronoUnit.SECONDS);
    return whole.equals(t) ? t : whole.plusSeconds(1);
  }
}
