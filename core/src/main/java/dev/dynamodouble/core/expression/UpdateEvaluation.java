package dev.dynamodouble.core.expression;

import dev.dynamodouble.core.error.DynamoException;
import dev.dynamodouble.core.value.AttributeValue;
import dev.dynamodouble.core.value.DynamoNumber;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Evaluates the right-hand side of a SET action against the item as it was before the update. Unlike
 * conditions, a missing attribute or a wrongly typed operand is an error here.
 */
final class UpdateEvaluation {
  private UpdateEvaluation() {}

  static AttributeValue value(Operand operand, Map<String, AttributeValue> item) {
    if (operand instanceof Operand.Path p) {
      AttributeValue v = p.path().resolve(item);
      if (v == null) {
        throw DynamoException.validation(Errors.MISSING_ATTRIBUTE);
      }
      return v;
    }
    if (operand instanceof Operand.Literal literal) {
      return literal.value();
    }
    if (operand instanceof Operand.IfNotExists f) {
      AttributeValue v = f.path().resolve(item);
      return v != null ? v : value(f.fallback(), item);
    }
    if (operand instanceof Operand.ListAppend append) {
      AttributeValue a = value(append.first(), item);
      AttributeValue b = value(append.second(), item);
      if (a instanceof AttributeValue.L la && b instanceof AttributeValue.L lb) {
        List<AttributeValue> joined = new ArrayList<>(la.value());
        joined.addAll(lb.value());
        return AttributeValue.list(joined);
      }
      throw DynamoException.validation(Errors.WRONG_OPERAND_TYPE);
    }
    if (operand instanceof Operand.Arithmetic arithmetic) {
      AttributeValue a = value(arithmetic.left(), item);
      AttributeValue b = value(arithmetic.right(), item);
      if (a instanceof AttributeValue.N na && b instanceof AttributeValue.N nb) {
        return DynamoNumber.of(arithmetic.plus()
            ? na.decimal().add(nb.decimal()) : na.decimal().subtract(nb.decimal()));
      }
      throw DynamoException.validation(Errors.WRONG_OPERAND_TYPE);
    }
    throw new IllegalStateException("not an update operand: " + operand);
  }
}
