package dev.dynamodouble.core.protocol;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A parsed JSON object: its members in document order, a repeated name keeping its first
 * position and its last value (as Jackson's tree does). Immutable. Small objects (request
 * structures, items) are searched linearly; large ones get a hash index on first lookup.
 */
public final class JsonObject {
  static final JsonObject EMPTY = new JsonObject(new String[0], new Object[0], 0);
  private static final int LINEAR = 8;

  // An object of one member (every attribute value is one) keeps it in fields, without arrays.
  private final String name0;
  private final Object value0;
  private final String[] names;
  private final Object[] values;
  private final int size;
  private Map<String, Integer> index;

  private JsonObject(String[] names, Object[] values, int size) {
    this.name0 = null;
    this.value0 = null;
    this.names = names;
    this.values = values;
    this.size = size;
  }

  private JsonObject(String name, Object value) {
    this.name0 = name;
    this.value0 = value;
    this.names = null;
    this.values = null;
    this.size = 1;
  }

  static JsonObject of(String name, Object value) {
    return new JsonObject(name, value);
  }

  public int size() {
    return size;
  }

  public boolean isEmpty() {
    return size == 0;
  }

  /** The name of member {@code i}, in document order. */
  public String name(int i) {
    if (names == null) {
      Objects.checkIndex(i, 1);
      return name0;
    }
    return names[i];
  }

  /** The value of member {@code i}, in document order. */
  public Object value(int i) {
    if (values == null) {
      Objects.checkIndex(i, 1);
      return value0;
    }
    return values[i];
  }

  /** The value of the member {@code name} (possibly {@link Json#NULL}), or null when absent. */
  public Object get(String name) {
    if (names == null) {
      return name0.equals(name) ? value0 : null;
    }
    int i = indexOf(name);
    return i < 0 ? null : values[i];
  }

  private int indexOf(String name) {
    if (names == null) {
      return name0.equals(name) ? 0 : -1;
    }
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
      int j = other.indexOf(name(i));
      if (j < 0 || !value(i).equals(other.value(j))) {
        return false;
      }
    }
    return true;
  }

  @Override
  public int hashCode() {
    int hash = 0;
    for (int i = 0; i < size; i++) {
      hash += name(i).hashCode() ^ value(i).hashCode();
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
