package dev.dynamodouble.core.insights;

import dev.dynamodouble.core.error.DynamoException;
import dev.dynamodouble.core.partiql.RequestJson;
import dev.dynamodouble.core.pipeline.Call;
import dev.dynamodouble.core.protocol.JsonRequest;
import java.util.List;
import java.util.Set;

/**
 * The items of a cancelled transaction (TransactWriteItems, TransactGetItems) whose cancellation
 * reason is a throttle, found by position: reason i belongs to item i.
 */
final class CancelledItems {
  /** The reason codes of a throttled item (CancellationReason.Code). */
  private static final Set<String> THROTTLES = Set.of("ThrottlingError", "ProvisionedThroughputExceeded",
      "RequestLimitExceeded");

  private CancelledItems() {}

  /** Tells {@code visitor} the keys of the call's items that {@code cancellation} reports throttled. */
  static void walkThrottled(Call call, DynamoException cancellation, RequestedKeys.Visitor visitor) {
    List<JsonRequest> reasons = RequestJson.detail(cancellation).structures("CancellationReasons");
    List<JsonRequest> items = call.request().structures("TransactItems");
    if (reasons == null || items == null) {
      return;
    }
    for (int i = 0; i < Math.min(reasons.size(), items.size()); i++) {
      if (reasons.get(i) != null && THROTTLES.contains(reasons.get(i).string("Code"))) {
        RequestedKeys.transactItem(call, items.get(i), visitor);
      }
    }
  }
}
