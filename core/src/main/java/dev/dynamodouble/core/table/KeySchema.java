package dev.dynamodouble.core.table;

import dev.dynamodouble.core.error.DynamoException;
import dev.dynamodouble.core.value.AttributeValue;
import dev.dynamodouble.core.value.ItemSize;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The key schema of a table or index: its partition-key attributes and its sort-key attributes.
 * Tables and LSIs have one partition attribute and at most one sort attribute; a GSI may have up
 * to four of each (a multi-attribute key), whose values the index orders as tuples.
 */
public record KeySchema(List<KeyAttribute> partitions, List<KeyAttribute> sorts) {
  public static final int MAX_PARTITION_KEY_BYTES = 2048;
  public static final int MAX_SORT_KEY_BYTES = 1024;
  /** A GSI's multi-attribute key: at most this many partition and this many sort attributes. */
  public static final int MAX_KEY_ATTRIBUTES = 4;

  public KeySchema {
    partitions = List.copyOf(partitions);
    sorts = List.copyOf(sorts);
  }

  /** A single-attribute schema ({@code sort} null: none). */
  public KeySchema(KeyAttribute partition, KeyAttribute sort) {
    this(List.of(partition), sort == null ? List.of() : List.of(sort));
  }

  /** The (first) partition-key attribute. */
  public KeyAttribute partition() {
    return partitions.get(0);
  }

  /** The (first) sort-key attribute, or null. */
  public KeyAttribute sort() {
    return sorts.isEmpty() ? null : sorts.get(0);
  }

  /** Whether the partition or the sort key has more than one attribute (a GSI's multi-attribute key). */
  public boolean multiAttribute() {
    return partitions.size() > 1 || sorts.size() > 1;
  }

  public boolean hasSort() {
    return !sorts.isEmpty();
  }

  public List<KeyAttribute> attributes() {
    List<KeyAttribute> list = new ArrayList<>(partitions.size() + sorts.size());
    list.addAll(partitions);
    list.addAll(sorts);
    return list;
  }

  /** The names of the key attributes (a request path asks for them: no copy for a one- or two-attribute key). */
  public java.util.Set<String> attributeNames() {
    if (!multiAttribute()) {
      return sorts.isEmpty() ? java.util.Set.of(partition().name()) : java.util.Set.of(partition().name(), sort().name());
    }
    java.util.Set<String> names = new java.util.LinkedHashSet<>();
    for (KeyAttribute a : attributes()) {
      names.add(a.name());
    }
    return names;
  }

  public boolean isKeyAttribute(String name) {
    return named(partitions, name) || named(sorts, name);
  }

  private static boolean named(List<KeyAttribute> attributes, String name) {
    for (KeyAttribute a : attributes) {
      if (a.name().equals(name)) {
        return true;
      }
    }
    return false;
  }

  /**
   * The value a multi-attribute key orders by: one attribute's value, or the list of several
   * attributes' values (compared element by element). Null when an attribute is missing.
   */
  public static AttributeValue composite(List<KeyAttribute> attributes, Map<String, AttributeValue> item) {
    return composite(attributes, item::get);
  }

  /** As {@link #composite(List, Map)}, the attributes read through {@code item}. */
  public static AttributeValue composite(List<KeyAttribute> attributes,
                                         java.util.function.Function<String, AttributeValue> item) {
    if (attributes.isEmpty()) {
      return null;
    }
    if (attributes.size() == 1) {
      return item.apply(attributes.get(0).name());
    }
    List<AttributeValue> values = new ArrayList<>(attributes.size());
    for (KeyAttribute a : attributes) {
      AttributeValue v = item.apply(a.name());
      if (v == null) {
        return null;
      }
      values.add(v);
    }
    return new AttributeValue.L(values);
  }

  /** The key of a full item (PutItem): every key attribute present, typed, non-empty. */
  public ItemKey keyOfItem(Map<String, AttributeValue> item) {
    AttributeValue p = itemKeyValue(item, partition());
    AttributeValue s = sort() == null ? null : itemKeyValue(item, sort());
    return ItemKey.of(p, s);
  }

  private AttributeValue itemKeyValue(Map<String, AttributeValue> item, KeyAttribute key) {
    AttributeValue value = item.get(key.name());
    if (value == null) {
      throw DynamoException.invalidParameter("Missing the key " + key.name() + " in the item");
    }
    if (value.type() != key.type()) {
      throw DynamoException.invalidParameter("Type mismatch for key " + key.name() + " expected: "
          + key.type() + " actual: " + value.type());
    }
    requireNotEmpty(value, key.name());
    requireSize(value, key == partition());
    return value;
  }

  /** The key of a Key parameter (GetItem, DeleteItem, ...): exactly the key attributes. */
  public ItemKey keyOfKey(Map<String, AttributeValue> key) {
    if (key.size() != (sort() == null ? 1 : 2)) {
      throw mismatch();
    }
    AttributeValue p = keyValue(key, partition());
    AttributeValue s = sort() == null ? null : keyValue(key, sort());
    return ItemKey.of(p, s);
  }

  private AttributeValue keyValue(Map<String, AttributeValue> key, KeyAttribute attribute) {
    AttributeValue value = key.get(attribute.name());
    if (value == null || value.type() != attribute.type()) {
      throw mismatch();
    }
    requireNotEmpty(value, attribute.name());
    requireSize(value, attribute == partition());
    return value;
  }

  /** Partition key values are at most 2048 bytes, sort key values at most 1024 (numbers are always small enough). */
  private static void requireSize(AttributeValue value, boolean partitionKey) {
    if (value instanceof AttributeValue.S s && s.value().length() * 3 <= MAX_SORT_KEY_BYTES) {
      return; // a char is at most 3 UTF-8 bytes (a surrogate pair 4 for 2 chars): no need to count
    }
    long bytes = keyBytes(value);
    if (partitionKey && bytes > MAX_PARTITION_KEY_BYTES) {
      // sic: the service's message has no space before the number
      throw DynamoException.invalidParameter("Size of hashkey has exceeded the maximum size limit of"
          + MAX_PARTITION_KEY_BYTES + " bytes");
    }
    if (!partitionKey && bytes > MAX_SORT_KEY_BYTES) {
      throw DynamoException.invalidParameter("Aggregated size of all range keys has exceeded the size limit of "
          + MAX_SORT_KEY_BYTES + " bytes");
    }
  }

  /** The size that counts against the key limits: a string's UTF-8 bytes, a binary's bytes; 0 for a number. */
  public static long keyBytes(AttributeValue value) {
    return value instanceof AttributeValue.S s ? ItemSize.utf8Length(s.value())
        : value instanceof AttributeValue.B b ? b.bytes().length : 0;
  }

  private static void requireNotEmpty(AttributeValue value, String name) {
    if (value instanceof AttributeValue.S s && s.value().isEmpty()) {
      throw DynamoException.validation("One or more parameter values are not valid. The AttributeValue for a key "
          + "attribute cannot contain an empty string value. Key: " + name);
    }
    if (value instanceof AttributeValue.B b && b.bytes().length == 0) {
      throw DynamoException.validation("One or more parameter values are not valid. The AttributeValue for a key "
          + "attribute cannot contain an empty binary value. Key: " + name);
    }
  }

  private static DynamoException mismatch() {
    return DynamoException.validation("The provided key element does not match the schema");
  }

  /** The key attributes of an item, as a Key map (for LastEvaluatedKey and metrics). */
  public Map<String, AttributeValue> keyMap(Map<String, AttributeValue> item) {
    if (!multiAttribute()) {
      AttributeValue p = item.get(partition().name());
      return sort() == null ? Map.of(partition().name(), p) : Map.of(partition().name(), p, sort().name(), item.get(sort().name()));
    }
    Map<String, AttributeValue> key = new java.util.LinkedHashMap<>();
    for (KeyAttribute a : attributes()) {
      key.put(a.name(), item.get(a.name()));
    }
    return key;
  }
}
