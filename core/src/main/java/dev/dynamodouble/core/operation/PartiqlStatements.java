package dev.dynamodouble.core.operation;

import dev.dynamodouble.core.capacity.CapacityAdmission;
import dev.dynamodouble.core.capacity.Throttles;
import dev.dynamodouble.core.error.DynamoException;
import dev.dynamodouble.core.error.ErrorCode;
import dev.dynamodouble.core.partiql.KeySchemas;
import dev.dynamodouble.core.partiql.Plan;
import dev.dynamodouble.core.partiql.RequestJson;
import dev.dynamodouble.core.partiql.StatementErrors;
import dev.dynamodouble.core.partiql.StatementMemo;
import dev.dynamodouble.core.protocol.AttributeValues;
import dev.dynamodouble.core.protocol.Constraints;
import dev.dynamodouble.core.protocol.JsonRequest;
import dev.dynamodouble.core.table.BillingMode;
import dev.dynamodouble.core.table.ItemKey;
import dev.dynamodouble.core.table.Table;
import dev.dynamodouble.core.value.AttributeValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What ExecuteStatement, BatchExecuteStatement and ExecuteTransaction share: reading a statement
 * and its parameters, planning it against the catalog, and running a plan through the engine
 * operation that answers it.
 */
final class PartiqlStatements {
  static final int MAX_STATEMENT_LENGTH = 8192;

  private static final Map<Plan.Kind, Operation> OPERATIONS = Map.of(
      Plan.Kind.GET, new GetItem(), Plan.Kind.QUERY, new Query(), Plan.Kind.SCAN, new Scan(),
      Plan.Kind.INSERT, new PutItem(), Plan.Kind.UPDATE, new UpdateItem(), Plan.Kind.DELETE, new DeleteItem());

  private PartiqlStatements() {}

  /** The member constraints of one statement entry: Statement 1 to 8192 characters, Parameters not empty. */
  static void check(Constraints constraints, JsonRequest entry, String prefix) {
    String statement = entry == null ? null : entry.string("Statement");
    constraints.notNull(statement, prefix + "statement")
        .minLength(statement, 1, prefix + "statement")
        .maxLength(statement, MAX_STATEMENT_LENGTH, prefix + "statement")
        .oneOf(entry == null ? null : entry.string("ReturnValuesOnConditionCheckFailure"),
            prefix + "returnValuesOnConditionCheckFailure", ItemRequests.RETURN_VALUES_ON_CONDITION_CHECK_FAILURE);
    List<AttributeValue> parameters = entry == null ? null : entry.values("Parameters");
    if (parameters != null) {
      constraints.minSize(parameters, 1, prefix + "parameters");
    }
  }

  /**
   * Where the operation parses and plans its statements: the call's memo, which auth and the fault
   * rules may have filled already (so each statement is parsed and planned once per request, and
   * fails with the same error whichever stage met it first).
   */
  static StatementMemo statements(RequestContext context) {
    return context.call() != null ? context.call().statements()
        : new StatementMemo(KeySchemas.of(context.catalog()));
  }

  /**
   * Runs a plan through its operation with {@code extra} request fields and returns the response.
   * An INSERT that finds its item fails with DuplicateItemException rather than the failed condition.
   */
  static JsonRequest run(RequestContext context, Plan plan, Map<String, Object> extra) {
    return runRequest(context, plan, plan.with(extra));
  }

  /** Runs {@code plan}'s operation with exactly these request fields. */
  static JsonRequest runRequest(RequestContext context, Plan plan, Map<String, Object> fields) {
    JsonRequest request = RequestJson.request(fields);
    try {
      admit(context, plan, request);
      return RequestJson.parse(OPERATIONS.get(plan.kind()).execute(context, request));
    } catch (DynamoException e) {
      if (plan.kind() == Plan.Kind.INSERT && e.code() == ErrorCode.CONDITIONAL_CHECK_FAILED) {
        throw StatementErrors.duplicateItem();
      }
      throw e;
    }
  }

  /**
   * Capacity admits a statement as the operation it becomes: its table (or index) and, for a
   * statement on one item, that item's partition; a Query admits its own partition.
   */
  private static void admit(RequestContext context, Plan plan, JsonRequest request) {
    if (context.call() == null || context.call().note(CapacityAdmission.class) == null) {
      return; // enforcement off: nothing to admit
    }
    Table table = context.catalog().find(plan.tableName());
    if (table == null) {
      return; // the operation answers it
    }
    boolean write = !plan.kind().isRead();
    String index = plan.kind() == Plan.Kind.QUERY || plan.kind() == Plan.Kind.SCAN ? request.string("IndexName") : null;
    CapacityAdmission.requireRequest(context.call(), table, index, write);
    if (plan.key() != null && plan.kind() != Plan.Kind.QUERY && plan.kind() != Plan.Kind.SCAN) {
      CapacityAdmission.requirePartition(context.call(), table, null, plan.key().get(table.keySchema().partition().name()),
          write);
    }
    if (write) { // as a single-item write: refused when a GSI partition it writes to is out of capacity
      CapacityAdmission.requireIndexPartitions(context.call(), table, request,
          plan.kind() == Plan.Kind.INSERT ? "Item" : "Key");
    }
  }

  /**
   * Asks the pipeline's per-item admissions (a fault rule leaving chosen keys or a share of a batch
   * unprocessed) about the one item a statement of BatchExecuteStatement addresses: a refused
   * statement answers DynamoDB's throttle in its place, as a throttled statement does.
   */
  static void admitItem(RequestContext context, Plan plan) {
    Table table = context.catalog().find(plan.tableName());
    if (table == null || plan.key() == null || context.call() == null) {
      return; // the operation answers it
    }
    AttributeValue partition = plan.key().get(table.keySchema().partition().name());
    AttributeValue sort = table.keySchema().sort() == null ? null : plan.key().get(table.keySchema().sort().name());
    if (partition != null && !context.call().admits(table, ItemKey.of(partition, sort), !plan.kind().isRead())) {
      throw table.billingMode() == BillingMode.PAY_PER_REQUEST
          ? new DynamoException(ErrorCode.THROTTLING, Throttles.ON_DEMAND)
          : new DynamoException(ErrorCode.PROVISIONED_THROUGHPUT_EXCEEDED, Throttles.TABLE);
    }
  }

  /** The items a plan's response holds: a GetItem's item, a Query's or Scan's items, a write's RETURNING. */
  static List<Map<String, AttributeValue>> items(Plan plan, JsonRequest response) {
    List<Map<String, AttributeValue>> items = new ArrayList<>();
    if (plan.kind() == Plan.Kind.QUERY || plan.kind() == Plan.Kind.SCAN) {
      Object raw = response.raw("Items");
      if (raw instanceof List<?> list) {
        for (Object item : list) {
          items.add(plan.shape(AttributeValues.readItem(item)));
        }
      }
      return items;
    }
    Map<String, AttributeValue> item = response.item(plan.kind() == Plan.Kind.GET ? "Item" : "Attributes");
    if (item != null && !item.isEmpty()) {
      items.add(plan.kind() == Plan.Kind.GET ? plan.shape(item) : item);
    }
    return items;
  }
}
