package dev.dynamodouble.core.operation;

import dev.dynamodouble.core.error.DynamoException;
import dev.dynamodouble.core.error.ErrorCode;
import dev.dynamodouble.core.partiql.Plan;
import dev.dynamodouble.core.partiql.RequestJson;
import dev.dynamodouble.core.partiql.Statement;
import dev.dynamodouble.core.partiql.StatementErrors;
import dev.dynamodouble.core.partiql.StatementMemo;
import dev.dynamodouble.core.protocol.AttributeValues;
import dev.dynamodouble.core.protocol.Constraints;
import dev.dynamodouble.core.protocol.Json;
import dev.dynamodouble.core.protocol.JsonRequest;
import dev.dynamodouble.core.protocol.JsonWritable;
import dev.dynamodouble.core.transaction.CancellationReason;
import dev.dynamodouble.core.transaction.TransactionErrors;
import dev.dynamodouble.core.value.AttributeValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * ExecuteTransaction: up to 100 statements, all SELECTs of single items (a TransactGetItems) or all
 * writes and EXISTS checks (a TransactWriteItems, with its ClientRequestToken idempotency, its
 * conflicts and its cancellation reasons). An INSERT that finds its item is cancelled with reason
 * DuplicateItem.
 */
public final class ExecuteTransaction implements Operation {
  private static final TransactWriteItems WRITE = new TransactWriteItems();
  private static final TransactGetItems GET = new TransactGetItems();

  @Override
  public JsonWritable execute(RequestContext context, JsonRequest request) {
    List<JsonRequest> entries = request.structures("TransactStatements");
    String token = request.string("ClientRequestToken");
    String capacityMode = request.string("ReturnConsumedCapacity");
    Constraints constraints = new Constraints()
        .minLength(token, 1, "clientRequestToken")
        .maxLength(token, 36, "clientRequestToken")
        .oneOf(capacityMode, "returnConsumedCapacity", ItemRequests.RETURN_CONSUMED_CAPACITY);
    TransactRequests.checkList(constraints, entries, "transactStatements", "ParameterizedStatement");
    if (entries != null) {
      for (int i = 0; i < entries.size(); i++) {
        if (entries.get(i) == null) {
          constraints.notNull(null, "transactStatements." + (i + 1) + ".member");
        } else {
          PartiqlStatements.check(constraints, entries.get(i), "transactStatements." + (i + 1) + ".member.");
        }
      }
    }
    constraints.check();

    StatementMemo memo = PartiqlStatements.statements(context);
    List<Statement> statements = new ArrayList<>(entries.size());
    for (JsonRequest entry : entries) {
      statements.add(memo.parse(entry));
    }
    boolean reads = statements.get(0).isRead();
    for (Statement s : statements) {
      if (s.isRead() != reads) {
        throw DynamoException.validation(
            "ExecuteTransaction API does not support both read and write operations in the same request.");
      }
    }
    List<Plan> plans = new ArrayList<>(statements.size());
    List<Map<String, Object>> actions = new ArrayList<>(statements.size());
    for (int i = 0; i < statements.size(); i++) {
      Statement s = statements.get(i);
      Plan plan;
      try {
        plan = s instanceof Statement.Select select ? memo.planGet(select) : memo.plan(s);
      } catch (DynamoException e) {
        throw StatementErrors.EXISTS_WITHOUT_CONDITION.equals(e.getMessage()) ? failedAt(i, e.getMessage()) : e;
      }
      if (plan == null) {
        throw failedAt(i, "Select statements within ExecuteTransaction must specify the primary key in the where clause.");
      }
      if (plan.returning() != null) {
        throw failedAt(i, "RETURNING clause is not supported in ExecuteTransaction.");
      }
      plans.add(plan);
      Map<String, Object> extra = new LinkedHashMap<>();
      if (!reads) {
        extra.put("ReturnValuesOnConditionCheckFailure", entries.get(i).string("ReturnValuesOnConditionCheckFailure"));
      }
      actions.add(Map.of(plan.kind().transactAction(), plan.with(extra)));
    }

    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("TransactItems", actions);
    fields.put("ReturnConsumedCapacity", capacityMode);
    if (!reads) {
      fields.put("ClientRequestToken", token);
    }
    JsonRequest response;
    JsonRequest transaction = RequestJson.request(fields);
    try {
      response = RequestJson.parse((reads ? GET : WRITE).execute(context, transaction));
    } catch (DynamoException e) {
      throw e.code() == ErrorCode.TRANSACTION_CANCELED ? withDuplicateItems(e, plans) : e;
    }
    List<JsonRequest> responses = response.structures("Responses");
    Object capacity = response.raw("ConsumedCapacity");
    return out -> {
      out.writeStartObject();
      out.writeArrayFieldStart("Responses"); // a write transaction answers an empty list
      for (int i = 0; responses != null && i < responses.size(); i++) {
        Map<String, AttributeValue> item = responses.get(i) == null ? null : responses.get(i).item("Item");
        out.writeStartObject();
        if (item != null) {
          out.writeFieldName("Item");
          AttributeValues.writeItem(out, plans.get(i).shape(item));
        }
        out.writeEndObject();
      }
      out.writeEndArray();
      if (capacity != null) {
        out.writeFieldName("ConsumedCapacity");
        Json.write(out, capacity);
      }
      out.writeEndObject();
    };
  }

  /** DynamoDB's ValidationException about one statement of the transaction. */
  private static DynamoException failedAt(int index, String message) {
    return DynamoException.validation("Validation failed in TransactStatements[" + index + "]: " + message);
  }

  /** The cancellation with each INSERT's failed condition reported as the DuplicateItem it means. */
  private static DynamoException withDuplicateItems(DynamoException e, List<Plan> plans) {
    List<JsonRequest> reasons = RequestJson.detail(e).structures("CancellationReasons");
    if (reasons == null || reasons.size() != plans.size()) {
      return e;
    }
    List<CancellationReason> rewritten = new ArrayList<>(reasons.size());
    for (int i = 0; i < reasons.size(); i++) {
      JsonRequest r = reasons.get(i);
      String code = r.string("Code");
      if (plans.get(i).kind() == Plan.Kind.INSERT && CancellationReason.CONDITIONAL_CHECK_FAILED.equals(code)) {
        rewritten.add(new CancellationReason("DuplicateItem", StatementErrors.duplicateItem().getMessage(), null));
      } else {
        rewritten.add(new CancellationReason(code, r.string("Message"), r.item("Item")));
      }
    }
    return TransactionErrors.cancelled(rewritten);
  }
}
