package dev.dynamodouble.core.table;

import dev.dynamodouble.core.value.AttributeMap;
import dev.dynamodouble.core.value.AttributeValue;
import dev.dynamodouble.core.value.ItemSize;
import java.util.Map;
import java.util.Objects;

/**
 * An item as stored: its attributes (an immutable, compact {@link AttributeMap}) and its size by
 * DynamoDB's formula, computed once.
 *
 * <p>It holds the map's compact form ({@link AttributeMap#compact()}: for most items the bare
 * array of names and values), not the map object: a table of ten million items would otherwise
 * spend 320 MB on map headers alone. {@link #attributes()} wraps the array in a map again when
 * asked, which a JIT's escape analysis mostly turns into nothing.
 */
public final class StoredItem {
  private final Object attributes;
  private final int size;

  private StoredItem(AttributeMap attributes, int size) {
    this.attributes = attributes.compact();
    this.size = size;
  }

  public static StoredItem of(Map<String, AttributeValue> attributes) {
    AttributeMap compact = AttributeMap.copyOf(attributes);
    return new StoredItem(compact, (int) Math.min(Integer.MAX_VALUE, ItemSize.of(compact)));
  }

  /** The item's attributes, in the order they were written. */
  public Map<String, AttributeValue> attributes() {
    return AttributeMap.expand(attributes);
  }

  /** Its size by DynamoDB's item-size rules, in bytes. */
  public int size() {
    return size;
  }

  @Override
  public boolean equals(Object o) {
    return o == this || (o instanceof StoredItem other && other.size == size
        && other.attributes().equals(attributes()));
  }

  @Override
  public int hashCode() {
    return Objects.hash(attributes(), size);
  }

  @Override
  public String toString() {
    return "StoredItem[attributes=" + attributes() + ", size=" + size + "]";
  }
}
