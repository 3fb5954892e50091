package dev.dynamodouble.core.expression;

import dev.dynamodouble.core.value.AttributeValue;
import java.util.List;

/**
 * One entry of the legacy Expected parameter. Every field is null when absent from the request.
 */
public record ExpectedAttributeValue(AttributeValue value, Boolean exists,
    ComparisonOperator comparisonOperator, List<AttributeValue> attributeValueList) {

  /** {@code {Value: v}}: the attribute must equal v. */
  public static ExpectedAttributeValue equalTo(AttributeValue value) {
    return new ExpectedAttributeValue(value, null, null, null);
  }

  /** {@code {Exists: false}}: the attribute must be absent. */
  public static ExpectedAttributeValue absent() {
    return new ExpectedAttributeValue(null, false, null, null);
  }

  /** {@code {ComparisonOperator: op, AttributeValueList: [values]}}. */
  public static ExpectedAttributeValue compare(ComparisonOperator op, AttributeValue... values) {
    return new ExpectedAttributeValue(null, null, op, List.of(values));
  }
}
