package dev.dynamodouble.core.replication;

import dev.dynamodouble.core.table.ItemKey;
import dev.dynamodouble.core.table.StoredItem;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;

/**
 * The replication link from one region to another: its lag, whether it is paused, and the changes
 * committed in {@code from} that {@code to} has not applied yet, oldest first. Touched only under
 * the engine's write lock.
 */
final class Link {
  /** One change on its way: the item after the write (null: deleted) and its stamp. */
  record Pending(String table, ItemKey key, StoredItem after, Stamp stamp, Instant committedAt) {}

  final String from;
  final String to;
  Duration lag;
  boolean paused;
  /** When a drain task is scheduled (null: none); avoids one task per change. */
  Instant drainAt;
  final ArrayDeque<Pending> queue = new ArrayDeque<>();

  Link(String from, String to, Duration lag) {
    this.from = from;
    this.to = to;
    this.lag = lag;
  }

  /** When the oldest waiting change is due, or null when none is (empty or paused). */
  Instant nextDue() {
    Pending head = queue.peekFirst();
    return head == null || paused ? null : head.committedAt().plus(lag);
  }
}
