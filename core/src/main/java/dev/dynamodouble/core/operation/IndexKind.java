package dev.dynamodouble.core.operation;

import dev.dynamodouble.core.engine.Engine;
import dev.dynamodouble.core.table.IndexDefinition;
import dev.dynamodouble.core.table.OnlineIndex;
import dev.dynamodouble.core.table.Table;
import dev.dynamodouble.core.table.VectorIndexDefinition;
import java.time.Instant;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/**
 * One kind of a table's indexes as the clock's index tasks change them (see
 * TableLifecycle.scheduleIndexSettle): where the table keeps them ({@code list}, {@code replace}),
 * what an index becomes when it starts to backfill and when it is ACTIVE ({@code settled}), and
 * how many of the table's items a backfill of one goes through, for how long it lasts
 * ({@code backfilledItems}: see TableLifecycle.backfillTime).
 */
record IndexKind<I extends OnlineIndex>(Function<Table, List<I>> list, BiConsumer<Table, List<I>> replace,
                                        BiFunction<I, Instant, I> backfillStarted, Settle<I> settled,
                                        ToLongFunction<Table> backfilledItems) {
  /** {@code index} of {@code table} ACTIVE at the engine clock's now. */
  interface Settle<I> {
    I apply(Engine engine, Table table, I index);
  }

  /**
   * Global secondary indexes: a throughput asked for while the index was changing takes effect
   * when it settles. A backfill reads every item of the table to decide whether it belongs in the
   * index (the API reference's GlobalSecondaryIndexDescription.Backfilling), so a larger table
   * backfills for longer.
   */
  static final IndexKind<IndexDefinition> GLOBAL = new IndexKind<>(Table::globalIndexes, Table::globalIndexes,
      IndexDefinition::backfillStarted, IndexKind::settledGlobal, table -> table.snapshot().itemCount());

  /**
   * Vector indexes (on-demand tables only: no throughput of their own). Their backfill lasts as
   * long whatever the table holds: "Index construction drives backfill duration, not the number of
   * items in the base table" (the developer guide's "Data synchronization between tables and
   * vector indexes").
   */
  static final IndexKind<VectorIndexDefinition> VECTOR = new IndexKind<>(Table::vectorIndexes, Table::vectorIndexes,
      VectorIndexDefinition::backfillStarted,
      (engine, table, index) -> index.withStatus(IndexDefinition.IndexStatus.ACTIVE), table -> 0);

  private static IndexDefinition settledGlobal(Engine engine, Table table, IndexDefinition index) {
    Instant now = engine.clock().now();
    if (index.pendingThroughput() != null && index.throughput() != null
        && ThroughputDecreases.isDecrease(index.throughput(), index.pendingThroughput())) {
      ThroughputDecreases.scheduleMidnightReset(engine, table, index.name(), now);
    }
    return index.settled(now); // a new throughput takes effect now, as the table's does when ACTIVE
  }
}
