package dev.dynamodouble.core.operation;

import dev.dynamodouble.core.error.DynamoException;
import dev.dynamodouble.core.expression.ComparisonOperator;
import dev.dynamodouble.core.expression.Condition;
import dev.dynamodouble.core.expression.ExpectedAttributeValue;
import dev.dynamodouble.core.expression.KeyCondition;
import dev.dynamodouble.core.expression.Legacy;
import dev.dynamodouble.core.expression.LegacyCondition;
import dev.dynamodouble.core.protocol.JsonRequest;
import java.util.LinkedHashMap;
import java.util.Map;

/** Reads the legacy condition parameters (KeyConditions, QueryFilter, ScanFilter, Expected) from JSON. */
public final class LegacyConditions {
  private LegacyConditions() {}

  /** A Query's legacy KeyConditions (also read by Contributor Insights to name the partition). */
  public static KeyCondition keyConditions(JsonRequest request) {
    return Legacy.keyConditions(conditions(request, "KeyConditions"));
  }

  /** Refuses a ConditionalOperator when the request has no QueryFilter or ScanFilter ({@code parameter}). */
  static void checkOperatorWithoutFilter(JsonRequest request, String parameter) {
    if (!request.has(parameter)) {
      Legacy.checkConditionalOperator(request.string("ConditionalOperator"), null);
    }
  }

  /** QueryFilter or ScanFilter, combined by ConditionalOperator. */
  static Condition filter(JsonRequest request, String parameter) {
    Map<String, LegacyCondition> conditions = conditions(request, parameter);
    String operator = request.string("ConditionalOperator");
    return parameter.equals("QueryFilter") ? Legacy.queryFilter(conditions, operator)
        : Legacy.scanFilter(conditions, operator);
  }

  /** Expected, combined by ConditionalOperator; null when absent. */
  static Condition expected(JsonRequest request) {
    Map<String, JsonRequest> raw = request.structureMap("Expected");
    if (raw == null) {
      Legacy.checkConditionalOperator(request.string("ConditionalOperator"), null);
      return null;
    }
    Map<String, ExpectedAttributeValue> expected = new LinkedHashMap<>();
    for (Map.Entry<String, JsonRequest> e : raw.entrySet()) {
      JsonRequest entry = e.getValue() == null ? JsonRequest.empty() : e.getValue();
      expected.put(e.getKey(), new ExpectedAttributeValue(entry.value("Value"), entry.bool("Exists"),
          operator(entry, "expected." + e.getKey() + ".member.comparisonOperator"), entry.values("AttributeValueList")));
    }
    return Legacy.expected(expected, request.string("ConditionalOperator"));
  }

  private static Map<String, LegacyCondition> conditions(JsonRequest request, String parameter) {
    Map<String, JsonRequest> raw = request.structureMap(parameter);
    if (raw == null) {
      return null;
    }
    Map<String, LegacyCondition> conditions = new LinkedHashMap<>();
    String path = Character.toLowerCase(parameter.charAt(0)) + parameter.substring(1);
    for (Map.Entry<String, JsonRequest> e : raw.entrySet()) {
      JsonRequest entry = e.getValue() == null ? JsonRequest.empty() : e.getValue();
      ComparisonOperator operator = operator(entry, path + "." + e.getKey() + ".member.comparisonOperator");
      if (operator == null) {
        throw DynamoException.validation("1 validation error detected: Value null at '" + path + "." + e.getKey()
            + ".member.comparisonOperator' failed to satisfy constraint: Member must not be null");
      }
      conditions.put(e.getKey(), new LegacyCondition(operator, entry.values("AttributeValueList")));
    }
    return conditions;
  }

  private static ComparisonOperator operator(JsonRequest entry, String path) {
    String name = entry.string("ComparisonOperator");
    if (name == null) {
      return null;
    }
    return ComparisonOperator.valueOf(name);
  }
}
