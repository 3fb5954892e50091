package dev.dynamodouble.core.table;

import dev.dynamodouble.core.value.AttributeMap;
import dev.dynamodouble.core.value.AttributeValue;
import dev.dynamodouble.core.value.ItemSize;
import java.util.Map;

/**
 * An item as stored: its attributes (an immutable, compact {@link AttributeMap}) and its size by
 * DynamoDB's formula, computed once.
 */
public record StoredItem(Map<String, AttributeValue> attributes, int size) {
  public static StoredItem of(Map<String, AttributeValue> attributes) {
    AttributeMap compact = AttributeMap.copyOf(attributes);
    return new StoredItem(compact, (int) Math.min(Integer.MAX_VALUE, ItemSize.of(compact)));
  }
}
