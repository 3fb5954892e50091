package dev.dynamodouble.core.stream;

import dev.dynamodouble.core.feed.ItemChange;
import dev.dynamodouble.core.feed.Origin;
import dev.dynamodouble.core.table.StoredItem;
import dev.dynamodouble.core.table.Table;
import dev.dynamodouble.core.ttl.UserIdentity;
import dev.dynamodouble.core.value.AttributeValue;
import dev.dynamodouble.core.value.ItemSize;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.LongSupplier;

/**
 * One stream of a table (a table that disables and re-enables its stream has several; the old
 * ones stay readable until their records age out). Shards roll over and records are trimmed
 * lazily, whenever the stream is touched, at the instants the clock says they were due, so the
 * result never depends on when a background task ran. All state is guarded by this object.
 */
public final class TableStream {
  private final Table table;
  private final String arn;
  private final String label;
  private final StreamViewType viewType;
  private final Instant createdAt;
  private final StreamSettings settings;
  private final LongSupplier nextSequence;
  private volatile Instant disabledAt;
  private final List<Shard> shards = new ArrayList<>();
  private final Shard[] open;
  /** How many times a reset emptied the stream: part of a shard's id, so ids never repeat. */
  private int generation;
  /** While a data directory replays the stream: the sequence of the record being put back, else -1. */
  private long replaying = -1;

  TableStream(Table table, String label, StreamViewType viewType, Instant createdAt, StreamSettings settings,
              LongSupplier nextSequence) {
    this(table, label, viewType, createdAt, settings, nextSequence, 0);
  }

  TableStream(Table table, String label, StreamViewType viewType, Instant createdAt, StreamSettings settings,
              LongSupplier nextSequence, int generation) {
    this.generation = generation;
    this.table = table;
    this.label = label;
    this.arn = table.arn() + "/stream/" + label;
    this.viewType = viewType;
    this.createdAt = createdAt;
    this.settings = settings;
    this.nextSequence = nextSequence;
    this.open = new Shard[settings.shardCount()];
    for (int slot = 0; slot < open.length; slot++) {
      open[slot] = openShard(slot, null, createdAt);
    }
  }

  public Table table() {
    return table;
  }

  public String arn() {
    return arn;
  }

  public String label() {
    return label;
  }

  public StreamViewType viewType() {
    return viewType;
  }

  public Instant createdAt() {
    return createdAt;
  }

  /** The status at {@code now}: ENABLING/DISABLING last the engine's status delay. */
  public synchronized StreamStatus status(Instant now, Duration delay) {
    if (disabledAt == null) {
      return now.isBefore(createdAt.plus(delay)) ? StreamStatus.ENABLING : StreamStatus.ENABLED;
    }
    return now.isBefore(disabledAt.plus(delay)) ? StreamStatus.DISABLING : StreamStatus.DISABLED;
  }

  public boolean isEnabled() {
    return disabledAt == null;
  }

  /** When the stream was disabled, or null while it is enabled. */
  public Instant disabledAt() {
    return disabledAt;
  }

  /** How many times a reset emptied the stream (a data directory keeps it: shard ids derive from it). */
  public synchronized int generation() {
    return generation;
  }

  /** Every retained record at {@code now}, in sequence order (a data directory's checkpoint). */
  public synchronized List<ItemChange> retainedRecords(Instant now) {
    maintain(now);
    List<ItemChange> all = new ArrayList<>();
    for (Shard shard : shards) {
      all.addAll(shard.after(Long.MIN_VALUE, Integer.MAX_VALUE));
    }
    all.sort(java.util.Comparator.comparingLong(ItemChange::sequence));
    return all;
  }

  /**
   * Puts back a record a data directory kept: shards roll over on the way exactly as they did (their
   * ids depend on the slot, the time and the generation only), and a shard opened on the way starts
   * at this record's sequence.
   */
  synchronized void replay(ItemChange change) {
    replaying = change.sequence();
    try {
      append(List.of(change), null);
    } finally {
      replaying = -1;
    }
  }

  /** Stops recording: every open shard closes now. */
  synchronized void disable(Instant now) {
    if (disabledAt == null) {
      maintain(now);
      disabledAt = now;
      for (Shard shard : open) {
        shard.close(now);
      }
    }
  }

  /** Enables a stream again after a reset to a snapshot taken while it was (or disables it). */
  synchronized void reopen(boolean enabled) {
    disabledAt = enabled ? null : disabledAt == null ? createdAt : disabledAt;
  }

  /** Whether nothing of this stream is left to read at {@code now} (disabled, all shards trimmed). */
  synchronized boolean expired(Instant now) {
    maintain(now);
    return disabledAt != null && shards.isEmpty();
  }

  /** Appends a commit's records, readable from {@code readableAt} on (null: at once). */
  synchronized void append(List<ItemChange> changes, Instant readableAt) {
    if (disabledAt != null) {
      return;
    }
    maintain(changes.get(0).at());
    for (ItemChange change : changes) {
      if (readableAt == null) {
        open[slotOf(change)].append(change);
      } else {
        open[slotOf(change)].append(change, readableAt);
      }
    }
  }

  /** Forgets every record (a reset): the old shards go, a fresh shard per slot starts now. */
  synchronized void clear(Instant now) {
    shards.clear();
    generation++;
    for (int slot = 0; slot < open.length; slot++) {
      open[slot] = openShard(slot, null, now);
      if (disabledAt != null) {
        open[slot].close(now);
      }
    }
  }

  /** The retained shards at {@code now}, parents before children. */
  public synchronized List<Shard> shards(Instant now) {
    maintain(now);
    return List.copyOf(shards);
  }

  /** The retained shard of that id at {@code now}, or null. */
  public synchronized Shard shard(String shardId, Instant now) {
    maintain(now);
    for (Shard shard : shards) {
      if (shard.id().equals(shardId)) {
        return shard;
      }
    }
    return null;
  }

  /** Reads a shard under this stream's monitor (the shard's records are not thread-safe). */
  public synchronized <T> T read(Shard shard, Instant now, java.util.function.Function<Shard, T> reader) {
    maintain(now);
    return reader.apply(shard);
  }

  /** Up to {@code limit} changes of the shard after sequence {@code after} readable now (for in-JVM consumers). */
  public synchronized List<ItemChange> changesAfter(Shard shard, long after, int limit, Instant now) {
    maintain(now);
    return shard.readableAfter(after, limit, now);
  }

  /** Whether the shard is closed and holds nothing after {@code after}. */
  public synchronized boolean drained(Shard shard, long after, Instant now) {
    maintain(now);
    return shard.isClosed() && shard.after(after, 1).isEmpty();
  }

  /** The newest sequence of the shard (LATEST reads after it). */
  public synchronized long latestSequence(Shard shard) {
    return shard.lastSequence();
  }

  /** Where TRIM_HORIZON reads from: after the last trimmed record (0: from the first). */
  synchronized long trimHorizon(Shard shard) {
    return shard.trimmedThrough();
  }

  /** The stream record of a change, shaped by this stream's view type. */
  public StreamRecord record(ItemChange change) {
    StoredItem any = change.newItem() != null ? change.newItem() : change.oldItem();
    Map<String, AttributeValue> keys = table.keySchema().keyMap(any.attributes());
    Map<String, AttributeValue> newImage = viewType.hasNewImage() && change.newItem() != null
        ? change.newItem().attributes() : null;
    Map<String, AttributeValue> oldImage = viewType.hasOldImage() && change.oldItem() != null
        ? change.oldItem().attributes() : null;
    long size = ItemSize.of(keys) + (newImage == null ? 0 : change.newItem().size())
        + (oldImage == null ? 0 : change.oldItem().size());
    String eventId = UUID.nameUUIDFromBytes((arn + "#" + change.sequence()).getBytes(StandardCharsets.UTF_8))
        .toString().replace("-", "");
    return new StreamRecord(eventId, change.kind().name(), table.region(), arn, change.createdAt(), keys, newImage, oldImage,
        SequenceNumbers.format(change.sequence()), size, viewType,
        change.origin() == Origin.TTL ? UserIdentity.DYNAMODB_SERVICE : null);
  }

  private int slotOf(ItemChange change) {
    return (int) Long.remainderUnsigned(change.key().hash(), open.length);
  }

  /** Rolls shards over at every period boundary up to {@code now} and trims what aged out. */
  private void maintain(Instant now) {
    if (disabledAt == null) {
      Duration period = settings.rolloverPeriod();
      for (int slot = 0; slot < open.length; slot++) {
        while (!now.isBefore(open[slot].openedAt().plus(period))) {
          Shard parent = open[slot];
          Instant at = parent.openedAt().plus(period);
          parent.close(at);
          open[slot] = openShard(slot, parent.id(), at);
        }
      }
    }
    Instant cutoff = now.minus(settings.retention());
    shards.removeIf(shard -> {
      shard.trimBefore(cutoff);
      return shard.isClosed() && shard.closedAt().isBefore(cutoff) && shard.size() == 0;
    });
  }

  private Shard openShard(int slot, String parentId, Instant at) {
    String suffix = UUID.nameUUIDFromBytes((arn + "#" + slot + "#" + at.toEpochMilli() + "#" + generation)
        .getBytes(StandardCharsets.UTF_8)).toString().substring(0, 8);
    Shard shard = new Shard(String.format("shardId-%020d-%s", at.toEpochMilli(), suffix), parentId, slot, at,
        replaying >= 0 ? replaying : nextSequence.getAsLong());
    shards.add(shard);
    return shard;
  }
}
