package dev.dynamodouble.core.insights;

import dev.dynamodouble.core.capacity.Throttles;
import dev.dynamodouble.core.error.DynamoException;
import dev.dynamodouble.core.error.ErrorCode;
import dev.dynamodouble.core.pipeline.Call;
import dev.dynamodouble.core.pipeline.ItemRefusals;
import dev.dynamodouble.core.pipeline.RequestStage;
import dev.dynamodouble.core.pipeline.StatementTargets;
import dev.dynamodouble.core.protocol.JsonWritable;
import dev.dynamodouble.core.table.Table;
import dev.dynamodouble.core.value.AttributeValue;
import java.util.Map;

/**
 * Counts the keys of item requests for Contributor Insights. Accessed keys: those of every request
 * that succeeded (GetItem, PutItem, UpdateItem, DeleteItem, each item of BatchGetItem,
 * BatchWriteItem, TransactGetItems and TransactWriteItems the call did not leave unprocessed, the
 * partition of each Query, each item a Scan reads). Throttled keys: those of every request answered
 * with a throttle (ProvisionedThroughputExceededException, ThrottlingException, RequestLimitExceeded,
 * whether capacity or a fault rule threw it), each item of a batch or transaction the capacity stage
 * or a fault rule refused, each transaction item a fault cancels with a throttling reason. PartiQL
 * requests (ExecuteStatement, BatchExecuteStatement, ExecuteTransaction) are not counted at all, as
 * DynamoDB's Contributor Insights does not support them. Costs one volatile read while no table has
 * insights enabled.
 */
final class KeyAccessStage implements RequestStage {
  private final ContributorInsights insights;

  KeyAccessStage(ContributorInsights insights) {
    this.insights = insights;
  }

  @Override
  public void before(Call call) {
    // counts what succeeded in after() and what was refused in failed(), except what only the
    // operation knows: a Scan's items, a batch's refused items
    if (counts(call)) {
      switch (call.operation()) {
        case "Scan", "BatchGetItem", "BatchWriteItem", "TransactGetItems", "TransactWriteItems" -> {
          CallKeys keys = new CallKeys(insights);
          call.note(KeyAccess.class, keys);
          call.note(ItemRefusals.class, keys);
        }
        default -> { }
      }
    }
  }

  @Override
  public JsonWritable after(Call call, JsonWritable response) {
    if (counts(call)) {
      countAccessed(call, CallKeys.of(call));
    }
    return response;
  }

  @Override
  public void failed(Call call, DynamoException error) {
    if (!counts(call)) {
      return;
    }
    CallKeys keys = CallKeys.of(call); // null when a stage before this one (faults) refused the call
    if (keys != null && keys.throttlesCounted()) {
      return; // a batch refused item by item: counted then
    }
    try {
      if (counted(error)) {
        RequestedKeys.walk(call, call.operation(), call.request(), throttledKeys());
      } else if (error.code() == ErrorCode.TRANSACTION_CANCELED) {
        CancelledItems.walkThrottled(call, error, throttledKeys());
      }
    } catch (RuntimeException e) {
      // a request a stage refused before the operation read it may be malformed: not counted
    }
  }

  /**
   * Whether the call's keys may be counted: insights are on somewhere (the first, cheapest test), the
   * call is a DynamoDB one, and it is not a PartiQL request, which DynamoDB's Contributor Insights
   * does not support (neither accessed nor throttled, whatever refused it).
   */
  private boolean counts(Call call) {
    return insights.everEnabled() && call.api() == Call.Api.DYNAMODB
        && !StatementTargets.isStatementOperation(call.operation());
  }

  /**
   * Whether DynamoDB's Contributor Insights counts an error as a throttle of the request's keys: its
   * ThrottleCount counts ProvisionedThroughputExceededException, ThrottlingException and
   * RequestLimitExceeded, but not a write held back by a global secondary index's write capacity.
   */
  private static boolean counted(DynamoException error) {
    ErrorCode code = error.code();
    return (code == ErrorCode.PROVISIONED_THROUGHPUT_EXCEEDED || code == ErrorCode.THROTTLING
        || code == ErrorCode.REQUEST_LIMIT_EXCEEDED) && !Throttles.forIndexWrites(error);
  }

  /**
   * Counts the keys of a request that succeeded as accessed: on the table and each index holding the
   * item; {@code keys} (or null) leaves out the items the call refused.
   */
  private void countAccessed(Call call, CallKeys keys) {
    try {
      RequestedKeys.walk(call, call.operation(), call.request(), new RequestedKeys.Visitor() {
        @Override
        public void item(Table table, Map<String, AttributeValue> attributes) {
          if (keys == null || !keys.leftUnprocessed(table, attributes)) {
            insights.recordAccess(table, attributes);
          }
        }

        @Override
        public void partition(Table table, String index, Map<String, AttributeValue> partition) {
          insights.record(Contribution.ACCESSED, table, index, partition);
        }
      });
    } catch (DynamoException | ClassCastException e) {
      // the operation accepted the request; a shape this stage does not expect is not counted
    }
  }

  /**
   * Counts throttles where the request was refused: an item request on the table alone (its
   * indexes were not written), a Query or a Scan on the table or index it reads.
   */
  private RequestedKeys.Visitor throttledKeys() {
    return new RequestedKeys.Visitor() {
      @Override
      public void item(Table table, Map<String, AttributeValue> attributes) {
        insights.record(Contribution.THROTTLED, table, null, attributes);
      }

      @Override
      public void partition(Table table, String index, Map<String, AttributeValue> partition) {
        insights.record(Contribution.THROTTLED, table, index, partition);
      }

      @Override
      public void scanStart(Table table, String index, Map<String, AttributeValue> start) {
        insights.record(Contribution.THROTTLED, table, index, start);
      }
    };
  }
}
