package dev.dynamodouble.junit5.internal;

import dev.dynamodouble.core.table.ItemKey;
import dev.dynamodouble.core.table.StoredItem;
import dev.dynamodouble.core.table.Table;
import dev.dynamodouble.core.table.TableData;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What the tables held when a test failed: the tables the test changed (or, when it changed none,
 * every table), with the items the test wrote first, then the ones it deleted, then the others,
 * cut to a number of items per table; added to the failure as a suppressed exception.
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
    List<Table> tables = new ArrayList<>();
    for (Table table : scope.dynamo().engine().region(scope.settings().region()).tables()) {
      if (changed.isEmpty() || changed.contains(table.name())) {
        tables.add(table);
      }
    }
    StringBuilder text = new StringBuilder("Dynamo Double tables when the test failed (")
        .append(changed.isEmpty() ? "no table changed during the test; all tables" : "the tables the test changed")
        .append(scope.dynamo().clock().isManual() ? "; clock at " + scope.dynamo().clock().now() : "")
        .append("):");
    if (tables.isEmpty()) {
      text.append(" there are no tables");
    }
    for (int i = 0; i < tables.size(); i++) {
      if (i == MAX_TABLES) {
        text.append("\n... and ").append(tables.size() - MAX_TABLES).append(" more tables");
        break;
      }
      describe(text, tables.get(i), rootsAtStart.get(tables.get(i).name()), maxItems);
    }
    return new FailureReport(text.toString());
  }

  private static void describe(StringBuilder text, Table table, TableData before, int maxItems) {
    TableData now = table.snapshot();
    List<StoredItem> written = new ArrayList<>();
    List<StoredItem> others = new ArrayList<>();
    for (Map.Entry<ItemKey, StoredItem> entry : now.items()) {
      StoredItem was = before == null ? null : before.get(entry.getKey());
      (was == entry.getValue() ? others : written).add(entry.getValue());
    }
    List<StoredItem> deleted = new ArrayList<>();
    if (before != null && before != now) {
      for (Map.Entry<ItemKey, StoredItem> entry : before.items()) {
        if (now.get(entry.getKey()) == null) {
          deleted.add(entry.getValue());
        }
      }
    }
    text.append("\ntable \"").append(table.name()).append("\", ").append(now.itemCount())
        .append(now.itemCount() == 1 ? " item" : " items");
    if (!written.isEmpty() || !deleted.isEmpty()) {
      text.append(" (the test wrote ").append(written.size()).append(", deleted ").append(deleted.size()).append(')');
    }
    if (now.itemCount() == 0 && deleted.isEmpty()) {
      return;
    }
    text.append(':');
    int[] shown = {0};
    boolean complete = list(text, "written: ", written, maxItems, shown)
        && list(text, "deleted: ", deleted, maxItems, shown)
        && list(text, "", others, maxItems, shown);
    if (!complete) {
      long rest = written.size() + deleted.size() + others.size() - shown[0];
      text.append("\n  ... ").append(rest).append(" more");
    }
  }

  /** Appends items until {@code max} are shown in all; false when some were left out. */
  private static boolean list(StringBuilder text, String label, List<StoredItem> items, int max, int[] shown) {
    for (StoredItem item : items) {
      if (shown[0] == max) {
        return false;
      }
      text.append("\n  ").append(label).append(Values.text(SdkValues.item(item.attributes()), MAX_ITEM_CHARS));
      shown[0]++;
    }
    return true;
  }

  /** Without a class name in front: the message is the report. */
  @Override
  public String toString() {
    return getMessage();
  }
}
