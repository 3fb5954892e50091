package dev.dynamodouble.core.fault;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the YAML that scenario files need, without a YAML library in core: block mappings and
 * sequences by indentation (spaces), {@code - key: value} items, flow lists of scalars
 * ({@code [GetItem, Query]}), quoted and plain scalars (booleans, numbers, null), comments and a
 * leading {@code ---}. Anything else (anchors, multi-line strings, flow maps, tabs) is refused
 * with its line.
 */
final class YamlScenario {
  private record Line(int number, int indent, String content) {}

  private final String file;
  private final List<Line> lines = new ArrayList<>();
  private int at;

  private YamlScenario(String file, String text) {
    this.file = file;
    String[] raw = text.split("\r?\n", -1);
    for (int i = 0; i < raw.length; i++) {
      String line = stripComment(raw[i], i + 1);
      if (line.isBlank() || (lines.isEmpty() && line.strip().equals("---"))) {
        continue;
      }
      int indent = 0;
      while (indent < line.length() && line.charAt(indent) == ' ') {
        indent++;
      }
      if (line.charAt(indent) == '\t') {
        throw error(i + 1, "tabs cannot indent YAML; use spaces");
      }
      lines.add(new Line(i + 1, indent, line.substring(indent).stripTrailing()));
    }
  }

  static Located parse(String file, String text) {
    YamlScenario yaml = new YamlScenario(file, text);
    if (yaml.lines.isEmpty()) {
      throw new InvalidFaultException(file, 1, null, "the file is empty");
    }
    Located root = yaml.block(yaml.lines.get(0).indent());
    if (yaml.at < yaml.lines.size()) {
      throw yaml.error(yaml.lines.get(yaml.at).number(), "unexpected indentation");
    }
    return root;
  }

  private Located block(int indent) {
    Line first = lines.get(at);
    return isItem(first.content()) ? sequence(indent) : mapping(indent);
  }

  private static boolean isItem(String content) {
    return content.equals("-") || content.startsWith("- ");
  }

  private Located sequence(int indent) {
    List<Located> items = new ArrayList<>();
    int start = lines.get(at).number();
    while (at < lines.size() && lines.get(at).indent() == indent && isItem(lines.get(at).content())) {
      Line line = lines.get(at);
      String rest = line.content().substring(1).stripLeading();
      if (rest.isEmpty()) {
        at++;
        items.add(nested(indent, line));
      } else if (keyEnd(rest) >= 0) {
        // "- key: value": a mapping whose first entry sits after the dash
        int column = indent + line.content().length() - rest.length();
        lines.set(at, new Line(line.number(), column, rest));
        items.add(mapping(column));
      } else {
        at++;
        items.add(new Located(scalar(rest, line.number()), line.number()));
      }
    }
    return new Located(items, start);
  }

  private Located mapping(int indent) {
    Map<String, Located> map = new LinkedHashMap<>();
    int start = lines.get(at).number();
    while (at < lines.size() && lines.get(at).indent() == indent && !isItem(lines.get(at).content())) {
      Line line = lines.get(at);
      int end = keyEnd(line.content());
      if (end < 0) {
        throw error(line.number(), "expected \"key: value\", not \"" + line.content() + "\"");
      }
      String key = unquote(line.content().substring(0, end).strip(), line.number());
      String rest = line.content().substring(end + 1).strip();
      at++;
      Located value;
      if (!rest.isEmpty()) {
        value = new Located(scalar(rest, line.number()), line.number());
      } else if (at < lines.size() && lines.get(at).indent() == indent && isItem(lines.get(at).content())) {
        value = sequence(indent); // a list under a key, at the key's indentation
      } else {
        value = nested(indent, line);
      }
      if (map.put(key, value) != null) {
        throw new InvalidFaultException(file, line.number(), key, "appears twice");
      }
    }
    if (at < lines.size() && lines.get(at).indent() > indent) {
      throw error(lines.get(at).number(), "unexpected indentation");
    }
    return new Located(map, start);
  }

  /** The block under {@code parent}, or null when the next line is not indented more. */
  private Located nested(int indent, Line parent) {
    if (at < lines.size() && lines.get(at).indent() > indent) {
      return block(lines.get(at).indent());
    }
    return new Located(null, parent.number());
  }

  /** Where a mapping key ends (its colon), or -1: a colon followed by a space or the end, outside quotes. */
  private static int keyEnd(String content) {
    char quote = 0;
    for (int i = 0; i < content.length(); i++) {
      char c = content.charAt(i);
      if (quote != 0) {
        quote = c == quote ? 0 : quote;
      } else if (c == '"' || c == '\'') {
        quote = c;
      } else if (c == ':' && (i + 1 == content.length() || content.charAt(i + 1) == ' ')) {
        return i;
      } else if (i == 0 && (c == '[' || c == '{')) {
        return -1;
      }
    }
    return -1;
  }

  private Object scalar(String text, int line) {
    if (text.startsWith("[")) {
      if (!text.endsWith("]")) {
        throw error(line, "a flow list must end on its line with ]");
      }
      List<Located> items = new ArrayList<>();
      String inner = text.substring(1, text.length() - 1).strip();
      if (!inner.isEmpty()) {
        for (String part : splitFlow(inner, line)) {
          items.add(new Located(scalar(part.strip(), line), line));
        }
      }
      return items;
    }
    if (text.startsWith("{") || text.startsWith("&") || text.startsWith("*") || text.startsWith("|")
        || text.startsWith(">") || text.startsWith("!")) {
      throw error(line, "this YAML form is not supported in scenario files: " + text);
    }
    if (text.startsWith("\"") || text.startsWith("'")) {
      return unquote(text, line);
    }
    switch (text) {
      case "true": return Boolean.TRUE;
      case "false": return Boolean.FALSE;
      case "null", "~": return null;
      default:
        break;
    }
    if (text.matches("-?\\d+")) {
      return Long.parseLong(text);
    }
    if (text.matches("-?\\d*\\.\\d+([eE][-+]?\\d+)?")) {
      return Double.parseDouble(text);
    }
    return text;
  }

  private List<String> splitFlow(String inner, int line) {
    List<String> parts = new ArrayList<>();
    StringBuilder part = new StringBuilder();
    char quote = 0;
    for (char c : inner.toCharArray()) {
      if (quote != 0) {
        quote = c == quote ? 0 : quote;
      } else if (c == '"' || c == '\'') {
        quote = c;
      } else if (c == ',') {
        parts.add(part.toString());
        part.setLength(0);
        continue;
      } else if (c == '[' || c == '{') {
        throw error(line, "nested flow collections are not supported in scenario files");
      }
      part.append(c);
    }
    parts.add(part.toString());
    return parts;
  }

  private String unquote(String text, int line) {
    if (text.length() >= 2 && (text.startsWith("\"") && text.endsWith("\"")
        || text.startsWith("'") && text.endsWith("'"))) {
      String inner = text.substring(1, text.length() - 1);
      return text.startsWith("'") ? inner.replace("''", "'") : inner.replace("\\\"", "\"").replace("\\\\", "\\");
    }
    if (text.startsWith("\"") || text.startsWith("'")) {
      throw error(line, "unterminated quoted string: " + text);
    }
    return text;
  }

  private String stripComment(String line, int number) {
    char quote = 0;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quote != 0) {
        quote = c == quote ? 0 : quote;
      } else if (c == '"' || c == '\'') {
        quote = c;
      } else if (c == '#' && (i == 0 || line.charAt(i - 1) == ' ')) {
        return line.substring(0, i);
      }
    }
    return line;
  }

  private InvalidFaultException error(int line, String message) {
    return new InvalidFaultException(file, line, null, message);
  }
}
