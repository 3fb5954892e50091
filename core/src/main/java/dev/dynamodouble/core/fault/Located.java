package dev.dynamodouble.core.fault;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A value read from a scenario file and the line it starts on: a map of located values, a list of
 * them, a string, a number, a boolean, or null.
 */
record Located(Object value, int line) {
  @SuppressWarnings("unchecked")
  Map<String, Located> map() {
    return value instanceof Map ? (Map<String, Located>) value : null;
  }

  @SuppressWarnings("unchecked")
  List<Located> list() {
    return value instanceof List ? (List<Located>) value : null;
  }

  /** The value without locations (maps and lists of plain values). */
  Object plain() {
    if (map() != null) {
      Map<String, Object> plain = new LinkedHashMap<>();
      map().forEach((k, v) -> plain.put(k, v.plain()));
      return plain;
    }
    if (list() != null) {
      List<Object> plain = new ArrayList<>();
      list().forEach(v -> plain.add(v.plain()));
      return plain;
    }
    return value;
  }
}
