package dev.dynamodouble.core.operation;

import dev.dynamodouble.core.error.DynamoException;
import dev.dynamodouble.core.partiql.Plan;
import dev.dynamodouble.core.partiql.Statement;
import dev.dynamodouble.core.protocol.AttributeValues;
import dev.dynamodouble.core.protocol.Constraints;
import dev.dynamodouble.core.protocol.Json;
import dev.dynamodouble.core.protocol.JsonObject;
import dev.dynamodouble.core.protocol.JsonRequest;
import dev.dynamodouble.core.protocol.JsonWritable;
import dev.dynamodouble.core.value.AttributeValue;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
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

    Statement statement = PartiqlStatements.parse(request);
    if (statement instanceof Statement.Exists) {
      throw DynamoException.validation("EXISTS is only supported in ExecuteTransaction");
    }
    Plan plan = PartiqlStatements.planner(context).plan(statement);
    Map<String, Object> extra = new LinkedHashMap<>();
    extra.put("ReturnConsumedCapacity", capacityMode);
    if (plan.kind().isRead()) {
      extra.put("ConsistentRead", consistentRead);
      if (plan.kind() != Plan.Kind.GET) {
        extra.put("Limit", limit);
        extra.put("ExclusiveStartKey", nextToken == null ? null : startKey(nextToken));
      }
    } else {
      extra.put("ReturnValues", plan.returning());
      extra.put("ReturnValuesOnConditionCheckFailure", request.string("ReturnValuesOnConditionCheckFailure"));
    }
    JsonRequest response = PartiqlStatements.run(context, plan, extra);
    List<Map<String, AttributeValue>> items = PartiqlStatements.items(plan, response);
    Object lastKey = response.raw("LastEvaluatedKey");
    Object capacity = response.raw("ConsumedCapacity");
    return out -> {
      out.writeStartObject();
      out.writeArrayFieldStart("Items");
      for (Map<String, AttributeValue> item : items) {
        AttributeValues.writeItem(out, item);
      }
      out.writeEndArray();
      if (lastKey != null) {
        out.writeStringField("NextToken", token(lastKey));
        out.writeFieldName("LastEvaluatedKey");
        Json.write(out, lastKey);
      }
      if (capacity != null) {
        out.writeFieldName("ConsumedCapacity");
        Json.write(out, capacity);
      }
      out.writeEndObject();
    };
  }

  /** A NextToken: the LastEvaluatedKey's JSON, base64-encoded. */
  static String token(Object lastEvaluatedKey) {
    return Base64.getEncoder().encodeToString(Json.toJson(lastEvaluatedKey).getBytes(StandardCharsets.UTF_8));
  }

  private static Object startKey(String token) {
    try {
      Object key = Json.parse(new String(Base64.getDecoder().decode(token), StandardCharsets.UTF_8));
      if (key instanceof JsonObject) {
        AttributeValues.readItem(key);
        return key;
      }
    } catch (IllegalArgumentException | DynamoException e) {
      // reported below
    }
    throw DynamoException.validation("Invalid NextToken");
  }
}
