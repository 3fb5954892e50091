package dev.dynamodouble.junit5;

import dev.dynamodouble.junit5.internal.Values;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The items of one table at one moment (a consistent snapshot), with its key schema. Get one from
 * {@link DynamoTables#table(String)}; check it with {@link DynamoAssertions#assertThat(TableContents)}.
 */
public final class TableContents {
  private final String name;
  private final String partitionKey;
  private final String sortKey;
  private final List<Map<String, AttributeValue>> items;

  private TableContents(String name, String partitionKey, String sortKey, List<Map<String, AttributeValue>> items) {
    this.name = name;
    this.partitionKey = partitionKey;
    this.sortKey = sortKey;
    this.items = Collections.unmodifiableList(new ArrayList<>(items));
  }

  /** Contents from anywhere (a Scan, say); {@code sortKey} may be null. */
  public static TableContents of(String name, String partitionKey, String sortKey,
      List<Map<String, AttributeValue>> items) {
    return new TableContents(name, partitionKey, sortKey, items);
  }

  public String name() {
    return name;
  }

  public String partitionKey() {
    return partitionKey;
  }

  /** The sort key attribute, or empty for a table with a partition key only. */
  public Optional<String> sortKey() {
    return Optional.ofNullable(sortKey);
  }

  /** The items, in the table's scan order. */
  public List<Map<String, AttributeValue>> items() {
    return items;
  }

  public int size() {
    return items.size();
  }

  public boolean isEmpty() {
    return items.isEmpty();
  }

  /** The item with this primary key, if any. */
  public Optional<Map<String, AttributeValue>> item(Map<String, AttributeValue> key) {
    for (Map<String, AttributeValue> item : items) {
      if (hasKey(item, key)) {
        return Optional.of(item);
      }
    }
    return Optional.empty();
  }

  /** The primary key attributes of {@code item}. */
  public Map<String, AttributeValue> keyOf(Map<String, AttributeValue> item) {
    Map<String, AttributeValue> key = new LinkedHashMap<>();
    if (item.containsKey(partitionKey)) {
      key.put(partitionKey, item.get(partitionKey));
    }
    if (sortKey != null && item.containsKey(sortKey)) {
      key.put(sortKey, item.get(sortKey));
    }
    return key;
  }

  /** Whether {@code item} has the primary key {@code key} (which may hold the whole item). */
  public boolean hasKey(Map<String, AttributeValue> item, Map<String, AttributeValue> key) {
    Map<String, AttributeValue> wanted = keyOf(key);
    Map<String, AttributeValue> actual = keyOf(item);
    return !wanted.isEmpty() && Values.sameItem(wanted, actual);
  }

  /** The items as beans of an enhanced-client class ({@code @DynamoDbBean} or {@code @DynamoDbImmutable}). */
  public <T> List<T> items(Class<T> beanClass) {
    return items(TableSchema.fromClass(beanClass));
  }

  /** The items mapped by an enhanced-client schema. */
  public <T> List<T> items(TableSchema<T> schema) {
    List<T> beans = new ArrayList<>(items.size());
    for (Map<String, AttributeValue> item : items) {
      beans.add(schema.mapToItem(item));
    }
    return beans;
  }

  @Override
  public String toString() {
    StringBuilder text = new StringBuilder("table \"").append(name).append("\" (").append(items.size())
        .append(items.size() == 1 ? " item)" : " items)");
    for (Map<String, AttributeValue> item : items) {
      text.append("\n  ").append(Values.text(item));
    }
    return text.toString();
  }
}
