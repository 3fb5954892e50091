package dev.dynamodouble.junit5.internal;

import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * One write of a fixture file, typed and located: put {@code item}, or delete the item whose key
 * is {@code item}.
 */
public record FixtureEntry(String file, int line, String table, int index, boolean delete,
    Map<String, AttributeValue> item) {

  /** "item 3 of table orders", for messages. */
  public String where() {
    return (delete ? "delete request " : "item ") + index + " of table \"" + table + "\"";
  }
}
