package dev.dynamodouble.core.transaction;

import dev.dynamodouble.core.engine.Catalog;
import dev.dynamodouble.core.error.DynamoException;
import dev.dynamodouble.core.table.ItemKey;
import dev.dynamodouble.core.table.StoredItem;
import dev.dynamodouble.core.table.Table;
import dev.dynamodouble.core.table.TableData;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The reads of one TransactGetItems, all from one instant: the roots of every table involved are
 * taken together under the engine's write lock (so no commit lands between two of them), and an
 * item that a write transaction has in flight cancels the read with a TransactionConflict reason.
 */
public final class ReadTransaction {
  /** One Get: an item of a table, or a key that does not fit the table (then {@code keyError}). */
  public record Target(Table table, ItemKey key, String keyError) {
    public static Target of(Table table, ItemKey key) {
      return new Target(table, key, null);
    }

    public static Target invalidKey(Table table, String message) {
      return new Target(table, null, message);
    }
  }

  private ReadTransaction() {}

  /**
   * The items of {@code targets} (null where absent), in order.
   *
   * @throws DynamoException TransactionCanceledException when a key does not fit its table or an
   *     item is in flight in a transaction
   */
  public static List<StoredItem> read(Transactions transactions, Catalog catalog, List<Target> targets) {
    return transactions.engine().write(() -> {
      Map<Table, TableData> roots = new HashMap<>();
      List<CancellationReason> reasons = new ArrayList<>(targets.size());
      List<StoredItem> items = new ArrayList<>(targets.size());
      boolean failed = false;
      for (Target target : targets) {
        Table table = target.table();
        catalog.requireItemTable(table);
        if (target.keyError() != null) {
          reasons.add(CancellationReason.validationError(target.keyError()));
          items.add(null);
          failed = true;
          continue;
        }
        if (transactions.holderOf(new ItemRef(table, target.key())) != null) {
          reasons.add(CancellationReason.transactionConflict());
          items.add(null);
          failed = true;
          continue;
        }
        reasons.add(CancellationReason.NONE);
        items.add(roots.computeIfAbsent(table, Table::snapshot).get(target.key()));
      }
      if (failed) {
        throw TransactionErrors.cancelled(reasons);
      }
      return Collections.unmodifiableList(items);
    });
  }
}
