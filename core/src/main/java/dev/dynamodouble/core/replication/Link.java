package dev.dynamodouble.core.replication;

import dev.dynamodouble.core.fault.FaultEffect;
import dev.dynamodouble.core.fault.FaultHandle;
import dev.dynamodouble.core.table.ItemKey;
import dev.dynamodouble.core.table.StoredItem;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;

/**
 * The replication link from one region to another: its lag, whether it is paused, and the changes
 * committed in {@code from} that {@code to} has not applied yet, in commit order. Touched only
 * under the engine's write lock.
 */
final class Link {
  /**
   * One change on its way: the global table it belongs to (its id: another table of that name may
   * take the region's place meanwhile), the item after the write (null: deleted) and its stamp, and
   * the fault rule that fired on it (a lag of its own, or held while a paused rule is active), or null.
   */
  record Pending(long global, String table, ItemKey key, StoredItem after, Stamp stamp, Instant committedAt, FaultHandle fault) {}

  final String from;
  final String to;
  Duration lag;
  boolean paused;
  /** When a drain task is scheduled (null: none); avoids one task per change. */
  Instant drainAt;
  final ArrayDeque<Pending> queue = new ArrayDeque<>();
  /** How many queued changes a fault rule fired on: while any is, due times are not in queue order. */
  int faulted;

  Link(String from, String to, Duration lag) {
    this.from = from;
    this.to = to;
    this.lag = lag;
  }

  /** When the change is due here, or null while it waits with no end (the link or a rule paused). */
  Instant due(Pending change) {
    if (paused) {
      return null;
    }
    Instant normal = change.committedAt().plus(lag);
    if (change.fault() == null) {
      return normal;
    }
    FaultEffect.Replication effect = (FaultEffect.Replication) change.fault().rule().effect();
    if (!effect.paused()) {
      return change.committedAt().plus(effect.lag());
    }
    if (!change.fault().isActive()) {
      return normal; // the paused rule was removed: as if resumed
    }
    Instant until = change.fault().rule().until();
    return until == null ? null : until.isAfter(normal) ? until : normal;
  }

  /** When the earliest waiting change is due, or null when none is. */
  Instant nextDue() {
    if (faulted == 0) {
      Pending head = queue.peekFirst();
      return head == null ? null : due(head);
    }
    Instant next = null;
    for (Pending change : queue) {
      Instant due = due(change);
      if (due != null && (next == null || due.isBefore(next))) {
        next = due;
      }
    }
    return next;
  }

  /** Drops the waiting changes of a table (a reset). */
  void dropTable(String table) {
    queue.removeIf(change -> change.table().equals(table));
    faulted = (int) queue.stream().filter(change -> change.fault() != null).count();
  }

  Pending poll() {
    Pending change = queue.pollFirst();
    if (change != null && change.fault() != null) {
      faulted--;
    }
    return change;
  }
}
