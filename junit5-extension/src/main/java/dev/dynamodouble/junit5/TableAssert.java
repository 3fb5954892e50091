package dev.dynamodouble.junit5;

import dev.dynamodouble.junit5.internal.Values;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.assertj.core.api.AbstractAssert;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Assertions on the items of a table; items match by primary key, numbers by value, sets ignore order. */
public final class TableAssert extends AbstractAssert<TableAssert, TableContents> {

  TableAssert(TableContents actual) {
    super(actual, TableAssert.class);
  }

  public TableAssert hasSize(int expected) {
    isNotNull();
    if (actual.size() != expected) {
      failWithMessage("Expecting %s to have %d items but it has %d:%s", name(), expected, actual.size(), listing());
    }
    return this;
  }

  public TableAssert isEmpty() {
    return hasSize(0);
  }

  public TableAssert isNotEmpty() {
    isNotNull();
    if (actual.isEmpty()) {
      failWithMessage("Expecting %s to have items but it is empty", name());
    }
    return this;
  }

  /** The table holds exactly this item: an item with its key, and the same attributes. */
  public TableAssert containsItem(Map<String, AttributeValue> expected) {
    isNotNull();
    Optional<Map<String, AttributeValue>> found = actual.item(expected);
    if (found.isEmpty()) {
      failWithMessage("Expecting %s to contain%n  %s%nbut no item has the key %s:%s", name(), Values.text(expected),
          Values.text(actual.keyOf(expected)), listing());
    } else if (!Values.sameItem(found.get(), expected)) {
      failWithMessage("Expecting %s to contain%n  %s%nbut the item with that key is%n  %s%n%s", name(),
          Values.text(expected), Values.text(found.get()), ItemAssert.differences(expected, found.get()));
    }
    return this;
  }

  /** The table holds an item with this key whose attributes include these (others may exist). */
  public TableAssert containsItemWith(Map<String, AttributeValue> expectedAttributes) {
    isNotNull();
    Optional<Map<String, AttributeValue>> found = actual.item(expectedAttributes);
    if (found.isEmpty()) {
      failWithMessage("Expecting %s to contain an item with the key %s but none has it:%s", name(),
          Values.text(actual.keyOf(expectedAttributes)), listing());
    } else {
      new ItemAssert(found.get()).contains(expectedAttributes);
    }
    return this;
  }

  /** The table holds exactly these items (in any order) and no others. */
  @SafeVarargs
  public final TableAssert containsExactlyItems(Map<String, AttributeValue>... expected) {
    isNotNull();
    List<String> problems = new ArrayList<>();
    List<Map<String, AttributeValue>> unmatched = new ArrayList<>(actual.items());
    for (Map<String, AttributeValue> item : expected) {
      Optional<Map<String, AttributeValue>> found = actual.item(item);
      if (found.isEmpty()) {
        problems.add("missing: " + Values.text(item));
      } else {
        unmatched.remove(found.get());
        if (!Values.sameItem(found.get(), item)) {
          problems.add("different: " + Values.text(item) + "\n    but was " + Values.text(found.get()));
        }
      }
    }
    for (Map<String, AttributeValue> extra : unmatched) {
      problems.add("extra: " + Values.text(extra));
    }
    if (!problems.isEmpty()) {
      failWithMessage("Expecting %s to contain exactly %d items, but:%n  %s", name(), expected.length,
          String.join("\n  ", problems));
    }
    return this;
  }

  public TableAssert containsKey(Map<String, AttributeValue> key) {
    isNotNull();
    if (actual.item(key).isEmpty()) {
      failWithMessage("Expecting %s to contain an item with the key %s but none has it:%s", name(),
          Values.text(actual.keyOf(key)), listing());
    }
    return this;
  }

  public TableAssert doesNotContainKey(Map<String, AttributeValue> key) {
    isNotNull();
    Optional<Map<String, AttributeValue>> found = actual.item(key);
    if (found.isPresent()) {
      failWithMessage("Expecting %s not to contain an item with the key %s but it holds%n  %s", name(),
          Values.text(actual.keyOf(key)), Values.text(found.get()));
    }
    return this;
  }

  /** Assertions on the item with this key, which must exist. */
  public ItemAssert item(Map<String, AttributeValue> key) {
    containsKey(key);
    return new ItemAssert(actual.item(key).orElseThrow());
  }

  private String name() {
    return "table \"" + actual.name() + "\"";
  }

  private String listing() {
    if (actual.isEmpty()) {
      return " the table is empty";
    }
    StringBuilder text = new StringBuilder();
    int shown = 0;
    for (Map<String, AttributeValue> item : actual.items()) {
      if (shown++ == 20) {
        text.append("\n  ... ").append(actual.size() - 20).append(" more");
        break;
      }
      text.append("\n  ").append(Values.text(item, 300));
    }
    return text.toString();
  }
}
