package dev.dynamodouble.core.storage;

import java.util.Collections;
import java.util.Comparator;
import java.util.Iterator;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * An immutable sorted map whose updates return a new map. PLACEHOLDER implementation: copies on
 * every write. To be replaced by a structurally shared tree with the same API.
 */
public final class PersistentSortedMap<K, V> implements Iterable<Map.Entry<K, V>> {
  private final Comparator<? super K> order;
  private final NavigableMap<K, V> map;

  private PersistentSortedMap(Comparator<? super K> order, NavigableMap<K, V> map) {
    this.order = order;
    this.map = map;
  }

  public static <K, V> PersistentSortedMap<K, V> empty(Comparator<? super K> order) {
    return new PersistentSortedMap<>(order, new TreeMap<>(order));
  }

  public Comparator<? super K> comparator() {
    return order;
  }

  public int size() {
    return map.size();
  }

  public boolean isEmpty() {
    return map.isEmpty();
  }

  public V get(K key) {
    return map.get(key);
  }

  public PersistentSortedMap<K, V> put(K key, V value) {
    TreeMap<K, V> copy = new TreeMap<>(map);
    copy.put(key, value);
    return new PersistentSortedMap<>(order, copy);
  }

  public PersistentSortedMap<K, V> remove(K key) {
    if (!map.containsKey(key)) {
      return this;
    }
    TreeMap<K, V> copy = new TreeMap<>(map);
    copy.remove(key);
    return new PersistentSortedMap<>(order, copy);
  }

  /** Entries in ascending key order from {@code from} (null: the first key). */
  public Iterator<Map.Entry<K, V>> ascending(K from, boolean inclusive) {
    NavigableMap<K, V> view = from == null ? map : map.tailMap(from, inclusive);
    return Collections.unmodifiableMap(view).entrySet().iterator();
  }

  /** Entries in descending key order from {@code from} (null: the last key). */
  public Iterator<Map.Entry<K, V>> descending(K from, boolean inclusive) {
    NavigableMap<K, V> view = from == null ? map.descendingMap() : map.headMap(from, inclusive).descendingMap();
    return Collections.unmodifiableMap(view).entrySet().iterator();
  }

  @Override
  public Iterator<Map.Entry<K, V>> iterator() {
    return ascending(null, true);
  }
}
