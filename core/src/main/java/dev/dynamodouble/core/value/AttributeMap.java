package dev.dynamodouble.core.value;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * An immutable map of attribute names to values in insertion order, stored compactly: one array
 * of alternating names and values (a 5-attribute item costs about 80 bytes of map instead of a
 * LinkedHashMap's 330). Stored items and parsed request items are held this way. Maps of more
 * than eight attributes also get a small open-addressing index, so lookups stay O(1).
 *
 * <p>It is a {@link Map} like any other (equality and hash code by content); every mutator throws
 * {@link UnsupportedOperationException}.
 */
public final class AttributeMap extends AbstractMap<String, AttributeValue> {
  public static final AttributeMap EMPTY = new AttributeMap(new Object[0]);
  private static final int LINEAR = 8;

  /** name0, value0, name1, value1, ... */
  private final Object[] entries;
  /** For maps over {@link #LINEAR} entries: entry number + 1 at each name's slot, else null. */
  private final int[] index;

  private AttributeMap(Object[] entries) {
    this.entries = entries;
    this.index = entries.length / 2 > LINEAR ? buildIndex(entries) : null;
  }

  /** {@code map} itself when it is one, else a copy in its iteration order. */
  public static AttributeMap copyOf(Map<String, AttributeValue> map) {
    if (map instanceof AttributeMap) {
      return (AttributeMap) map;
    }
    if (map.isEmpty()) {
      return EMPTY;
    }
    Object[] entries = new Object[map.size() * 2];
    int at = 0;
    for (Map.Entry<String, AttributeValue> e : map.entrySet()) {
      entries[at++] = Objects.requireNonNull(e.getKey(), "name");
      entries[at++] = Objects.requireNonNull(e.getValue(), "value");
    }
    return new AttributeMap(entries);
  }

  /**
   * A map of the first {@code size} names and values; the names must be distinct (as the members
   * of a parsed JSON object are). The arrays are copied.
   */
  public static AttributeMap ofDistinct(String[] names, AttributeValue[] values, int size) {
    if (size == 0) {
      return EMPTY;
    }
    Object[] entries = new Object[size * 2];
    for (int i = 0; i < size; i++) {
      entries[2 * i] = Objects.requireNonNull(names[i], "name");
      entries[2 * i + 1] = Objects.requireNonNull(values[i], "value");
    }
    return new AttributeMap(entries);
  }

  /**
   * The least that {@link #expand} needs to rebuild this map: the entry array itself when the map
   * has no lookup index (up to {@value #LINEAR} attributes), else the map. For holders of many
   * maps (a table's items), which save the map object's bytes.
   */
  public Object compact() {
    return index == null ? entries : this;
  }

  /** The map of a {@link #compact()} form; the entry array is shared, not copied. */
  public static AttributeMap expand(Object compact) {
    return compact instanceof AttributeMap map ? map : new AttributeMap((Object[]) compact);
  }

  private static int[] buildIndex(Object[] entries) {
    int size = entries.length / 2;
    int[] index = new int[Integer.highestOneBit(size * 2 - 1) << 1];
    int mask = index.length - 1;
    for (int i = 0; i < size; i++) {
      int slot = spread(entries[2 * i].hashCode()) & mask;
      while (index[slot] != 0) {
        slot = (slot + 1) & mask;
      }
      index[slot] = i + 1;
    }
    return index;
  }

  private static int spread(int hash) {
    return hash ^ (hash >>> 16);
  }

  private int indexOf(Object name) {
    if (!(name instanceof String)) {
      return -1;
    }
    if (index == null) {
      for (int i = 0; i < entries.length; i += 2) {
        Object candidate = entries[i];
        if (candidate == name || candidate.equals(name)) {
          return i >> 1;
        }
      }
      return -1;
    }
    int mask = index.length - 1;
    for (int slot = spread(name.hashCode()) & mask; index[slot] != 0; slot = (slot + 1) & mask) {
      int i = index[slot] - 1;
      Object candidate = entries[2 * i];
      if (candidate == name || candidate.equals(name)) {
        return i;
      }
    }
    return -1;
  }

  @Override
  public int size() {
    return entries.length >> 1;
  }

  @Override
  public boolean isEmpty() {
    return entries.length == 0;
  }

  /** The name of entry {@code i}, in insertion order. */
  public String name(int i) {
    return (String) entries[2 * i];
  }

  /** The value of entry {@code i}, in insertion order. */
  public AttributeValue value(int i) {
    return (AttributeValue) entries[2 * i + 1];
  }

  @Override
  public AttributeValue get(Object name) {
    int i = indexOf(name);
    return i < 0 ? null : (AttributeValue) entries[2 * i + 1];
  }

  /**
   * Content equality, as every Map's; against another AttributeMap without AbstractMap's iterator
   * and lookups: entries in the same position (the usual case: items written alike) compare
   * directly. Every commit compares an item with the one it replaces.
   */
  @Override
  public boolean equals(Object o) {
    if (o == this) {
      return true;
    }
    if (!(o instanceof AttributeMap other)) {
      return super.equals(o);
    }
    if (other.entries.length != entries.length) {
      return false;
    }
    for (int i = 0; i < entries.length; i += 2) {
      Object name = entries[i];
      Object theirs;
      if (other.entries[i] == name || other.entries[i].equals(name)) {
        theirs = other.entries[i + 1];
      } else {
        int j = other.indexOf(name);
        if (j < 0) {
          return false;
        }
        theirs = other.entries[2 * j + 1];
      }
      if (theirs != entries[i + 1] && !entries[i + 1].equals(theirs)) {
        return false;
      }
    }
    return true;
  }

  @Override
  public int hashCode() {
    return super.hashCode(); // by content, as equals
  }

  @Override
  public boolean containsKey(Object name) {
    return indexOf(name) >= 0;
  }

  @Override
  public void forEach(BiConsumer<? super String, ? super AttributeValue> action) {
    for (int i = 0; i < entries.length; i += 2) {
      action.accept((String) entries[i], (AttributeValue) entries[i + 1]);
    }
  }

  @Override
  public Set<Map.Entry<String, AttributeValue>> entrySet() {
    return new AbstractSet<>() {
      @Override
      public Iterator<Map.Entry<String, AttributeValue>> iterator() {
        return new Iterator<>() {
          private int at;

          @Override
          public boolean hasNext() {
            return at < entries.length;
          }

          @Override
          public Map.Entry<String, AttributeValue> next() {
            if (at >= entries.length) {
              throw new NoSuchElementException();
            }
            Map.Entry<String, AttributeValue> entry = new SimpleImmutableEntry<>(
                (String) entries[at], (AttributeValue) entries[at + 1]);
            at += 2;
            return entry;
          }
        };
      }

      @Override
      public int size() {
        return entries.length >> 1;
      }
    };
  }
}
