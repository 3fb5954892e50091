package dev.dynamodouble.junit5.internal;

import dev.dynamodouble.junit5.DynamoTables;
import dev.dynamodouble.junit5.TableContents;
import dev.dynamodouble.core.table.TableData;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * What the tables held when a test failed: the tables the test changed (or, when it changed none,
 * every table), each cut to a number of items, added to the failure as a suppressed exception.
 */
public final class FailureReport extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private static final int MAX_TABLES = 10;
  private static final int MAX_ITEM_CHARS = 400;

  private FailureReport(String message) {
    super(message, null, false, false);
  }

  public static FailureReport of(ClassScope scope, Map<String, TableData> rootsAtStart, int maxItems) {
    List<String> changed = scope.changedSince(rootsAtStart);
    DynamoTables tables = DynamoTables.of(scope.dynamo(), scope.settings().region());
    List<String> shown = changed.isEmpty() ? tables.names() : changed;
    StringBuilder text = new StringBuilder("Dynamo Double tables when the test failed (")
        .append(changed.isEmpty() ? "no table changed during the test; all tables" : "the tables the test changed")
        .append(scope.dynamo().clock().isManual() ? "; clock at " + scope.dynamo().clock().now() : "")
        .append("):");
    int count = 0;
    for (String name : shown) {
      if (count++ == MAX_TABLES) {
        text.append("\n... and ").append(shown.size() - MAX_TABLES).append(" more tables");
        break;
      }
      TableContents contents = tables.table(name);
      text.append("\ntable \"").append(name).append("\", ").append(contents.size())
          .append(contents.size() == 1 ? " item" : " items").append(contents.isEmpty() ? "" : ":");
      int items = 0;
      for (Map<String, AttributeValue> item : contents.items()) {
        if (items++ == maxItems) {
          text.append("\n  ... ").append(contents.size() - maxItems).append(" more");
          break;
        }
        text.append("\n  ").append(Values.text(item, MAX_ITEM_CHARS));
      }
    }
    if (shown.isEmpty()) {
      text.append(" there are no tables");
    }
    return new FailureReport(text.toString());
  }

  /** Without a class name in front: the message is the report. */
  @Override
  public String toString() {
    return getMessage();
  }
}
