package dev.dynamodouble.core.protocol;

import java.util.List;
import java.util.Map;

/**
 * The members whose constraint errors DynamoDB now words in its newer style, {@code Value at
 * 'RequestItems' failed to satisfy constraint: ...}: no echo of the value, and the path in the
 * request's own (PascalCase) member names. Every other member keeps the older style, {@code Value
 * '<echo>' at 'requestItems' ...}. Each entry maps the older path to the newer one; {@code *}
 * stands for a map key (a table name), which both keep as sent.
 */
final class NewStyleMembers {
  private static final Map<String, List<String[]>> BY_OPERATION = Map.of(
      "BatchGetItem", List.of(
          new String[] {"requestItems", "RequestItems"},
          new String[] {"requestItems.*.member.keys", "RequestItems.*.member.Keys"}),
      "Query", List.<String[]>of(new String[] {"limit", "Limit"}));

  private NewStyleMembers() {}

  /** The newer-style path for {@code path} in {@code operation}'s request, or null for the older style. */
  static String path(String operation, String path) {
    if (operation == null) {
      return null;
    }
    for (String[] entry : BY_OPERATION.getOrDefault(operation, List.of())) {
      String shown = translate(path.split("\\."), entry[0].split("\\."), entry[1].split("\\."));
      if (shown != null) {
        return shown;
      }
    }
    return null;
  }

  private static String translate(String[] path, String[] older, String[] newer) {
    if (path.length != older.length) {
      return null;
    }
    StringBuilder shown = new StringBuilder();
    for (int i = 0; i < path.length; i++) {
      boolean any = older[i].equals("*");
      if (!any && !older[i].equals(path[i])) {
        return null;
      }
      shown.append(i == 0 ? "" : ".").append(any ? path[i] : newer[i]);
    }
    return shown.toString();
  }
}
