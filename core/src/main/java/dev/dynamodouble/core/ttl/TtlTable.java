package dev.dynamodouble.core.ttl;

import dev.dynamodouble.core.storage.PersistentSortedMap;
import dev.dynamodouble.core.storage.VersionedRoot;
import dev.dynamodouble.core.table.ItemKey;
import dev.dynamodouble.core.table.StoredItem;
import dev.dynamodouble.core.table.Table;
import dev.dynamodouble.core.table.TableData;
import dev.dynamodouble.core.time.DynamoClock;
import dev.dynamodouble.core.time.Scheduled;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.TreeSet;
import java.util.function.LongFunction;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * One table's TTL setting and, while TTL is ENABLED, its expiry index: every item with a usable
 * expiry, ordered by (expiry, key). The index follows the table through a commit listener that
 * diffs each new version against the one it replaced, so it stays exact whoever writes (items,
 * batches, transactions, restores, resets) at O(log n) per changed item; the sweeper reads only
 * its head. Index and sweep bookkeeping are guarded by this object's monitor.
 */
final class TtlTable {
  /** An index entry: when the item under {@code key} expires. */
  record Entry(Instant expiresAt, ItemKey key) {}

  private static final Comparator<Entry> ORDER =
      Comparator.comparing(Entry::expiresAt).thenComparing(Entry::key, ItemKey.ORDER);

  final Table table;
  volatile TtlStatus status = TtlStatus.DISABLED;
  /** The TTL attribute; null while DISABLED. */
  volatile String attribute;
  /** When UpdateTimeToLive last changed this table's TTL (the cooldown runs from it), or null. */
  volatile Instant lastModified;
  /** Bumped by every change of setting, so a status transition scheduled before it does nothing. */
  volatile long generation;

  private final TreeSet<Entry> index = new TreeSet<>(ORDER);
  private VersionedRoot.CommitListener<TableData> listener;
  /** The pending sweep, its due time, and a token that tells a cancelled sweep it is stale. */
  private Scheduled sweep;
  private Instant sweepDue;
  private long sweepToken;

  TtlTable(Table table) {
    this.table = table;
  }

  TtlDescription describe() {
    TtlStatus current = status;
    return new TtlDescription(current, current == TtlStatus.DISABLED ? null : attribute);
  }

  /**
   * Starts following the table: attaches the commit listener, then fills the index from its
   * current items. {@code now} gives the clock time (for the five-year rule); {@code onChange} runs
   * after each commit that changed the index, outside this monitor.
   */
  synchronized void startIndexing(Supplier<Instant> now, Runnable onChange) {
    stopIndexing();
    String name = attribute;
    listener = (previous, next) -> changed(previous.root(), next.root(), name, now, onChange);
    table.versions().addCommitListener(listener);
    // Filled under this monitor: a commit racing with the fill waits for it, then applies its diff.
    Instant at = now.get();
    table.snapshot().items().forEachEntry((key, item) -> add(key, item, name, at));
  }

  /** Stops following the table and forgets the index and any pending sweep. */
  synchronized void stopIndexing() {
    if (listener != null) {
      table.versions().removeCommitListener(listener);
      listener = null;
    }
    index.clear();
    cancelSweep();
  }

  private void changed(TableData before, TableData after, String name, Supplier<Instant> now, Runnable onChange) {
    PersistentSortedMap<ItemKey, StoredItem> older = before.items();
    PersistentSortedMap<ItemKey, StoredItem> newer = after.items();
    if (older == newer) {
      return; // an index-only change (a GSI backfill, a dropped index)
    }
    synchronized (this) {
      if (listener == null) {
        return;
      }
      Instant at = now.get();
      older.diff(newer, (key, was, is) -> {
        Instant old = Expiry.of(was, name);
        if (old != null) {
          index.remove(new Entry(old, key));
        }
        add(key, is, name, at);
      });
    }
    onChange.run();
  }

  private void add(ItemKey key, StoredItem item, String name, Instant now) {
    Instant expiry = Expiry.of(item, name);
    // An expiry more than five years before now stays that way: such items are never deleted.
    if (expiry != null && !Expiry.tooOld(expiry, now)) {
      index.add(new Entry(expiry, key));
    }
  }

  synchronized int indexSize() {
    return index.size();
  }

  synchronized Entry first() {
    return index.isEmpty() ? null : index.first();
  }

  /** Removes and returns, in order, up to {@code limit} leading entries that {@code due} accepts. */
  synchronized List<Entry> takeDue(Predicate<Entry> due, int limit) {
    List<Entry> taken = new ArrayList<>();
    Iterator<Entry> it = index.iterator();
    while (it.hasNext() && taken.size() < limit) {
      Entry entry = it.next();
      if (!due.test(entry)) {
        break;
      }
      taken.add(entry);
      it.remove();
    }
    return taken;
  }

  synchronized Instant sweepDue() {
    return sweepDue;
  }

  /**
   * Schedules a sweep at {@code due} unless one is already pending at or before it; a later
   * pending sweep is replaced. {@code task} receives the sweep's token for {@link #claimSweep}.
   */
  synchronized void scheduleSweep(DynamoClock clock, Instant due, LongFunction<Runnable> task) {
    if (sweep != null && !sweepDue.isAfter(due)) {
      return;
    }
    cancelSweep();
    long token = sweepToken;
    sweep = clock.schedule(due, task.apply(token));
    sweepDue = due;
  }

  /** Claims the sweep of {@code token}: false when it was cancelled or replaced since. */
  synchronized boolean claimSweep(long token) {
    if (token != sweepToken || sweep == null) {
      return false;
    }
    sweep = null;
    sweepDue = null;
    sweepToken++;
    return true;
  }

  /** The pending sweep, its due time and token, for a reset to put back. */
  synchronized Object[] sweepState() {
    return new Object[] {sweep, sweepDue, sweepToken};
  }

  /** Puts back a {@link #sweepState()} as it was (the clock's reset put its task back), cancelling nothing. */
  synchronized void sweepState(Object[] state) {
    sweep = (Scheduled) state[0];
    sweepDue = (Instant) state[1];
    sweepToken = (Long) state[2];
  }

  synchronized void cancelSweep() {
    if (sweep != null) {
      sweep.cancel();
      sweep = null;
      sweepDue = null;
    }
    sweepToken++;
  }
}
