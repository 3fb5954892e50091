package dev.dynamodouble.core.trigger;

import dev.dynamodouble.core.feed.ItemChange;
import dev.dynamodouble.core.stream.Shard;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * One ordered lane of a trigger: a shard, or with a ParallelizationFactor above 1, the records of
 * the shard whose partition keys hash to this lane. It keeps its position (the last sequence it is
 * done with) and the batch it is retrying, which blocks it. Touched only by the delivering thread.
 */
final class Lane {
  final Shard shard;
  final int index;
  long position;
  /** The batch being retried (or the current piece of a bisected one), null when none. */
  List<ItemChange> pending;
  /** The other pieces of a bisected batch, in order. */
  final Deque<List<ItemChange>> queued = new ArrayDeque<>();
  /** Where the lane is done once the pending batch and its pieces are: past the records scanned with it. */
  long batchEnd;
  int attempts;
  /** Invocations of the pending batch (and its pieces), for the failure record. */
  int invokes;
  Instant retryAt;
  String lastError;

  Lane(Shard shard, int index, long position) {
    this.shard = shard;
    this.index = index;
    this.position = position;
  }

  boolean blocked() {
    return pending != null;
  }

  /** The pending batch is done with (delivered or discarded): move on to the next piece or past it. */
  void finishPiece() {
    position = Math.max(position, pending.get(pending.size() - 1).sequence());
    pending = queued.poll();
    attempts = 0;
    retryAt = null;
    if (pending == null) {
      invokes = 0;
      position = Math.max(position, batchEnd);
      attempts = 0;
      retryAt = null;
      lastError = null;
    }
  }
}
