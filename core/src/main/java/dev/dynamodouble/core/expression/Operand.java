package dev.dynamodouble.core.expression;

import dev.dynamodouble.core.value.AttributeValue;
import java.util.Map;

/** A resolved operand: what a condition compares or an update assigns. */
sealed interface Operand
    permits Operand.Path, Operand.Literal, Operand.Size, Operand.IfNotExists, Operand.ListAppend,
        Operand.Arithmetic {

  /** The operand's value in {@code item} for a condition, or null when it has none. */
  AttributeValue read(Map<String, AttributeValue> item);

  /** An attribute of the item. */
  record Path(DocumentPath path) implements Operand {
    public AttributeValue read(Map<String, AttributeValue> item) {
      return path.resolve(item);
    }
  }

  /** A value from ExpressionAttributeValues (or from a legacy parameter). */
  record Literal(AttributeValue value) implements Operand {
    public AttributeValue read(Map<String, AttributeValue> item) {
      return value;
    }
  }

  /** {@code size(x)}: no value when x has none or is of a type without a size. */
  record Size(Operand argument) implements Operand {
    public AttributeValue read(Map<String, AttributeValue> item) {
      AttributeValue v = argument.read(item);
      return v == null ? null : Values.size(v);
    }
  }

  /** Update only: {@code if_not_exists(path, value)}. */
  record IfNotExists(DocumentPath path, Operand fallback) implements Operand {
    public AttributeValue read(Map<String, AttributeValue> item) {
      AttributeValue v = path.resolve(item);
      return v != null ? v : fallback.read(item);
    }
  }

  /** Update only: {@code list_append(a, b)}. */
  record ListAppend(Operand first, Operand second) implements Operand {
    public AttributeValue read(Map<String, AttributeValue> item) {
      return UpdateEvaluation.value(this, item);
    }
  }

  /** Update only: {@code a + b} or {@code a - b}. */
  record Arithmetic(boolean plus, Operand left, Operand right) implements Operand {
    public AttributeValue read(Map<String, AttributeValue> item) {
      return UpdateEvaluation.value(this, item);
    }
  }
}
