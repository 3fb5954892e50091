package dev.dynamodouble.core.dax;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.dynamodouble.core.protocol.Json;
import dev.dynamodouble.core.protocol.JsonArray;
import dev.dynamodouble.core.protocol.JsonObject;
import dev.dynamodouble.core.table.KeySchema;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Items in DAX's shapes. A whole item travels as its key bytes (see {@link DaxKeys}) plus a byte
 * string of its other attributes: the id of their sorted name list, then their values in that
 * order. A projected item travels as a map from each projected path's position to its value.
 */
final class DaxItems {
  private final AttributeLists lists;

  DaxItems(AttributeLists lists) {
    this.lists = lists;
  }

  /** Writes the non-key attributes of an item (the byte string's content) as JSON members. */
  void copyAttributes(byte[] encoded, JsonGenerator json) throws IOException {
    CborReader in = new CborReader(encoded);
    for (String name : lists.names(in.readLong())) {
      json.writeFieldName(name);
      DaxValues.copy(in, json);
    }
  }

  /** The whole item of a key and the byte string of its other attributes (null: the key alone). */
  JsonObject item(byte[] key, KeySchema schema, byte[] attributes) {
    return item(json -> {
      DaxKeys.copy(key, schema, json);
      if (attributes != null) {
        copyAttributes(attributes, json);
      }
    });
  }

  /** The byte string of an item's attributes other than the key attributes. */
  byte[] attributes(JsonObject item, KeySchema schema) {
    List<String> names = new ArrayList<>();
    for (int i = 0; i < item.size(); i++) {
      if (schema == null || !schema.isKeyAttribute(item.name(i))) {
        names.add(item.name(i));
      }
    }
    names.sort(null);
    CborWriter out = new CborWriter().integer(lists.idOf(names));
    for (String name : names) {
      DaxValues.write(item.get(name), out);
    }
    return out.toByteArray();
  }

  /** An UPDATED_OLD / UPDATED_NEW answer: the list id of the names, then a map of position to value. */
  byte[] attributeProjection(JsonObject attributes) {
    List<String> names = new ArrayList<>();
    for (int i = 0; i < attributes.size(); i++) {
      names.add(attributes.name(i));
    }
    names.sort(null);
    // The client reads the map's entries until a break: it must be of indefinite length.
    CborWriter out = new CborWriter().integer(lists.idOf(names)).startMap();
    for (int i = 0; i < names.size(); i++) {
      out.integer(i);
      DaxValues.write(attributes.get(names.get(i)), out);
    }
    out.end();
    return out.toByteArray();
  }

  /** Writes a projected item: a map from each path's position to the value found there. */
  static void writeProjected(JsonObject item, List<List<Object>> paths, CborWriter out) {
    List<Object> found = new ArrayList<>();
    List<Integer> positions = new ArrayList<>();
    for (int i = 0; i < paths.size(); i++) {
      Object value = at(item, paths.get(i));
      if (value != null) {
        positions.add(i);
        found.add(value);
      }
    }
    out.map(found.size());
    for (int i = 0; i < found.size(); i++) {
      out.integer(positions.get(i));
      DaxValues.write(found.get(i), out);
    }
  }

  /** The value at a document path of an item, or null when the item has none there. */
  private static Object at(JsonObject item, List<Object> path) {
    Object current = item.get((String) path.get(0));
    for (Object element : path.subList(1, path.size())) {
      if (current == null) {
        return null;
      }
      JsonObject typed = (JsonObject) current;
      if (element instanceof Expressions.Ordinal ordinal) {
        if (!(typed.get("L") instanceof JsonArray list) || ordinal.index() >= list.size()) {
          return null;
        }
        current = list.get((int) ordinal.index());
      } else {
        if (!(typed.get("M") instanceof JsonObject map)) {
          return null;
        }
        current = map.get((String) element);
      }
    }
    return current;
  }

  /** Parses the JSON members {@code body} writes into an item. */
  static JsonObject item(DynamoBackend.Body body) {
    byte[] json = DynamoBackend.json(body);
    return (JsonObject) Json.parse(new String(json, java.nio.charset.StandardCharsets.UTF_8));
  }
}
