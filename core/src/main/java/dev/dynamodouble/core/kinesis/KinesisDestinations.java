package dev.dynamodouble.core.kinesis;

import dev.dynamodouble.core.error.DynamoException;
import dev.dynamodouble.core.feed.ChangeFeed;
import dev.dynamodouble.core.feed.FeedSubscriber;
import dev.dynamodouble.core.feed.ItemChange;
import dev.dynamodouble.core.table.Table;
import dev.dynamodouble.core.time.DynamoClock;
import dev.dynamodouble.core.value.AttributeValue;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The Kinesis streaming destinations of every table, and the in-JVM streams they write to. A
 * destination turns ACTIVE (and DISABLED, and back from UPDATING) after the engine's status delay
 * on its clock, like a table; while ACTIVE or UPDATING, every item change of its table is put into
 * the stream as one record. A consumer of the change feed: its state is part of engine snapshots.
 */
public final class KinesisDestinations implements FeedSubscriber {
  private final DynamoClock clock;
  private final Supplier<Duration> statusDelay;
  /** Runs its argument under the engine's exclusive lock. */
  private final java.util.function.Consumer<Runnable> locked;
  /** Guarded by this. Tables by identity: a table deleted and created again starts with none. */
  private Map<Table, List<KinesisDestination>> byTable = new IdentityHashMap<>();
  /** Whether any table has a destination: every commit asks {@link #wants}, almost always of none. */
  private volatile boolean any;
  /** Guarded by this. The records of each destination stream, by stream ARN, in arrival order. */
  private Map<String, List<KinesisRecord>> streams = new HashMap<>();
  private long sequence;

  /** @param locked runs its argument under the engine's exclusive lock */
  public KinesisDestinations(DynamoClock clock, ChangeFeed feed, Supplier<Duration> statusDelay,
                             java.util.function.Consumer<Runnable> locked) {
    this.clock = clock;
    this.statusDelay = statusDelay;
    this.locked = locked;
    feed.subscribe(this);
  }

  /** Starts streaming {@code table}'s changes to {@code streamArn}: ENABLING, then ACTIVE. */
  public synchronized KinesisDestination enable(Table table, String streamArn, Precision precision) {
    KinesisDestination existing = find(table, streamArn);
    if (existing != null && existing.status().enabled()) {
      throw DynamoException.validation("Table " + table.name() + " is already streaming to the Kinesis data stream "
          + streamArn + " (" + existing.status() + ")");
    }
    KinesisDestination enabling = new KinesisDestination(streamArn, DestinationStatus.ENABLING, precision);
    put(table, enabling);
    settle(table, streamArn, DestinationStatus.ENABLING, DestinationStatus.ACTIVE, precision);
    return enabling;
  }

  /** Stops streaming to {@code streamArn}: DISABLING, then DISABLED (still described). */
  public synchronized KinesisDestination disable(Table table, String streamArn) {
    KinesisDestination active = requireStatus(table, streamArn, "disable", DestinationStatus.ACTIVE);
    KinesisDestination disabling = active.withStatus(DestinationStatus.DISABLING);
    put(table, disabling);
    settle(table, streamArn, DestinationStatus.DISABLING, DestinationStatus.DISABLED, active.precision());
    return disabling;
  }

  /** Changes the precision of the creation times: UPDATING, then ACTIVE with the new precision. */
  public synchronized KinesisDestination update(Table table, String streamArn, Precision precision) {
    KinesisDestination active = requireStatus(table, streamArn, "update", DestinationStatus.ACTIVE);
    if (active.precision() == precision) {
      throw DynamoException.validation("Invalid Request: Precision is already set to the desired value of "
          + precision + " for this Kinesis streaming destination.");
    }
    KinesisDestination updating = active.withStatus(DestinationStatus.UPDATING);
    put(table, updating);
    settle(table, streamArn, DestinationStatus.UPDATING, DestinationStatus.ACTIVE, precision);
    return new KinesisDestination(streamArn, DestinationStatus.UPDATING, precision);
  }

  /** Puts back the destinations a data directory kept, in their settled statuses. */
  public synchronized void recovered(Table table, List<KinesisDestination> destinations) {
    byTable.put(table, new ArrayList<>(destinations));
    any = true;
  }

  /** The table's destinations, in the order they were first enabled. */
  public synchronized List<KinesisDestination> describe(Table table) {
    return List.copyOf(byTable.getOrDefault(table, List.of()));
  }

  /** Every record put into the stream {@code streamArn} so far, oldest first (empty if none). */
  public synchronized List<KinesisRecord> records(String streamArn) {
    return List.copyOf(streams.getOrDefault(streamArn, List.of()));
  }

  /** Empties every destination stream (the destinations stay as they are). */
  public synchronized void clearRecords() {
    streams = new HashMap<>();
  }

  private KinesisDestination requireStatus(Table table, String streamArn, String action, DestinationStatus wanted) {
    KinesisDestination destination = find(table, streamArn);
    if (destination == null || destination.status() != wanted) {
      throw DynamoException.validation("Cannot " + action + " the Kinesis streaming destination " + streamArn
          + " of table " + table.name() + ": it is " + (destination == null ? "not enabled" : destination.status())
          + ", not " + wanted);
    }
    return destination;
  }

  /**
   * Moves the destination on after the status delay, under the engine's exclusive lock: turning
   * ACTIVE makes {@link #wants} true, and a single-item write that found its table followed by
   * nobody commits under the lock's shared side (ItemWrites), so it must not see that change
   * between its check and its commit.
   */
  private void settle(Table table, String streamArn, DestinationStatus from, DestinationStatus to, Precision precision) {
    clock.scheduleAfter(statusDelay.get(), () -> locked.accept(() -> {
      synchronized (this) {
        KinesisDestination current = find(table, streamArn);
        if (current != null && current.status() == from) { // a reset may have put back another state
          put(table, new KinesisDestination(streamArn, to, precision));
        }
      }
    }));
  }

  private KinesisDestination find(Table table, String streamArn) {
    for (KinesisDestination destination : byTable.getOrDefault(table, List.of())) {
      if (destination.streamArn().equals(streamArn)) {
        return destination;
      }
    }
    return null;
  }

  private void put(Table table, KinesisDestination destination) {
    List<KinesisDestination> list = new ArrayList<>(byTable.getOrDefault(table, List.of()));
    list.removeIf(d -> d.streamArn().equals(destination.streamArn()));
    list.add(destination);
    byTable.put(table, list);
    any = true;
  }

  @Override
  public boolean wants(Table table) {
    return any && streaming(table);
  }

  private synchronized boolean streaming(Table table) {
    for (KinesisDestination destination : byTable.getOrDefault(table, List.of())) {
      if (destination.status().streams()) {
        return true;
      }
    }
    return false;
  }

  @Override
  public synchronized void committed(Table table, List<ItemChange> changes) {
    for (KinesisDestination destination : byTable.getOrDefault(table, List.of())) {
      if (!destination.status().streams()) {
        continue;
      }
      List<KinesisRecord> stream = streams.computeIfAbsent(destination.streamArn(), arn -> new ArrayList<>());
      for (ItemChange change : changes) {
        Map<String, AttributeValue> keys = table.keySchema().keyMap(
            (change.newItem() != null ? change.newItem() : change.oldItem()).attributes());
        String eventId = UUID.nameUUIDFromBytes((destination.streamArn() + "#" + change.sequence())
            .getBytes(StandardCharsets.UTF_8)).toString();
        String partitionKey = Long.toUnsignedString(change.key().hash(), 16).toUpperCase(java.util.Locale.ROOT);
        stream.add(new KinesisRecord(destination.streamArn(), partitionKey, String.format("%056d", ++sequence),
            change.at(), KinesisRecordJson.of(change, keys, eventId, destination.precision())));
      }
    }
  }

  /** The destinations and streams, for an engine snapshot (both are immutable once copied). */
  public synchronized Object capture() {
    Map<String, List<KinesisRecord>> records = new HashMap<>();
    streams.forEach((arn, list) -> records.put(arn, List.copyOf(list)));
    return new Object[] {new IdentityHashMap<>(byTable), records, sequence};
  }

  @SuppressWarnings("unchecked")
  public synchronized void restore(Object captured) {
    Object[] state = (Object[]) captured;
    byTable = new IdentityHashMap<>((Map<Table, List<KinesisDestination>>) state[0]);
    any = !byTable.isEmpty();
    streams = new HashMap<>();
    ((Map<String, List<KinesisRecord>>) state[1]).forEach((arn, list) -> streams.put(arn, new ArrayList<>(list)));
    sequence = (Long) state[2];
  }
}
