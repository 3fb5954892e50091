package dev.dynamodouble.core.operation;

import dev.dynamodouble.core.pipeline.Call;
import dev.dynamodouble.core.transaction.CancellationReason;
import dev.dynamodouble.core.transaction.ReadTransaction;
import dev.dynamodouble.core.transaction.TransactionErrors;
import dev.dynamodouble.core.transaction.WriteAction;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntPredicate;

/**
 * Asks the pipeline's admissions about every item of a transaction before it runs; one refused
 * item (its table, index or partition out of capacity, a GSI partition its write goes to among
 * them) cancels the whole transaction with a ThrottlingError reason at that item, as DynamoDB does.
 */
final class TransactAdmissions {
  private TransactAdmissions() {}

  /** The items of a read transaction, in request order (one whose key failed validation is not asked about). */
  static void checkReads(Call call, List<ReadTransaction.Target> targets) {
    check(targets.size(), i -> {
      ReadTransaction.Target target = targets.get(i);
      return target.key() == null || call.admits(target.table(), target.key(), false);
    });
  }

  /** The actions of a write transaction: a put or update or delete is admitted with the index entries it writes. */
  static void checkWrites(Call call, List<WriteAction> actions) {
    check(actions.size(), i -> {
      WriteAction action = actions.get(i);
      if (action.key() == null) {
        return true;
      }
      return action.kind() == WriteAction.Kind.CONDITION_CHECK ? call.admits(action.table(), action.key(), true)
          : call.admitsWrite(action.table(), action.key(), action.item());
    });
  }

  private static void check(int size, IntPredicate admitted) {
    List<CancellationReason> reasons = null;
    for (int i = 0; i < size; i++) {
      if (!admitted.test(i)) {
        if (reasons == null) {
          reasons = new ArrayList<>();
          for (int j = 0; j < size; j++) {
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
