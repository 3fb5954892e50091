package dev.dynamodouble.core.operation;

import dev.dynamodouble.core.engine.Engine;
import dev.dynamodouble.core.table.BillingMode;
import dev.dynamodouble.core.table.IndexDefinition;
import dev.dynamodouble.core.table.KeyAttribute;
import dev.dynamodouble.core.table.OnlineIndex;
import dev.dynamodouble.core.table.Table;
import dev.dynamodouble.core.table.TableStatus;
import dev.dynamodouble.core.table.Throughput;
import dev.dynamodouble.core.table.VectorIndexDefinition;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/** Table status transitions, run by the engine's clock after the configured status delay. */
public final class TableLifecycle {
  private TableLifecycle() {}

  /** CREATING or UPDATING → ACTIVE; global indexes created with the table turn ACTIVE with it. */
  public static void scheduleActive(Engine engine, Table table) {
    scheduleActive(engine, table, java.time.Duration.ZERO);
  }

  /** As {@link #scheduleActive(Engine, Table)}, {@code later} after the status delay (a replica a setting reaches late). */
  public static void scheduleActive(Engine engine, Table table, java.time.Duration later) {
    engine.clock().scheduleAfter(engine.options().statusDelay().plus(later),
        () -> engine.write(() -> activate(engine, table)));
  }

  /** CREATING or UPDATING → ACTIVE now (an import's end); call under the engine's write lock. */
  public static void activate(Engine engine, Table table) {
    if (table.status() == TableStatus.CREATING) {
      List<IndexDefinition> active = new ArrayList<>();
      for (IndexDefinition index : table.globalIndexes()) {
        active.add(index.status() == IndexDefinition.IndexStatus.CREATING
            ? index.withStatus(IndexDefinition.IndexStatus.ACTIVE) : index);
      }
      table.globalIndexes(active);
      List<VectorIndexDefinition> vectors = new ArrayList<>();
      for (VectorIndexDefinition index : table.vectorIndexes()) {
        vectors.add(index.status() == IndexDefinition.IndexStatus.CREATING
            ? index.withStatus(IndexDefinition.IndexStatus.ACTIVE) : index);
      }
      table.vectorIndexes(vectors);
    }
    if (table.status() == TableStatus.CREATING || table.status() == TableStatus.UPDATING) {
      applyPendingCapacity(engine, table, engine.clock().now());
      table.status(TableStatus.ACTIVE);
    }
  }

  /** The billing mode and throughput an UpdateTable asked for take effect. */
  private static void applyPendingCapacity(Engine engine, Table table, Instant now) {
    BillingMode mode = table.pendingBillingMode();
    if (mode != null) {
      table.billingMode(mode, now);
      if (mode == BillingMode.PAY_PER_REQUEST) {
        table.throughput(Throughput.NONE);
      }
      table.pendingBillingMode(null);
    }
    Throughput pending = table.pendingThroughput();
    if (pending != null) {
      if (ThroughputDecreases.isDecrease(table.throughput(), pending)) {
        ThroughputDecreases.scheduleMidnightReset(engine, table, null, now);
      }
      table.throughput(table.throughput().changedTo(pending.read(), pending.write(), now));
      table.pendingThroughput(null);
    }
    table.raiseWarmThroughput();
  }

  /** DELETING → gone. */
  public static void scheduleRemoval(Engine engine, Table table) {
    engine.clock().scheduleAfter(engine.options().statusDelay(), () -> engine.write(() -> {
      if (table.status() == TableStatus.DELETING) { // a restored snapshot may have brought it back
        engine.region(table.region()).remove(table);
      }
    }));
  }

  /**
   * How many items a backfill goes through in half a status delay, the length of the backfill of
   * an index added to a small table. A table with more items backfills proportionally longer: its
   * item count / 1,000 half status delays (5,000 items: five half delays). DynamoDB's backfill
   * time grows with the table it reads; with the default status delay of zero, every backfill is
   * still over before the next request.
   */
  static final long BACKFILL_ITEMS_PER_HALF_DELAY = 1_000;

  /**
   * The clock's part in a change to one global index: an index created online allocates its
   * resources for the first half of the status delay (CREATING, Backfilling false: it cannot be
   * deleted nor have its throughput changed), then backfills (Backfilling true) for
   * {@link #backfillTime} and is ACTIVE at its end, a throughput asked for meanwhile in effect; an
   * index UPDATING is ACTIVE, its new throughput in effect, and one DELETING gone after the delay.
   * Each task looks the index up by name when it runs and acts only on the index it was scheduled
   * for: one still in the status it had, or, for a backfill's end, the same backfill (its start),
   * so that an index deleted while it backfills is not made ACTIVE by its creation's last task,
   * nor is a later index of the same name. An index already being created whose throughput changes
   * needs nothing more: its creation's end applies the new throughput. A vector index goes through
   * the same phases, on the same tasks (see {@link #scheduleVectorIndexSettle}).
   */
  public static void scheduleIndexSettle(Engine engine, Table table, IndexDefinition changed) {
    scheduleIndexSettle(engine, table, changed, false);
  }

  /**
   * As {@link #scheduleIndexSettle(Engine, Table, IndexDefinition)}; with {@code activatesTable},
   * {@code table} (UPDATING for this index's creation alone) turns ACTIVE in the same clock task as
   * the index starts to backfill, no request between the two: DynamoDB's table is UPDATING while a
   * new index allocates its resources and ACTIVE again once it backfills ("After the index begins
   * backfilling, you can use UpdateTable to perform other operations", the API reference).
   */
  public static void scheduleIndexSettle(Engine engine, Table table, IndexDefinition changed, boolean activatesTable) {
    if (changed.status() == IndexDefinition.IndexStatus.CREATING && changed.pendingThroughput() != null) {
      return;
    }
    scheduleSettle(engine, table, IndexKind.GLOBAL, changed, activatesTable);
  }

  /**
   * As {@link #scheduleIndexSettle(Engine, Table, IndexDefinition, boolean)} for a vector index:
   * DynamoDB takes a vector index added online through the same phases as a global one.
   */
  public static void scheduleVectorIndexSettle(Engine engine, Table table, VectorIndexDefinition changed,
                                               boolean activatesTable) {
    scheduleSettle(engine, table, IndexKind.VECTOR, changed, activatesTable);
  }

  private static <I extends OnlineIndex> void scheduleSettle(Engine engine, Table table, IndexKind<I> kind, I changed,
                                                             boolean activatesTable) {
    String name = changed.name();
    IndexDefinition.IndexStatus from = changed.status();
    java.time.Duration delay = engine.options().statusDelay();
    if (from == IndexDefinition.IndexStatus.CREATING) {
      // Each phase's end is reckoned from the last one's due time, not from when its task ran: a
      // system clock has moved on by then, and with no delay the whole creation must still fall
      // due within the one run of due tasks that precedes the next request.
      Instant backfillAt = engine.clock().now().plus(delay.dividedBy(2));
      engine.clock().schedule(backfillAt,
          () -> engine.write(() -> startBackfill(engine, table, kind, name, activatesTable, backfillAt)));
      return;
    }
    engine.clock().scheduleAfter(delay,
        () -> engine.write(() -> settleIndex(engine, table, kind, name, index -> index.status() == from)));
  }

  /**
   * How long a backfill through {@code items} items lasts: half the status delay for up to
   * {@link #BACKFILL_ITEMS_PER_HALF_DELAY} items, beyond that half a delay per as many items.
   */
  static java.time.Duration backfillTime(java.time.Duration statusDelay, long items) {
    java.time.Duration half = statusDelay.dividedBy(2);
    return items <= BACKFILL_ITEMS_PER_HALF_DELAY ? half
        : half.multipliedBy(items).dividedBy(BACKFILL_ITEMS_PER_HALF_DELAY);
  }

  /**
   * Starts the backfill of index {@code name} if it is still allocating its resources (a new index
   * list, as for every change of an index: see ItemValidation.recheck), activates {@code table}
   * with it if asked, and schedules the backfill's end, {@code start} (the phase's due time) plus a
   * length set by the items the table holds now (those a backfill reads: see {@link #backfillTime}).
   */
  private static <I extends OnlineIndex> void startBackfill(Engine engine, Table table, IndexKind<I> kind, String name,
                                                            boolean activatesTable, Instant start) {
    List<I> next = new ArrayList<>();
    boolean started = false;
    for (I index : kind.list().apply(table)) {
      boolean starts = index.name().equals(name) && index.status() == IndexDefinition.IndexStatus.CREATING
          && !index.backfilling();
      started |= starts;
      next.add(starts ? kind.backfillStarted().apply(index, start) : index);
    }
    if (!started) {
      return;
    }
    kind.replace().accept(table, next);
    if (activatesTable) {
      activate(engine, table);
    }
    long items = kind.backfilledItems().applyAsLong(table);
    Instant end = start.plus(backfillTime(engine.options().statusDelay(), items));
    engine.clock().schedule(end, () -> engine.write(() -> settleIndex(engine, table, kind, name,
        index -> index.status() == IndexDefinition.IndexStatus.CREATING && start.equals(index.backfillStart()))));
  }

  /** Index {@code name}, if still the one the task is for ({@code scheduledFor}): ACTIVE, or gone if DELETING. */
  private static <I extends OnlineIndex> void settleIndex(Engine engine, Table table, IndexKind<I> kind, String name,
                                                          Predicate<I> scheduledFor) {
    List<I> settled = new ArrayList<>();
    boolean deleted = false;
    boolean changed = false;
    for (I index : kind.list().apply(table)) {
      if (!index.name().equals(name) || !scheduledFor.test(index)) {
        settled.add(index);
        continue;
      }
      changed = true;
      deleted = index.status() == IndexDefinition.IndexStatus.DELETING;
      if (!deleted) {
        settled.add(kind.settled().apply(engine, table, index));
      }
    }
    if (changed) {
      kind.replace().accept(table, settled);
      if (deleted) {
        pruneDefinitions(table);
      }
    }
  }

  /**
   * Keeps only the attribute definitions some key still uses: DynamoDB describes exactly the key
   * attributes of the table and its indexes, so a deleted index's own attributes go with it.
   */
  private static void pruneDefinitions(Table table) {
    Set<String> used = new HashSet<>(table.keySchema().attributeNames());
    for (IndexDefinition index : table.localIndexes()) {
      used.addAll(index.keySchema().attributeNames());
    }
    for (IndexDefinition index : table.globalIndexes()) {
      used.addAll(index.keySchema().attributeNames());
    }
    for (VectorIndexDefinition index : table.vectorIndexes()) {
      index.searchSchema().forEach(key -> used.add(key.attributeName()));
    }
    List<KeyAttribute> kept = new ArrayList<>();
    for (KeyAttribute definition : table.attributeDefinitions()) {
      if (used.contains(definition.name())) {
        kept.add(definition);
      }
    }
    if (kept.size() < table.attributeDefinitions().size()) {
      table.attributeDefinitions(kept);
    }
  }
}
