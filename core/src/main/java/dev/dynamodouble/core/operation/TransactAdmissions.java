package dev.dynamodouble.core.operation;

import dev.dynamodouble.core.pipeline.Call;
import dev.dynamodouble.core.table.ItemKey;
import dev.dynamodouble.core.table.Table;
import dev.dynamodouble.core.transaction.CancellationReason;
import dev.dynamodouble.core.transaction.TransactionErrors;
import java.util.ArrayList;
import java.util.List;

/**
 * Asks the pipeline's admissions about every item of a transaction before it runs; one refused
 * item (its table, index or partition out of capacity) cancels the whole transaction with a
 * ThrottlingError reason at that item, as DynamoDB does.
 */
final class TransactAdmissions {
  private TransactAdmissions() {}

  /** Items as (table, key or null for a key that failed validation) in request order. */
  static void check(Call call, List<Table> tables, List<ItemKey> keys, boolean write) {
    List<CancellationReason> reasons = null;
    for (int i = 0; i < tables.size(); i++) {
      ItemKey key = keys.get(i);
      if (key != null && !call.admits(tables.get(i), key, write)) {
        if (reasons == null) {
          reasons = new ArrayList<>();
          for (int j = 0; j < tables.size(); j++) {
            reasons.add(CancellationReason.NONE);
          }
        }
        reasons.set(i, CancellationReason.throttlingError());
      }
    }
    if (reasons != null) {
      throw TransactionErrors.cancelled(reasons);
    }
  }
}
