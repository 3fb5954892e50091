package dev.dynamodouble.core.expression;

import dev.dynamodouble.core.value.AttributeValue;
import java.util.List;

/**
 * One entry of KeyConditions, QueryFilter or ScanFilter (the API's {@code Condition} type).
 *
 * @param attributeValueList null when absent
 */
public record LegacyCondition(ComparisonOperator comparisonOperator,
    List<AttributeValue> attributeValueList) {

  public static LegacyCondition of(ComparisonOperator op, AttributeValue... values) {
    return new LegacyCondition(op, List.of(values));
  }
}
