package dev.dynamodouble.core.stream;

import dev.dynamodouble.core.feed.ItemChange;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One shard of a stream: the changes of a slice of the partition-key hash space for one period.
 * Records are in sequence order; the oldest are trimmed after the retention period. Guarded by
 * its stream's monitor.
 */
public final class Shard {
  private final String id;
  private final String parentId;
  private final int slot;
  private final Instant openedAt;
  private long startSequence;
  private Instant closedAt;
  private long endSequence = -1;
  private final ArrayList<ItemChange> records = new ArrayList<>();
  private int head;
  /** The sequence of the last record trimmed away, or 0 when none was. */
  private long trimmedThrough;
  /**
   * Records a {@code streamDelay} fault held back: sequence to when it becomes readable (only
   * those, forgotten once readable). A held record hides every later one: a shard reads in order.
   */
  private final TreeMap<Long, Instant> heldUntil = new TreeMap<>();

  Shard(String id, String parentId, int slot, Instant openedAt, long startSequence) {
    this.id = id;
    this.parentId = parentId;
    this.slot = slot;
    this.openedAt = openedAt;
    this.startSequence = startSequence;
  }

  public String id() {
    return id;
  }

  /** The shard this one continues after a rollover, or null. */
  public String parentId() {
    return parentId;
  }

  int slot() {
    return slot;
  }

  Instant openedAt() {
    return openedAt;
  }

  public long startSequence() {
    return startSequence;
  }

  /** The last sequence of a closed shard; -1 while open. */
  public long endSequence() {
    return endSequence;
  }

  public boolean isClosed() {
    return closedAt != null;
  }

  Instant closedAt() {
    return closedAt;
  }

  long trimmedThrough() {
    return trimmedThrough;
  }

  void append(ItemChange change) {
    if (records.size() == head && change.sequence() < startSequence) {
      startSequence = change.sequence(); // opened by a rollover while this change was being committed
    }
    records.add(change);
  }

  /** Appends a record readable only from {@code readableAt} on. */
  void append(ItemChange change, Instant readableAt) {
    append(change);
    heldUntil.put(change.sequence(), readableAt);
  }

  /** The sequence of the last record readable at {@code now} with all before it; MAX_VALUE when all are. */
  long readableThrough(Instant now) {
    for (var it = heldUntil.entrySet().iterator(); it.hasNext(); ) {
      Map.Entry<Long, Instant> held = it.next();
      if (held.getValue().isAfter(now)) {
        return held.getKey() - 1;
      }
      it.remove(); // readable from now on: the clock goes back only with a reset, which clears the shard
    }
    return Long.MAX_VALUE;
  }

  /** How many records a stream delay still hides at {@code now} (a held record hides every later one). */
  int hiddenCount(Instant now) {
    long through = readableThrough(now);
    int hidden = 0;
    for (int i = records.size() - 1; through != Long.MAX_VALUE && i >= head && records.get(i).sequence() > through; i--) {
      hidden++;
    }
    return hidden;
  }

  /** When the first record a stream delay hides at {@code now} becomes readable, or null. */
  Instant nextReadable(Instant now) {
    readableThrough(now); // forgets the delays already over
    return heldUntil.isEmpty() ? null : heldUntil.firstEntry().getValue();
  }

  /** Up to {@code limit} records with a sequence above {@code after} readable at {@code now}, in order. */
  List<ItemChange> readableAfter(long after, int limit, Instant now) {
    List<ItemChange> records = after(after, limit);
    long through = readableThrough(now);
    if (through != Long.MAX_VALUE) {
      records.removeIf(change -> change.sequence() > through);
    }
    return records;
  }

  void close(Instant at) {
    closedAt = at;
    endSequence = records.size() > head ? records.get(records.size() - 1).sequence() : startSequence;
  }

  int size() {
    return records.size() - head;
  }

  /** The sequence of the newest record, or {@code startSequence - 1} when there is none. */
  long lastSequence() {
    return size() == 0 ? Math.max(startSequence - 1, trimmedThrough) : records.get(records.size() - 1).sequence();
  }

  /** The sequence of the newest retained record, or -1 when none is retained. */
  long newestRecordSequence() {
    return size() == 0 ? -1 : records.get(records.size() - 1).sequence();
  }

  /**
   * The sequence just before the first retained record created at or after {@code time}, to the
   * millisecond (the precision of GetShardIterator's Timestamp), or the newest sequence when every
   * record is older: an AT_TIMESTAMP iterator then reads the records made from now on.
   */
  long beforeFirstCreatedFrom(Instant time) {
    long millis = time.toEpochMilli();
    for (int i = head; i < records.size(); i++) {
      ItemChange change = records.get(i);
      if (change.createdAt().toEpochMilli() >= millis) {
        return change.sequence() - 1;
      }
    }
    return lastSequence();
  }

  /** Drops the records committed before {@code cutoff}. */
  void trimBefore(Instant cutoff) {
    while (head < records.size() && records.get(head).at().isBefore(cutoff)) {
      trimmedThrough = records.get(head).sequence();
      records.set(head++, null);
    }
    heldUntil.headMap(trimmedThrough, true).clear();
    if (head > 64 && head > records.size() / 2) {
      records.subList(0, head).clear();
      head = 0;
    }
  }

  /** Up to {@code limit} records with a sequence above {@code after}, in order. */
  List<ItemChange> after(long after, int limit) {
    int low = head;
    int high = records.size();
    while (low < high) {
      int mid = (low + high) >>> 1;
      if (records.get(mid).sequence() <= after) {
        low = mid + 1;
      } else {
        high = mid;
      }
    }
    int end = (int) Math.min(records.size(), (long) low + limit);
    return new ArrayList<>(records.subList(low, end));
  }
}
