package dev.dynamodouble.core.dax;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The expressions of one DAX request, turned back into DynamoDB's text. The DAX client parses
 * every expression itself and sends it as a CBOR s-expression {@code [1, tree, [values]]}: a tree
 * of operator codes, document paths {@code [18, "a", ordinal(1), "b"]} and value references
 * {@code [17, n]} into the values array. Here every name becomes a {@code #n} placeholder and every
 * value a {@code :} placeholder, so the engine parses, validates and evaluates them as it would
 * any other request's.
 */
final class Expressions {
  private static final int VARIABLE = 17;
  private static final int PATH = 18;
  private static final String[] COMPARATORS = {"=", "<>", "<", ">=", ">", "<="};
  private static final String[] FUNCTIONS = {
      "attribute_exists", "attribute_not_exists", "attribute_type", "begins_with", "contains", "size"};
  private static final String[] ACTIONS = {"SET", "ADD", "DELETE", "REMOVE"};

  /** An ordinal in a document path: {@code [n]}. */
  record Ordinal(long index) {}

  private final Map<String, String> names = new LinkedHashMap<>();
  private final Map<String, byte[]> values = new LinkedHashMap<>();

  /** A condition, filter or key condition expression; {@code prefix} keeps each one's values apart. */
  String condition(byte[] encoded, String prefix) {
    CborReader in = new CborReader(encoded);
    Object tree = open(in, prefix, true);
    return render(tree, prefix);
  }

  /** An update expression: its actions grouped into SET, ADD, DELETE and REMOVE clauses. */
  String update(byte[] encoded) {
    CborReader in = new CborReader(encoded);
    List<?> actions = (List<?>) open(in, "u", true);
    StringBuilder text = new StringBuilder();
    for (int kind = 0; kind < ACTIONS.length; kind++) {
      List<String> clause = new ArrayList<>();
      for (Object action : actions) {
        List<?> a = (List<?>) action;
        if (code(a) - 19 == kind) {
          String path = render(a.get(1), "u");
          clause.add(switch (kind) {
            case 0 -> path + " = " + render(a.get(2), "u");
            case 3 -> path;
            default -> path + " " + render(a.get(2), "u");
          });
        }
      }
      if (!clause.isEmpty()) {
        text.append(text.length() == 0 ? "" : " ").append(ACTIONS[kind]).append(' ').append(String.join(", ", clause));
      }
    }
    return text.toString();
  }

  /** A projection expression. */
  String projection(byte[] encoded) {
    List<String> paths = new ArrayList<>();
    for (Object path : projectionPaths(encoded)) {
      paths.add(render(path, "p"));
    }
    return String.join(", ", paths);
  }

  /** The document paths of a projection, in order (the response's ordinals index them). */
  static List<List<Object>> projectionPaths(byte[] encoded) {
    CborReader in = new CborReader(encoded);
    in.readArrayHeader();
    in.readLong(); // the encoding version
    List<List<Object>> paths = new ArrayList<>();
    for (Object path : (List<?>) tree(in)) {
      List<?> p = (List<?>) path;
      paths.add(new ArrayList<>(p.subList(1, p.size())));
    }
    return paths;
  }

  /** Reads {@code [version, tree(, values)]}, keeping each value's CBOR under its placeholder. */
  private Object open(CborReader in, String prefix, boolean hasValues) {
    int size = in.readArrayHeader();
    long version = in.readLong();
    if (version != 1) {
      throw DaxError.validation("Unsupported expression encoding version " + version);
    }
    Object tree = tree(in);
    if (hasValues && size > 2) {
      int count = in.readArrayHeader();
      for (int i = 0; i < count; i++) {
        int from = in.position();
        in.skip();
        values.put(":" + prefix + i, in.copyRange(from, in.position()));
      }
    }
    return tree;
  }

  private static Object tree(CborReader in) {
    switch (in.peekMajor()) {
      case CborReader.UNSIGNED, CborReader.NEGATIVE:
        return in.readLong();
      case CborReader.TEXT:
        return in.readText();
      case CborReader.TAG: {
        long tag = in.readTag();
        if (tag != DaxValues.TAG_DOCUMENT_PATH_ORDINAL) {
          throw DaxError.validation("Unexpected tag " + tag + " in an expression");
        }
        return new Ordinal(in.readLong());
      }
      case CborReader.ARRAY: {
        int size = in.readArrayHeader();
        List<Object> list = new ArrayList<>(Math.max(size, 0));
        for (int i = 0; size < 0 ? !in.peekBreak() : i < size; i++) {
          list.add(tree(in));
        }
        if (size < 0) {
          in.readBreak();
        }
        return list;
      }
      default:
        throw DaxError.validation("Unexpected item in an expression");
    }
  }

  private static int code(List<?> node) {
    return node.isEmpty() || !(node.get(0) instanceof Long code) ? -1 : code.intValue();
  }

  private String render(Object node, String prefix) {
    List<?> n = (List<?>) node;
    int code = code(n);
    if (code >= 0 && code <= 5) {
      return render(n.get(1), prefix) + " " + COMPARATORS[code] + " " + render(n.get(2), prefix);
    }
    switch (code) {
      case 6, 7:
        return logical(n.get(1), prefix) + (code == 6 ? " AND " : " OR ") + logical(n.get(2), prefix);
      case 8:
        return "NOT " + logical(n.get(1), prefix);
      case 9:
        return render(n.get(1), prefix) + " BETWEEN " + render(n.get(2), prefix) + " AND " + render(n.get(3), prefix);
      case 10: {
        List<String> options = new ArrayList<>();
        for (Object option : (List<?>) n.get(2)) {
          options.add(render(option, prefix));
        }
        return render(n.get(1), prefix) + " IN (" + String.join(", ", options) + ")";
      }
      case 11, 12, 13, 14, 15, 16:
        return call(FUNCTIONS[code - 11], n, prefix);
      case VARIABLE:
        return ":" + prefix + n.get(1);
      case PATH:
        return path(n.subList(1, n.size()));
      case 23:
        return call("if_not_exists", n, prefix);
      case 24:
        return call("list_append", n, prefix);
      case 25, 26:
        return render(n.get(1), prefix) + (code == 25 ? " + " : " - ") + render(n.get(2), prefix);
      default:
        throw DaxError.validation("Unsupported operator " + code + " in an expression");
    }
  }

  /** An operand of AND, OR or NOT: parenthesised, so the tree's grouping survives as text. */
  private String logical(Object node, String prefix) {
    return "(" + render(node, prefix) + ")";
  }

  private String call(String function, List<?> node, String prefix) {
    List<String> args = new ArrayList<>();
    for (Object arg : node.subList(1, node.size())) {
      args.add(render(arg, prefix));
    }
    return function + "(" + String.join(", ", args) + ")";
  }

  private String path(List<?> elements) {
    StringBuilder text = new StringBuilder();
    for (Object element : elements) {
      if (element instanceof Ordinal ordinal) {
        text.append('[').append(ordinal.index()).append(']');
      } else {
        String name = (String) element;
        String placeholder = names.computeIfAbsent(name, k -> "#n" + names.size());
        text.append(text.length() == 0 ? "" : ".").append(placeholder);
      }
    }
    return text.toString();
  }

  /** Writes ExpressionAttributeNames and ExpressionAttributeValues when there are any. */
  void writePlaceholders(JsonGenerator json) throws IOException {
    if (!names.isEmpty()) {
      json.writeObjectFieldStart("ExpressionAttributeNames");
      for (Map.Entry<String, String> name : names.entrySet()) {
        json.writeStringField(name.getValue(), name.getKey());
      }
      json.writeEndObject();
    }
    if (!values.isEmpty()) {
      json.writeObjectFieldStart("ExpressionAttributeValues");
      for (Map.Entry<String, byte[]> value : values.entrySet()) {
        json.writeFieldName(value.getKey());
        DaxValues.copy(new CborReader(value.getValue()), json);
      }
      json.writeEndObject();
    }
  }
}
