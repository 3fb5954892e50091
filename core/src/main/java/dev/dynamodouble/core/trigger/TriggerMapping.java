package dev.dynamodouble.core.trigger;

import dev.dynamodouble.core.fault.FaultEffect;
import dev.dynamodouble.core.fault.FaultHandle;
import dev.dynamodouble.core.fault.Faults;
import dev.dynamodouble.core.feed.ItemChange;
import dev.dynamodouble.core.stream.Shard;
import dev.dynamodouble.core.stream.StreamRecord;
import dev.dynamodouble.core.stream.TableStream;
import dev.dynamodouble.core.time.DynamoClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One registered trigger: a handler on a stream, with Lambda's event-source-mapping semantics.
 * Records are read per shard (parents before children), in lanes by partition key, batched, filtered
 * and delivered as clock deliveries (see {@link DynamoClock#scheduleDelivery}): never on a request
 * thread, never under the engine's lock. A failing batch blocks its lane until it succeeds, runs
 * out of retries or ages out; given-up batches go to {@link #failures()}.
 */
public final class TriggerMapping {
  private static final int SCAN = 1000;

  private final String name;
  private final TableStream stream;
  private final TriggerOptions options;
  private final TriggerHandler handler;
  private final DynamoClock clock;
  private final Duration retention;
  private final Runnable afterDelivery;
  private final Faults faults;
  private final Map<String, Lane[]> lanes = new ConcurrentHashMap<>();
  private final List<FailedBatch> failures = new CopyOnWriteArrayList<>();
  private final AtomicLong invocations = new AtomicLong();
  private final AtomicLong wakes = new AtomicLong();
  private volatile long idleAt;
  private volatile boolean closed;
  private volatile boolean resetRequested;
  private Instant wakeAt;

  TriggerMapping(String name, TableStream stream, TriggerOptions options, TriggerHandler handler, DynamoClock clock,
                 Duration retention, Runnable afterDelivery, Faults faults) {
    this.faults = faults;
    this.name = name;
    this.stream = stream;
    this.options = options;
    this.handler = handler;
    this.clock = clock;
    this.retention = retention;
    this.afterDelivery = afterDelivery;
    if (options.startingPosition() == StartingPosition.LATEST) {
      for (Shard shard : stream.shards(clock.now())) {
        lanesOf(shard, stream.latestSequence(shard));
      }
    }
  }

  public String name() {
    return name;
  }

  public TableStream stream() {
    return stream;
  }

  public TriggerOptions options() {
    return options;
  }

  /** The on-failure destination: every batch the trigger gave up on, oldest first. */
  public List<FailedBatch> failures() {
    return Collections.unmodifiableList(failures);
  }

  /** How many times the handler was invoked. */
  public long invocations() {
    return invocations.get();
  }

  /** Whether every record written so far has been delivered or given up on, and nothing waits. */
  public boolean idle() {
    return closed || idleAt == wakes.get();
  }

  /** Stops the trigger: nothing more is delivered. */
  public void close() {
    closed = true;
  }

  /**
   * Records arrived (called under the engine's lock: only schedules). The delivery decides whether
   * a batch is due (full, or its window over) and otherwise schedules itself for the window's end.
   */
  void wake() {
    wakes.incrementAndGet();
    schedule(clock.now());
  }

  /** The stream was cleared by a reset: start again from its new shards, with no failures. */
  void reset() {
    resetRequested = true;
    wakes.incrementAndGet();
    schedule(clock.now());
  }

  private synchronized void schedule(Instant due) {
    if (closed || wakeAt != null && !wakeAt.isAfter(due)) {
      return;
    }
    wakeAt = due;
    clock.scheduleDelivery(due, this::deliver);
  }

  /** Delivers every batch due now; runs as a clock delivery, one at a time. */
  void deliver() {
    synchronized (this) {
      wakeAt = null; // before reading the generation: a wake after this schedules a delivery of its own
    }
    long generation = wakes.get();
    if (closed) {
      return;
    }
    Instant now = clock.now();
    if (resetRequested) {
      resetRequested = false;
      lanes.clear();
      failures.clear();
    }
    Instant next = null;
    List<Shard> shards = stream.shards(now);
    lanes.keySet().removeIf(id -> shards.stream().noneMatch(s -> s.id().equals(id)));
    for (Shard shard : shards) {
      if (!parentDone(shard, shards, now)) {
        continue;
      }
      for (Lane lane : lanesOf(shard, 0)) {
        next = earliest(next, runLane(lane, now));
      }
    }
    if (next != null) {
      schedule(next);
    } else if (generation == wakes.get()) {
      idleAt = generation;
    }
    afterDelivery.run();
  }

  private Lane[] lanesOf(Shard shard, long position) {
    return lanes.computeIfAbsent(shard.id(), id -> {
      Lane[] created = new Lane[options.parallelizationFactor()];
      for (int i = 0; i < created.length; i++) {
        created[i] = new Lane(shard, i, position);
      }
      return created;
    });
  }

  private boolean parentDone(Shard shard, List<Shard> retained, Instant now) {
    String parentId = shard.parentId();
    if (parentId == null || retained.stream().noneMatch(s -> s.id().equals(parentId))) {
      return true; // no parent, or it is no longer retained
    }
    Lane[] parent = lanes.get(parentId);
    if (parent == null) {
      return false; // not started yet: its own parent is not done
    }
    for (Lane lane : parent) {
      if (lane.blocked() || !stream.drained(lane.shard, lane.position, now)) {
        return false;
      }
    }
    return true;
  }

  /** Runs the lane's due batches; returns when it next needs a delivery, or null. */
  private Instant runLane(Lane lane, Instant now) {
    while (true) {
      if (lane.pending != null) {
        if (lane.retryAt != null && now.isBefore(lane.retryAt)) {
          return lane.retryAt;
        }
        invoke(lane, now);
        continue;
      }
      List<ItemChange> batch = new ArrayList<>();
      long scanned = lane.position;
      boolean more = true;
      while (batch.size() < options.batchSize() && more) {
        List<ItemChange> page = stream.changesAfter(lane.shard, scanned, SCAN, now);
        more = page.size() == SCAN;
        for (ItemChange change : page) {
          if (batch.size() >= options.batchSize()) {
            break;
          }
          scanned = change.sequence();
          if (laneOf(change) == lane.index && passes(change)) {
            batch.add(change);
          }
        }
      }
      if (batch.isEmpty()) {
        lane.position = scanned;
        return null;
      }
      Instant due = batch.size() >= options.batchSize() ? now : batch.get(0).at().plus(options.maximumBatchingWindow());
      if (due.isAfter(now)) {
        return due;
      }
      lane.pending = batch;
      lane.batchEnd = scanned;
      lane.attempts = 0;
      lane.retryAt = null;
    }
  }

  private int laneOf(ItemChange change) {
    return (int) Long.remainderUnsigned(change.key().hash() >>> 17, options.parallelizationFactor());
  }

  private boolean passes(ItemChange change) {
    if (options.filters().isEmpty()) {
      return true;
    }
    StreamRecord record = stream.record(change);
    return options.filters().stream().anyMatch(filter -> filter.matches(record));
  }

  private void invoke(Lane lane, Instant now) {
    List<ItemChange> batch = lane.pending;
    Instant oldest = batch.get(0).at();
    int maxAge = options.maximumRecordAgeInSeconds();
    if (maxAge >= 0 ? oldest.plusSeconds(maxAge).isBefore(now) : !oldest.plus(retention).isAfter(now)) {
      discard(lane, "RecordAgeExceeded");
      return;
    }
    List<StreamRecord> records = new ArrayList<>(batch.size());
    for (ItemChange change : batch) {
      records.add(stream.record(change));
    }
    invocations.incrementAndGet();
    lane.invokes++;
    List<dev.dynamodouble.core.value.AttributeValue> keys = new ArrayList<>(batch.size());
    for (ItemChange change : batch) {
      keys.add(change.key().partition());
    }
    FaultHandle fault = faults.streamFault(stream.table().name(), stream.table().region(), keys,
        Faults.StreamFault.TRIGGER_FAILURE);
    if (fault != null) { // the invocation fails as a function error would, without running the handler
      failed(lane, ((FaultEffect.Stream) fault.rule().effect()).failure(), true, now);
      return;
    }
    List<String> failed;
    try {
      failed = handler.handle(Collections.unmodifiableList(records));
    } catch (Throwable t) { // a handler's error of any kind fails the batch, as it fails an invocation
      failed(lane, String.valueOf(t), true, now);
      return;
    }
    if (!options.reportBatchItemFailures() || failed == null || failed.isEmpty()) {
      lane.finishPiece();
      return;
    }
    int first = Integer.MAX_VALUE;
    for (String id : failed) {
      int at = indexOf(records, id);
      if (at < 0) {
        failed(lane, "ReportBatchItemFailures: an itemIdentifier is not a sequence number of the batch: " + id,
            true, now);
        return;
      }
      first = Math.min(first, at);
    }
    if (first > 0) {
      lane.position = batch.get(first - 1).sequence(); // the records before the first failure are done
      lane.pending = new ArrayList<>(batch.subList(first, batch.size()));
    }
    failed(lane, "ReportBatchItemFailures: " + failed.size() + " failed", false, now);
  }

  private static int indexOf(List<StreamRecord> records, String sequenceNumber) {
    for (int i = 0; i < records.size(); i++) {
      if (records.get(i).sequenceNumber().equals(sequenceNumber)) {
        return i;
      }
    }
    return -1;
  }

  private void failed(Lane lane, String error, boolean mayBisect, Instant now) {
    lane.lastError = error;
    List<ItemChange> batch = lane.pending;
    if (mayBisect && options.bisectBatchOnFunctionError() && batch.size() > 1) {
      int half = batch.size() / 2; // splitting is no retry: both halves are tried at once
      lane.pending = new ArrayList<>(batch.subList(0, half));
      lane.queued.addFirst(new ArrayList<>(batch.subList(half, batch.size())));
      return;
    }
    lane.attempts++;
    int max = options.maximumRetryAttempts();
    if (max >= 0 && lane.attempts > max) {
      discard(lane, "RetryAttemptsExhausted");
      return;
    }
    lane.retryAt = now.plus(options.retryDelay());
  }

  private void discard(Lane lane, String condition) {
    List<ItemChange> batch = lane.pending;
    List<StreamRecord> records = new ArrayList<>(batch.size());
    for (ItemChange change : batch) {
      records.add(stream.record(change));
    }
    failures.add(new FailedBatch(condition, lane.invokes, lane.shard.id(), records.get(0).sequenceNumber(),
        records.get(records.size() - 1).sequenceNumber(), batch.get(0).at(), batch.get(batch.size() - 1).at(),
        stream.arn(), lane.lastError, List.copyOf(records)));
    lane.finishPiece();
  }

  private static Instant earliest(Instant a, Instant b) {
    return a == null ? b : b == null || a.isBefore(b) ? a : b;
  }
}
