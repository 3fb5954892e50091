package dev.dynamodouble.core.operation;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.dynamodouble.core.error.DynamoException;
import dev.dynamodouble.core.error.ErrorCode;
import dev.dynamodouble.core.partiql.Plan;
import dev.dynamodouble.core.partiql.RequestJson;
import dev.dynamodouble.core.partiql.Statement;
import dev.dynamodouble.core.partiql.StatementErrors;
import dev.dynamodouble.core.partiql.StatementMemo;
import dev.dynamodouble.core.protocol.AttributeValues;
import dev.dynamodouble.core.protocol.Constraints;
import dev.dynamodouble.core.protocol.JsonRequest;
import dev.dynamodouble.core.protocol.JsonWritable;
import dev.dynamodouble.core.value.AttributeValue;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * BatchExecuteStatement: up to 25 statements, all reads (each naming one item by its full key) or
 * all writes, each answered on its own: a statement that fails has an Error in its place of
 * Responses and the others still run.
 */
public final class BatchExecuteStatement implements Operation {
  static final int MAX_STATEMENTS = 25;

  /** One entry of Responses. */
  private record Outcome(String tableName, Map<String, AttributeValue> item, DynamoException error) {}

  @Override
  public JsonWritable execute(RequestContext context, JsonRequest request) {
    List<JsonRequest> entries = request.structures("Statements");
    String capacityMode = request.string("ReturnConsumedCapacity");
    Constraints constraints = new Constraints()
        .notNull(entries, "statements")
        .oneOf(capacityMode, "returnConsumedCapacity", ItemRequests.RETURN_CONSUMED_CAPACITY);
    if (entries != null) {
      constraints.minSize(entries, 1, "statements").maxSize(entries, MAX_STATEMENTS, "statements");
      for (int i = 0; i < entries.size(); i++) {
        if (entries.get(i) == null) {
          constraints.notNull(null, "statements." + (i + 1) + ".member");
        } else {
          PartiqlStatements.check(constraints, entries.get(i), "statements." + (i + 1) + ".member.");
        }
      }
    }
    constraints.check();

    // Each statement is parsed and planned on its own: what fails there fails only that statement.
    StatementMemo statements = PartiqlStatements.statements(context);
    List<Object> prepared = new ArrayList<>(entries.size()); // a Plan, or the DynamoException of its statement
    Boolean reads = null;
    for (JsonRequest entry : entries) {
      Statement statement;
      try {
        statement = statements.parse(entry);
      } catch (DynamoException e) {
        prepared.add(e);
        continue;
      }
      if (reads != null && reads != statement.isRead()) {
        throw DynamoException.validation("Read and write requests together in the same batch is not supported.");
      }
      reads = statement.isRead();
      prepared.add(statement);
    }
    for (int i = 0; i < prepared.size(); i++) {
      if (prepared.get(i) instanceof Statement statement) {
        try {
          prepared.set(i, plan(statements, statement));
        } catch (DynamoException e) {
          prepared.set(i, e);
        }
      }
    }
    Set<String> items = new HashSet<>();
    for (Object p : prepared) {
      String identity = p instanceof Plan plan ? plan.itemIdentity() : null;
      if (identity != null && !items.add(identity)) {
        throw DynamoException.validation("Provided list of item keys contains duplicates");
      }
    }

    List<Outcome> outcomes = new ArrayList<>(entries.size());
    CapacityTotals totals = new CapacityTotals();
    for (int i = 0; i < entries.size(); i++) {
      outcomes.add(run(context, entries.get(i), prepared.get(i), capacityMode, totals));
    }
    return out -> {
      out.writeStartObject();
      out.writeArrayFieldStart("Responses");
      for (Outcome o : outcomes) {
        write(out, o);
      }
      out.writeEndArray();
      totals.write(out);
      out.writeEndObject();
    };
  }

  private static Plan plan(StatementMemo statements, Statement statement) {
    if (statement instanceof Statement.Exists) {
      throw StatementErrors.existsOutsideTransaction();
    }
    if (statement instanceof Statement.Select select) {
      Plan plan = statements.planGet(select);
      if (plan == null) {
        throw DynamoException.validation("Only single item select is supported");
      }
      return plan;
    }
    return statements.plan(statement);
  }

  private static Outcome run(RequestContext context, JsonRequest entry, Object prepared, String capacityMode,
                             CapacityTotals totals) {
    if (prepared instanceof DynamoException e) {
      return new Outcome(null, null, e);
    }
    Plan plan = (Plan) prepared;
    try {
      PartiqlStatements.admitItem(context, plan);
      Map<String, Object> extra = new LinkedHashMap<>();
      extra.put("ReturnConsumedCapacity", capacityMode);
      if (plan.kind().isRead()) {
        extra.put("ConsistentRead", entry.bool("ConsistentRead"));
      } else {
        extra.put("ReturnValuesOnConditionCheckFailure", entry.string("ReturnValuesOnConditionCheckFailure"));
      }
      JsonRequest response = PartiqlStatements.run(context, plan, extra);
      totals.add(response.raw("ConsumedCapacity"));
      List<Map<String, AttributeValue>> items = PartiqlStatements.items(plan, response);
      return new Outcome(plan.tableName(), items.isEmpty() ? null : items.get(0), null);
    } catch (DynamoException e) {
      return new Outcome(plan.tableName(), null, e);
    }
  }

  private static void write(JsonGenerator out, Outcome o) throws IOException {
    out.writeStartObject();
    if (o.error() != null) {
      out.writeObjectFieldStart("Error");
      out.writeStringField("Code", errorCode(o.error().code()));
      if (o.error().getMessage() != null) {
        out.writeStringField("Message", o.error().getMessage());
      }
      Map<String, AttributeValue> item = RequestJson.detail(o.error()).item("Item");
      if (item != null) {
        out.writeFieldName("Item");
        AttributeValues.writeItem(out, item);
      }
      out.writeEndObject();
    }
    if (o.tableName() != null) {
      out.writeStringField("TableName", o.tableName());
    }
    if (o.item() != null) {
      out.writeFieldName("Item");
      AttributeValues.writeItem(out, o.item());
    }
    out.writeEndObject();
  }

  /** The BatchStatementErrorCodeEnum value of an error. */
  static String errorCode(ErrorCode code) {
    switch (code) {
      case VALIDATION: return "ValidationError";
      case THROTTLING: return "ThrottlingError";
      case INTERNAL_SERVER_ERROR: return "InternalServerError";
      case REQUEST_LIMIT_EXCEEDED: return "RequestLimitExceeded";
      case ACCESS_DENIED: return "AccessDenied";
      default:
        String name = code.shortName();
        return name.endsWith("Exception") ? name.substring(0, name.length() - "Exception".length()) : name;
    }
  }
}
