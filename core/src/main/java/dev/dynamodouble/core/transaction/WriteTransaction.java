package dev.dynamodouble.core.transaction;

import dev.dynamodouble.core.engine.Catalog;
import dev.dynamodouble.core.engine.Engine;
import dev.dynamodouble.core.error.DynamoException;
import dev.dynamodouble.core.feed.ChangeFeed;
import dev.dynamodouble.core.feed.Origin;
import dev.dynamodouble.core.table.StoredItem;
import dev.dynamodouble.core.table.Table;
import dev.dynamodouble.core.table.TableData;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs the actions of one TransactWriteItems all-or-nothing: claim the items (prepare), stay in
 * flight while the hooks run, then decide every action against the current items and publish
 * every table's new root in one step under the engine's write lock (commit), or cancel with a
 * reason per action and change nothing.
 */
public final class WriteTransaction {
  /** The items before and after each action, in request order (after == before for a check). */
  public record Outcome(List<StoredItem> before, List<StoredItem> after) {}

  private WriteTransaction() {}

  /**
   * @param actions the validated actions, on distinct items
   * @throws DynamoException TransactionCanceledException (nothing was written)
   */
  public static Outcome run(Transactions transactions, Catalog catalog, List<WriteAction> actions) {
    Engine engine = transactions.engine();
    List<ItemRef> refs = new ArrayList<>();
    for (WriteAction action : actions) {
      if (action.ref() != null) {
        refs.add(action.ref());
      }
    }
    InFlightTransaction transaction = engine.write(() -> prepare(transactions, catalog, actions, refs));
    boolean[] released = {false};
    try {
      transactions.runHooks(transaction);
      return engine.write(() -> {
        try {
          return commit(engine, catalog, actions);
        } finally {
          transactions.releaseLocked(transaction);
          released[0] = true;
        }
      });
    } finally {
      if (!released[0]) {
        transactions.release(transaction); // a hook failed: nothing was committed
      }
    }
  }

  /** Claims the items, or cancels with a TransactionConflict reason for each item in flight elsewhere. */
  private static InFlightTransaction prepare(Transactions transactions, Catalog catalog, List<WriteAction> actions,
                                             List<ItemRef> refs) {
    for (WriteAction action : actions) {
      catalog.requireItemTable(action.table());
    }
    InFlightTransaction claimed = transactions.claim(InFlightTransaction.Kind.WRITE, catalog.region(), refs);
    if (claimed != null) {
      return claimed;
    }
    List<CancellationReason> reasons = new ArrayList<>(actions.size());
    boolean invalid = false;
    for (WriteAction action : actions) {
      if (invalid) {
        reasons.add(CancellationReason.NONE); // the service stops at the first invalid action
      } else if (action.keyError() != null) {
        reasons.add(CancellationReason.validationError(action.keyError()));
        invalid = true;
      } else if (transactions.holderOf(action.ref()) != null) {
        reasons.add(CancellationReason.transactionConflict());
      } else {
        reasons.add(CancellationReason.NONE);
      }
    }
    throw TransactionErrors.cancelled(reasons);
  }

  /** Decides every action against the current roots and publishes them all, or cancels. */
  private static Outcome commit(Engine engine, Catalog catalog, List<WriteAction> actions) {
    Map<Table, TableData> pending = new LinkedHashMap<>();
    Map<Table, List<ChangeFeed.Edit>> edits = new LinkedHashMap<>();
    List<CancellationReason> reasons = new ArrayList<>(actions.size());
    List<StoredItem> befores = new ArrayList<>(actions.size());
    List<StoredItem> afters = new ArrayList<>(actions.size());
    boolean failed = false;
    boolean invalid = false;
    for (WriteAction action : actions) {
      if (invalid) {
        reasons.add(CancellationReason.NONE); // the service stops at the first invalid action
        continue;
      }
      catalog.requireItemTable(action.table());
      TableData data = pending.computeIfAbsent(action.table(), Table::snapshot);
      StoredItem before = action.key() == null ? null : data.get(action.key());
      WriteAction.Decision decision = action.evaluate(before);
      reasons.add(decision.reason());
      befores.add(before);
      afters.add(decision.after());
      if (decision.failed()) {
        failed = true;
        invalid = decision.reason().code().equals(CancellationReason.VALIDATION_ERROR);
      } else if (!failed && action.kind().writes()) {
        pending.put(action.table(), decision.after() == null
            ? data.delete(action.key()) : data.put(action.key(), decision.after(), before));
        edits.computeIfAbsent(action.table(), t -> new ArrayList<>())
            .add(new ChangeFeed.Edit(action.key(), before, decision.after()));
      }
    }
    if (failed) {
      throw TransactionErrors.cancelled(reasons);
    }
    Instant now = engine.clock().now();
    engine.feed().together(() -> { // one atomic change, whatever the number of tables
      for (Map.Entry<Table, TableData> e : pending.entrySet()) {
        if (e.getValue() != e.getKey().snapshot()) {
          engine.feed().commit(e.getKey(), e.getValue(), now, Origin.TRANSACTION, edits.get(e.getKey()));
        }
      }
    });
    return new Outcome(Collections.unmodifiableList(befores), Collections.unmodifiableList(afters));
  }
}
