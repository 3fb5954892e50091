package dev.dynamodouble.junit5.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dynamodouble.junit5.FixtureException;
import dev.dynamodouble.junit5.FixtureFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * Reads a fixture (or expected-state) file into typed, located writes. Accepted shapes:
 * <ul>
 *   <li>{@code {"orders": [item, ...], "customers": [...]}}: items grouped by table;</li>
 *   <li>{@code [item, ...]}: the items of one table (the default table);</li>
 *   <li>the AWS CLI batch-write-item shape, {@code {"orders": [{"PutRequest": {"Item": item}},
 *       {"DeleteRequest": {"Key": key}}]}}, with or without a {@code "RequestItems"} wrapper;</li>
 *   <li>{@code {"Items": [item, ...]}} (what {@code aws dynamodb scan} prints) for the default table.</li>
 * </ul>
 * Items are DynamoDB JSON or plain JSON ({@link FixtureFormat}), decided once per file.
 */
public final class FixtureFile {
  private final String kind;
  private final LocatedTree tree;
  private final Map<String, Map<String, ScalarAttributeType>> tables;
  private final String defaultTable;
  private final List<Raw> raws = new ArrayList<>();

  private record Raw(String table, int index, int line, boolean delete, ObjectNode node) {}

  private FixtureFile(String kind, LocatedTree tree, Map<String, Map<String, ScalarAttributeType>> tables,
      String defaultTable) {
    this.kind = kind;
    this.tree = tree;
    this.tables = tables;
    this.defaultTable = defaultTable;
  }

  /**
   * Reads {@code resource}.
   *
   * @param tables the tables that may be named, with the type of each of their key attributes
   * @param defaultTable the table of a bare array of items, or null
   * @param kind what the file is, for messages: "Fixture" or "Expected items"
   */
  public static List<FixtureEntry> read(ResourceLocator.Resource resource, FixtureFormat format,
      Map<String, Map<String, ScalarAttributeType>> tables, String defaultTable, String kind) {
    FixtureFile file = new FixtureFile(kind, LocatedTree.read(resource, kind), tables, defaultTable);
    file.collect();
    return file.typed(format);
  }

  private void collect() {
    JsonNode root = tree.root();
    if (root.isArray()) {
      items(defaultTable(root), root);
    } else if (root.isObject()) {
      JsonNode requestItems = root.get("RequestItems");
      JsonNode scanItems = root.get("Items");
      if (requestItems != null) {
        if (!requestItems.isObject()) {
          throw error(requestItems, null, "\"RequestItems\" must be an object of table names");
        }
        byTable((ObjectNode) requestItems);
      } else if (scanItems != null && scanItems.isArray() && !tables.containsKey("Items")) {
        items(defaultTable(scanItems), scanItems);
      } else {
        byTable((ObjectNode) root);
      }
    } else {
      throw new FixtureException(kind, tree.file(), 1, null,
          "expected an object of table names or an array of items, found " + ItemTyping.shortText(root));
    }
  }

  private String defaultTable(JsonNode array) {
    if (defaultTable != null && !defaultTable.isEmpty()) {
      requireTable(defaultTable, array);
      return defaultTable;
    }
    if (tables.size() == 1) {
      return tables.keySet().iterator().next();
    }
    throw error(array, null, "a bare array of items needs a table, and this class has "
        + (tables.isEmpty() ? "none" : tables.size() + " (" + String.join(", ", new TreeSet<>(tables.keySet())) + ")")
        + ": name it with @DynamoFixture(table = ...), or group the items as {\"table\": [...]}");
  }

  private void byTable(ObjectNode object) {
    for (Map.Entry<String, JsonNode> field : object.properties()) {
      requireTable(field.getKey(), field.getValue());
      if (!field.getValue().isArray()) {
        throw error(field.getValue(), null, "the items of table \"" + field.getKey() + "\" must be an array, found "
            + ItemTyping.shortText(field.getValue()));
      }
      items(field.getKey(), field.getValue());
    }
  }

  private void requireTable(String table, JsonNode at) {
    if (!tables.containsKey(table)) {
      throw error(at, null, "unknown table \"" + table + "\"; the tables of this class are "
          + (tables.isEmpty() ? "none" : String.join(", ", new TreeSet<>(tables.keySet()))));
    }
  }

  private void items(String table, JsonNode array) {
    for (int i = 0; i < array.size(); i++) {
      JsonNode element = array.get(i);
      int index = i + 1;
      String where = "item " + index + " of table \"" + table + "\"";
      if (!element.isObject()) {
        throw error(array, where, "an item must be an object, found " + ItemTyping.shortText(element));
      }
      ObjectNode item = (ObjectNode) element;
      if (item.size() == 1 && item.has("PutRequest")) {
        raws.add(new Raw(table, index, line(item), false, member(item.get("PutRequest"), "Item", where)));
      } else if (item.size() == 1 && item.has("DeleteRequest")) {
        raws.add(new Raw(table, index, line(item), true, member(item.get("DeleteRequest"), "Key", where)));
      } else {
        raws.add(new Raw(table, index, line(item), false, item));
      }
    }
  }

  private ObjectNode member(JsonNode request, String name, String where) {
    JsonNode member = request.isObject() ? request.get(name) : null;
    if (member == null || !member.isObject()) {
      throw error(request, where, "expected {\"" + name + "\": {...}} inside the request");
    }
    return (ObjectNode) member;
  }

  private List<FixtureEntry> typed(FixtureFormat format) {
    boolean dynamoJson = format == FixtureFormat.DYNAMODB_JSON || (format == FixtureFormat.AUTO && allTyped());
    List<FixtureEntry> entries = new ArrayList<>(raws.size());
    for (Raw raw : raws) {
      FixtureEntry probe = new FixtureEntry(tree.file(), raw.line, raw.table, raw.index, raw.delete, Map.of());
      try {
        entries.add(new FixtureEntry(tree.file(), raw.line, raw.table, raw.index, raw.delete,
            dynamoJson ? ItemTyping.typedItem(raw.node) : ItemTyping.plainItem(raw.node, tables.get(raw.table))));
      } catch (ItemTyping.TypingError e) {
        throw new FixtureException(kind, tree.file(), raw.line, probe.where(),
            e.getMessage() + (dynamoJson && format == FixtureFormat.AUTO ? " (read as DynamoDB JSON)" : ""));
      }
    }
    return entries;
  }

  private boolean allTyped() {
    boolean anyAttribute = false;
    for (Raw raw : raws) {
      if (!ItemTyping.looksTyped(raw.node)) {
        return false;
      }
      anyAttribute |= raw.node.size() > 0;
    }
    return anyAttribute;
  }

  private int line(JsonNode node) {
    return tree.line(node);
  }

  private FixtureException error(JsonNode at, String where, String reason) {
    return new FixtureException(kind, tree.file(), tree.line(at), where, reason);
  }
}
