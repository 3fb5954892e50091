package dev.dynamodouble.junit5;

import dev.dynamodouble.junit5.internal.Values;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.assertj.core.api.AbstractAssert;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Assertions on one item; numbers compare by value and sets ignore order. */
public final class ItemAssert extends AbstractAssert<ItemAssert, Map<String, AttributeValue>> {

  ItemAssert(Map<String, AttributeValue> actual) {
    super(actual, ItemAssert.class);
  }

  /** Same attributes, same values. */
  public ItemAssert isSameItemAs(Map<String, AttributeValue> expected) {
    isNotNull();
    if (!Values.sameItem(actual, expected)) {
      failWithMessage("Expecting item%n  %s%nto be%n  %s%n%s", Values.text(actual), Values.text(expected),
          differences(expected, actual));
    }
    return this;
  }

  /** Has these attributes with these values; may have others. */
  public ItemAssert contains(Map<String, AttributeValue> expected) {
    isNotNull();
    List<String> problems = new ArrayList<>();
    expected.forEach((name, value) -> {
      AttributeValue found = actual.get(name);
      if (found == null) {
        problems.add(name + ": expected " + Values.text(value) + " but the attribute is absent");
      } else if (!Values.same(found, value)) {
        problems.add(name + ": expected " + Values.text(value) + " but was " + Values.text(found));
      }
    });
    if (!problems.isEmpty()) {
      failWithMessage("Expecting item%n  %s%nto contain%n  %s%nbut:%n  %s", Values.text(actual), Values.text(expected),
          String.join("\n  ", problems));
    }
    return this;
  }

  public ItemAssert hasAttribute(String name) {
    isNotNull();
    if (!actual.containsKey(name)) {
      failWithMessage("Expecting item%n  %s%nto have attribute %s; its attributes are %s", Values.text(actual), name,
          new TreeSet<>(actual.keySet()));
    }
    return this;
  }

  public ItemAssert doesNotHaveAttribute(String name) {
    isNotNull();
    if (actual.containsKey(name)) {
      failWithMessage("Expecting item%n  %s%nnot to have attribute %s, but it is %s", Values.text(actual), name,
          Values.text(actual.get(name)));
    }
    return this;
  }

  /** The attribute equals {@code value} (any Java value {@link Items#value(Object)} accepts). */
  public ItemAssert hasAttribute(String name, Object value) {
    return contains(Map.of(name, Items.value(value)));
  }

  public ItemAssert hasString(String name, String value) {
    return contains(Map.of(name, AttributeValue.fromS(value)));
  }

  /** The attribute is a number equal in value to {@code value}. */
  public ItemAssert hasNumber(String name, Number value) {
    return contains(Map.of(name, Items.value(value)));
  }

  public ItemAssert hasNumber(String name, String value) {
    return contains(Map.of(name, AttributeValue.fromN(value)));
  }

  public ItemAssert hasBoolean(String name, boolean value) {
    return contains(Map.of(name, AttributeValue.fromBool(value)));
  }

  /** Attribute by attribute: what differs between two items with the same key. */
  static String differences(Map<String, AttributeValue> expected, Map<String, AttributeValue> actual) {
    StringBuilder text = new StringBuilder("differences:");
    TreeSet<String> names = new TreeSet<>(expected.keySet());
    names.addAll(actual.keySet());
    for (String name : names) {
      AttributeValue e = expected.get(name);
      AttributeValue a = actual.get(name);
      if (e == null) {
        text.append("\n  ").append(name).append(": not expected, but was ").append(Values.text(a));
      } else if (a == null) {
        text.append("\n  ").append(name).append(": expected ").append(Values.text(e)).append(" but absent");
      } else if (!Values.same(e, a)) {
        text.append("\n  ").append(name).append(": expected ").append(Values.text(e)).append(" but was ")
            .append(Values.text(a));
      }
    }
    return text.toString();
  }
}
