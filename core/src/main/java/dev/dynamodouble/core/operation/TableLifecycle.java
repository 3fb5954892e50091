package dev.dynamodouble.core.operation;

import dev.dynamodouble.core.engine.Engine;
import dev.dynamodouble.core.table.BillingMode;
import dev.dynamodouble.core.table.IndexDefinition;
import dev.dynamodouble.core.table.KeyAttribute;
import dev.dynamodouble.core.table.Table;
import dev.dynamodouble.core.table.TableStatus;
import dev.dynamodouble.core.table.Throughput;
import dev.dynamodouble.core.table.VectorIndexDefinition;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

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
            ? index.withStatus(IndexDefinition.IndexStatus.ACTIVE, false) : index);
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
   * Vector indexes CREATING (backfilling) → ACTIVE, DELETING → removed, after the status delay,
   * as a global index settles; the attribute definitions only a removed index used go with it.
   */
  public static void scheduleVectorIndexesSettle(Engine engine, Table table) {
    engine.clock().scheduleAfter(engine.options().statusDelay(), () -> engine.write(() -> {
      List<VectorIndexDefinition> settled = new ArrayList<>();
      for (VectorIndexDefinition index : table.vectorIndexes()) {
        if (index.status() != IndexDefinition.IndexStatus.DELETING) {
          settled.add(index.withStatus(IndexDefinition.IndexStatus.ACTIVE, false));
        }
      }
      boolean removed = settled.size() < table.vectorIndexes().size();
      table.vectorIndexes(settled);
      if (removed) {
        pruneDefinitions(table);
      }
    }));
  }

  /**
   * Global indexes CREATING/UPDATING → ACTIVE, DELETING → removed, after the status delay; an index
   * backfilling ends its backfill halfway there, so that the phase DynamoDB describes as CREATING
   * with Backfilling false (violating writes refused, the index not yet readable) can be observed.
   */
  public static void scheduleIndexesSettle(Engine engine, Table table) {
    engine.clock().scheduleAfter(engine.options().statusDelay().dividedBy(2),
        () -> engine.write(() -> endBackfills(table)));
    engine.clock().scheduleAfter(engine.options().statusDelay(), () -> engine.write(() -> {
      List<IndexDefinition> settled = new ArrayList<>();
      Instant now = engine.clock().now();
      for (IndexDefinition index : table.globalIndexes()) {
        if (index.status() == IndexDefinition.IndexStatus.DELETING) {
          continue;
        }
        if (index.pendingThroughput() != null && index.throughput() != null
            && ThroughputDecreases.isDecrease(index.throughput(), index.pendingThroughput())) {
          ThroughputDecreases.scheduleMidnightReset(engine, table, index.name(), now);
        }
        settled.add(index.settled(now)); // a new throughput takes effect now, as the table's does when ACTIVE
      }
      boolean removed = settled.size() < table.globalIndexes().size();
      table.globalIndexes(settled);
      if (removed) {
        pruneDefinitions(table);
      }
    }));
  }

  /** Ends the backfill of the table's backfilling global indexes (a new index list: writes checked before recheck). */
  private static void endBackfills(Table table) {
    if (table.globalIndexes().stream().noneMatch(IndexDefinition::backfilling)) {
      return;
    }
    List<IndexDefinition> backfilled = new ArrayList<>();
    for (IndexDefinition index : table.globalIndexes()) {
      backfilled.add(index.backfilling() ? index.backfilled() : index);
    }
    table.globalIndexes(backfilled);
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
