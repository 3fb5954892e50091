package dev.dynamodouble.core.operation;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.dynamodouble.core.error.DynamoException;
import dev.dynamodouble.core.partiql.Plan;
import dev.dynamodouble.core.partiql.Statement;
import dev.dynamodouble.core.partiql.StatementErrors;
import dev.dynamodouble.core.partiql.StatementMemo;
import dev.dynamodouble.core.protocol.AttributeValues;
import dev.dynamodouble.core.protocol.Constraints;
import dev.dynamodouble.core.protocol.Json;
import dev.dynamodouble.core.protocol.JsonRequest;
import dev.dynamodouble.core.protocol.JsonWritable;
import dev.dynamodouble.core.value.AttributeValue;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * ExecuteStatement: one PartiQL statement, compiled to GetItem, Query, Scan, PutItem, UpdateItem or
 * DeleteItem and answered by that operation. A read that stops early returns its
 * LastEvaluatedKey, and a NextToken that carries it to the next call.
 */
public final class ExecuteStatement implements Operation {

  @Override
  public JsonWritable execute(RequestContext context, JsonRequest request) {
    Integer limit = request.intValue("Limit");
    String capacityMode = request.string("ReturnConsumedCapacity");
    String nextToken = request.string("NextToken");
    Boolean consistentRead = request.bool("ConsistentRead");
    Constraints constraints = new Constraints();
    PartiqlStatements.check(constraints, request, "");
    constraints.min(limit, 1, "limit")
        .minLength(nextToken, 1, "nextToken")
        .maxLength(nextToken, 32768, "nextToken")
        .oneOf(capacityMode, "returnConsumedCapacity", ItemRequests.RETURN_CONSUMED_CAPACITY)
        .check();

    StatementMemo statements = PartiqlStatements.statements(context);
    Statement statement = statements.parse(request);
    if (statement instanceof Statement.Exists) {
      throw StatementErrors.existsOutsideTransaction();
    }
    Plan plan = statements.plan(statement);
    Map<String, Object> extra = new LinkedHashMap<>();
    extra.put("ReturnConsumedCapacity", capacityMode);
    if (plan.kind() == Plan.Kind.QUERY || plan.kind() == Plan.Kind.SCAN) {
      extra.put("ConsistentRead", consistentRead);
      PartitionReads.Page page = PartitionReads.read(context, plan, extra, limit, nextToken);
      return out -> {
        out.writeStartObject();
        writeItems(out, page.items());
        if (page.nextToken() != null) {
          out.writeStringField("NextToken", page.nextToken());
        }
        if (page.lastEvaluatedKey() != null) {
          out.writeFieldName("LastEvaluatedKey");
          Json.write(out, page.lastEvaluatedKey());
        }
        page.capacity().writeSingle(out);
        out.writeEndObject();
      };
    }
    if (plan.kind() == Plan.Kind.GET) {
      extra.put("ConsistentRead", consistentRead);
    } else {
      extra.put("ReturnValues", plan.returning());
      extra.put("ReturnValuesOnConditionCheckFailure", request.string("ReturnValuesOnConditionCheckFailure"));
    }
    JsonRequest response = PartiqlStatements.run(context, plan, extra);
    List<Map<String, AttributeValue>> items = PartiqlStatements.items(plan, response);
    Object capacity = response.raw("ConsumedCapacity");
    return out -> {
      out.writeStartObject();
      writeItems(out, items);
      if (capacity != null) {
        out.writeFieldName("ConsumedCapacity");
        Json.write(out, capacity);
      }
      out.writeEndObject();
    };
  }

  private static void writeItems(JsonGenerator out, List<Map<String, AttributeValue>> items) throws IOException {
    out.writeArrayFieldStart("Items");
    for (Map<String, AttributeValue> item : items) {
      AttributeValues.writeItem(out, item);
    }
    out.writeEndArray();
  }
}
