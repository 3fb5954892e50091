package dev.dynamodouble.core.protocol;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * A parsed JSON object: its members in document order, a repeated name keeping its first
 * position and its last value (as Jackson's tree does). Immutable. Small objects (request
 * structures, items) are searched linearly; large ones get a hash index on first lookup.
 */
public final class JsonObject {
  static final JsonObject EMPTY = new JsonObject(new String[0], new Object[0], 0);
  private static final int LINEAR = 8;

  private final String[] names;
  private final Object[] values;
  private final int size;
  private Map<String, Integer> index;

  private JsonObject(String[] names, Object[] values, int size) {
    this.names = names;
    this.values = values;
    this.size = size;
  }

  static JsonObject of(String name, Object value) {
    return new JsonObject(new String[] {name}, new Object[] {value}, 1);
  }

  public int size() {
    return size;
  }

  public boolean isEmpty() {
    return size == 0;
  }

  /** The name of member {@code i}, in document order. */
  public String name(int i) {
    return names[i];
  }

  /** The value of member {@code i}, in document order. */
  public Object value(int i) {
    return values[i];
  }

  /** The value of the member {@code name} (possibly {@link Json#NULL}), or null when absent. */
  public Object get(String name) {
    int i = indexOf(name);
    return i < 0 ? null : values[i];
  }

  private int indexOf(String name) {
    if (size <= LINEAR) {
      for (int i = 0; i < size; i++) {
        if (names[i].equals(name)) {
          return i;
        }
      }
      return -1;
    }
    Map<String, Integer> byName = index;
    if (byName == null) {
      byName = new HashMap<>(size * 2);
      for (int i = 0; i < size; i++) {
        byName.put(names[i], i);
      }
      index = byName; // racy but idempotent: every thread builds the same map
    }
    Integer i = byName.get(name);
    return i == null ? -1 : i;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof JsonObject)) {
      return false;
    }
    JsonObject other = (JsonObject) o;
    if (other.size != size) {
      return false;
    }
    for (int i = 0; i < size; i++) {
      int j = other.indexOf(names[i]);
      if (j < 0 || !values[i].equals(other.values[j])) {
        return false;
      }
    }
    return true;
  }

  @Override
  public int hashCode() {
    int hash = 0;
    for (int i = 0; i < size; i++) {
      hash += names[i].hashCode() ^ values[i].hashCode();
    }
    return hash;
  }

  /** The object as JSON text. */
  @Override
  public String toString() {
    return Json.toJson(this);
  }

  /** Collects members while parsing. */
  static final class Builder {
    private String[] names = new String[4];
    private Object[] values = new Object[4];
    private int size;
    private Map<String, Integer> seen;

    void put(String name, Object value) {
      int existing = -1;
      if (seen != null) {
        Integer i = seen.get(name);
        existing = i == null ? -1 : i;
      } else {
        for (int i = 0; i < size; i++) {
          if (names[i].equals(name)) {
            existing = i;
            break;
          }
        }
      }
      if (existing >= 0) {
        values[existing] = value;
        return;
      }
      if (size == LINEAR) {
        seen = new HashMap<>();
        for (int i = 0; i < size; i++) {
          seen.put(names[i], i);
        }
      }
      if (seen != null) {
        seen.put(name, size);
      }
      if (size == names.length) {
        names = Arrays.copyOf(names, size * 2);
        values = Arrays.copyOf(values, size * 2);
      }
      names[size] = name;
      values[size] = value;
      size++;
    }

    JsonObject build() {
      return size == 0 ? EMPTY : new JsonObject(names, values, size);
    }
  }
}
