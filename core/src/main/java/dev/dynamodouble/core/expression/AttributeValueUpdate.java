package dev.dynamodouble.core.expression;

import dev.dynamodouble.core.value.AttributeValue;

/**
 * One entry of the legacy AttributeUpdates parameter.
 *
 * @param action PUT, ADD or DELETE; null means PUT
 * @param value null when absent
 */
public record AttributeValueUpdate(Action action, AttributeValue value) {
  /** The legacy update actions. */
  public enum Action { PUT, ADD, DELETE }

  public static AttributeValueUpdate put(AttributeValue value) {
    return new AttributeValueUpdate(Action.PUT, value);
  }

  public static AttributeValueUpdate add(AttributeValue value) {
    return new AttributeValueUpdate(Action.ADD, value);
  }

  public static AttributeValueUpdate delete(AttributeValue value) {
    return new AttributeValueUpdate(Action.DELETE, value);
  }
}
