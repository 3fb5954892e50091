package dev.dynamodouble.core.partiql;

import dev.dynamodouble.core.error.DynamoException;
import dev.dynamodouble.core.value.AttributeType;
import dev.dynamodouble.core.value.AttributeValue;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** PartiQL literals that become DynamoDB values by DynamoDB's rules. */
final class Literals {
  private Literals() {}

  /** A {@code <<...>>} bag (not empty): a string set or a number set, its elements all of one type. */
  static AttributeValue set(List<AttributeValue> elements) {
    AttributeType type = elements.get(0).type();
    for (AttributeValue e : elements) {
      if (e.type() != type || (type != AttributeType.S && type != AttributeType.N)) {
        throw DynamoException.validation(
            "Unsupported data type in Bag. DynamoDB only supports either numbers or strings in bags");
      }
    }
    if (type == AttributeType.S) {
      Set<String> values = new LinkedHashSet<>();
      elements.forEach(e -> values.add(((AttributeValue.S) e).value()));
      return new AttributeValue.SS(values);
    }
    Set<AttributeValue.N> values = new LinkedHashSet<>();
    elements.forEach(e -> values.add((AttributeValue.N) e));
    return new AttributeValue.NS(values);
  }
}
