package dev.dynamodouble.core.consistency;

import dev.dynamodouble.core.storage.Version;
import dev.dynamodouble.core.storage.VersionedRoot;
import dev.dynamodouble.core.table.TableData;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.function.Supplier;

/**
 * The versions of one table committed within the longest lag any read may ask for, every commit
 * of them (PITR's history keeps one a second, too coarse for a lag of 100 ms). Told of commits by
 * the table's versioned root; an eventually consistent read takes the one in force {@code lag} ago.
 * Versions older than the retention are dropped as commits arrive, except the one still in force
 * at its start.
 */
final class RecentVersions implements VersionedRoot.CommitListener<TableData> {
  private final ArrayDeque<Version<TableData>> versions = new ArrayDeque<>(); // oldest first; last = current
  private final Supplier<Duration> retention;

  RecentVersions(Version<TableData> current, Supplier<Duration> retention) {
    this.retention = retention;
    versions.add(current);
  }

  @Override
  public synchronized void committed(Version<TableData> previous, Version<TableData> next) {
    versions.addLast(next);
    Instant cutoff = next.committedAt().minus(retention.get());
    // Drop the oldest while the one after it was already in force at the cutoff.
    while (versions.size() > 1) {
      Iterator<Version<TableData>> it = versions.iterator();
      it.next();
      if (it.next().committedAt().isAfter(cutoff)) {
        break;
      }
      versions.removeFirst();
    }
  }

  /** The root in force at {@code t}: the last committed at or before it, or the oldest kept. */
  synchronized TableData asOf(Instant t) {
    Iterator<Version<TableData>> newestFirst = versions.descendingIterator();
    Version<TableData> version = null;
    while (newestFirst.hasNext()) {
      version = newestFirst.next();
      if (!version.committedAt().isAfter(t)) {
        break;
      }
    }
    return version.root();
  }

  /** Forgets every version but {@code current} (a reset: what was before is not "recent"). */
  synchronized void reset(Version<TableData> current) {
    versions.clear();
    versions.add(current);
  }

  /** The versions kept, oldest first (what a read may be answered with). */
  synchronized java.util.List<Version<TableData>> kept() {
    return java.util.List.copyOf(versions);
  }

  synchronized int size() {
    return versions.size();
  }
}
