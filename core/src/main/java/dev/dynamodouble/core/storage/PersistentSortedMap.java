package dev.dynamodouble.core.storage;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Iterator;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiConsumer;

/**
 * An immutable sorted map whose updates return a new map that shares all untouched structure with
 * the old one. Holding on to an old map is therefore a free, consistent snapshot: nothing done to
 * a newer map is ever visible through it, and its iterators need no lock.
 *
 * <p>Inside is a persistent B+tree of up to 32-wide nodes: entries live in leaves as parallel key
 * and value arrays, so an entry costs two array slots rather than an object of its own, lookups
 * walk a few cache-friendly levels, and a write copies only the three or four nodes on its path.
 * get, put and remove are O(log n); iterators position in O(log n) and step in O(1) amortised.
 *
 * <p>Keys are ordered by the map's comparator (keys comparing equal are the same key). Keys and
 * values must not be null. Maps compare by identity. Being immutable, a map is safe to share
 * between threads without locking.
 */
public final class PersistentSortedMap<K, V> implements Iterable<Map.Entry<K, V>> {
  private final Comparator<? super K> order;
  private final Node root;
  private final int size;

  private PersistentSortedMap(Comparator<? super K> order, Node root, int size) {
    this.order = order;
    this.root = root;
    this.size = size;
  }

  public static <K, V> PersistentSortedMap<K, V> empty(Comparator<? super K> order) {
    return new PersistentSortedMap<>(Objects.requireNonNull(order, "order"), null, 0);
  }

  /** A builder that loads many entries in O(n) when they come in key order, O(n log n) otherwise. */
  public static <K, V> Builder<K, V> builder(Comparator<? super K> order) {
    return new Builder<>(Objects.requireNonNull(order, "order"));
  }

  public Comparator<? super K> comparator() {
    return order;
  }

  public int size() {
    return size;
  }

  public boolean isEmpty() {
    return size == 0;
  }

  /** The value for {@code key}, or null when absent. */
  @SuppressWarnings("unchecked")
  public V get(K key) {
    Objects.requireNonNull(key, "key");
    if (root == null) {
      return null;
    }
    Comparator<Object> cmp = objectOrder();
    Node node = root;
    while (node instanceof Branch) {
      Branch branch = (Branch) node;
      node = branch.children[branch.route(key, cmp)];
    }
    Leaf leaf = (Leaf) node;
    int at = Node.search(leaf.keys, key, cmp);
    return at >= 0 ? (V) leaf.values[at] : null;
  }

  public boolean containsKey(K key) {
    return get(key) != null;
  }

  /** A map with {@code key} mapped to {@code value}; this map when it already maps key to that very value. */
  public PersistentSortedMap<K, V> put(K key, V value) {
    return put(new Edit(objectOrder(), Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value")));
  }

  /** A map after a put, and the value the key had before it (null when it was absent). */
  public record Replaced<K, V>(PersistentSortedMap<K, V> map, V previous) {}

  /** As {@link #put}, also telling the value it replaced: one walk down the tree instead of a get and a put. */
  @SuppressWarnings("unchecked")
  public Replaced<K, V> replace(K key, V value) {
    Edit edit = new Edit(objectOrder(), Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
    return new Replaced<>(put(edit), (V) edit.previous);
  }

  private PersistentSortedMap<K, V> put(Edit edit) {
    if (root == null) {
      return new PersistentSortedMap<>(order, new Leaf(new Object[] {edit.key}, new Object[] {edit.value}), 1);
    }
    Node updated = root.put(edit);
    Node splitOff = edit.takeSplit();
    if (splitOff != null) {
      // The root split: the tree grows one level, at the top, so all leaves stay at one depth.
      updated = new Branch(new Object[] {edit.splitKey}, new Node[] {updated, splitOff});
    }
    if (updated == root) {
      return this;
    }
    return new PersistentSortedMap<>(order, updated, edit.added ? size + 1 : size);
  }

  /** A map without {@code key}; this map when the key is absent. */
  public PersistentSortedMap<K, V> remove(K key) {
    Edit edit = new Edit(objectOrder(), Objects.requireNonNull(key, "key"), null);
    if (root == null) {
      return this;
    }
    Node updated = root.remove(edit);
    if (!edit.removed) {
      return this;
    }
    if (updated.width() == 0) {
      return empty(order);
    }
    if (updated instanceof Branch && updated.width() == 1) {
      // The root's last two children merged: the tree loses its top level.
      updated = ((Branch) updated).children[0];
    }
    return new PersistentSortedMap<>(order, updated, size - 1);
  }

  /** This map with every entry of {@code entries} put in turn (later entries win). */
  public PersistentSortedMap<K, V> putAll(Iterable<? extends Map.Entry<? extends K, ? extends V>> entries) {
    if (root == null) {
      Builder<K, V> builder = new Builder<>(order);
      for (Map.Entry<? extends K, ? extends V> entry : entries) {
        builder.put(entry.getKey(), entry.getValue());
      }
      return builder.build();
    }
    PersistentSortedMap<K, V> map = this;
    for (Map.Entry<? extends K, ? extends V> entry : entries) {
      map = map.put(entry.getKey(), entry.getValue());
    }
    return map;
  }

  /** Receives one difference between two versions of a map; see {@link #diff}. */
  @FunctionalInterface
  public interface DiffVisitor<K, V> {
    /** {@code before} is null for a key that was added, {@code after} null for one that was removed. */
    void visit(K key, V before, V after);
  }

  /**
   * Reports, in ascending key order, every key whose value differs between this map and
   * {@code newer} (values compare by identity, as the maps store them). Subtrees the two versions
   * share are skipped unread, so diffing a map against the version a few puts later made costs
   * about O(changes x log n), not O(n). Both maps must use the same ordering.
   */
  @SuppressWarnings("unchecked")
  public void diff(PersistentSortedMap<K, V> newer, DiffVisitor<? super K, ? super V> visitor) {
    Objects.requireNonNull(newer, "newer");
    Objects.requireNonNull(visitor, "visitor");
    DiffVisitor<Object, Object> sink = (DiffVisitor<Object, Object>) visitor;
    MapDiff.diff(root, newer.root, objectOrder(), sink::visit);
  }

  /** Entries in ascending key order from {@code from} (null: the first key). */
  public Iterator<Map.Entry<K, V>> ascending(K from, boolean inclusive) {
    return new EntryCursor<>(root, objectOrder(), from, inclusive, true);
  }

  /** Entries in descending key order from {@code from} (null: the last key). */
  public Iterator<Map.Entry<K, V>> descending(K from, boolean inclusive) {
    return new EntryCursor<>(root, objectOrder(), from, inclusive, false);
  }

  @Override
  public Iterator<Map.Entry<K, V>> iterator() {
    return ascending(null, true);
  }

  /** Calls {@code action} for every entry in ascending key order, without allocating entries. */
  @SuppressWarnings("unchecked")
  public void forEachEntry(BiConsumer<? super K, ? super V> action) {
    forEachEntry(root, (BiConsumer<Object, Object>) action);
  }

  private static void forEachEntry(Node node, BiConsumer<Object, Object> action) {
    if (node instanceof Branch) {
      for (Node child : ((Branch) node).children) {
        forEachEntry(child, action);
      }
    } else if (node != null) {
      Leaf leaf = (Leaf) node;
      for (int i = 0; i < leaf.keys.length; i++) {
        action.accept(leaf.keys[i], leaf.values[i]);
      }
    }
  }

  /** The entry with the lowest key, or null when empty. */
  public Map.Entry<K, V> firstEntry() {
    return firstOf(ascending(null, true));
  }

  /** The entry with the highest key, or null when empty. */
  public Map.Entry<K, V> lastEntry() {
    return firstOf(descending(null, true));
  }

  /** The entry with the greatest key at or below {@code key}, or null. */
  public Map.Entry<K, V> floorEntry(K key) {
    return firstOf(descending(Objects.requireNonNull(key, "key"), true));
  }

  /** The entry with the greatest key strictly below {@code key}, or null. */
  public Map.Entry<K, V> lowerEntry(K key) {
    return firstOf(descending(Objects.requireNonNull(key, "key"), false));
  }

  /** The entry with the least key at or above {@code key}, or null. */
  public Map.Entry<K, V> ceilingEntry(K key) {
    return firstOf(ascending(Objects.requireNonNull(key, "key"), true));
  }

  /** The entry with the least key strictly above {@code key}, or null. */
  public Map.Entry<K, V> higherEntry(K key) {
    return firstOf(ascending(Objects.requireNonNull(key, "key"), false));
  }

  private static <K, V> Map.Entry<K, V> firstOf(Iterator<Map.Entry<K, V>> entries) {
    return entries.hasNext() ? entries.next() : null;
  }

  @SuppressWarnings("unchecked")
  private Comparator<Object> objectOrder() {
    return (Comparator<Object>) order;
  }

  /** The tree's root, for structural tests in this package; null when empty. */
  Node root() {
    return root;
  }

  /** Shows at most the first 20 entries, so a huge table cannot flood a failure message. */
  @Override
  public String toString() {
    StringBuilder text = new StringBuilder("{");
    Iterator<Map.Entry<K, V>> entries = iterator();
    for (int shown = 0; entries.hasNext(); shown++) {
      if (shown == 20) {
        text.append(", ... (").append(size).append(" entries)");
        break;
      }
      Map.Entry<K, V> entry = entries.next();
      text.append(shown == 0 ? "" : ", ").append(entry.getKey()).append('=').append(entry.getValue());
    }
    return text.append('}').toString();
  }

  /**
   * Collects entries for one O(n) build: entries arriving in strictly ascending order are packed
   * straight into full leaves; otherwise they are sorted once at the end. A later put of an equal
   * key wins, as with {@link #put}. Not thread-safe; reusable after {@link #build()}.
   */
  public static final class Builder<K, V> {
    private final Comparator<? super K> order;
    private Object[] keys = new Object[16];
    private Object[] values = new Object[16];
    private int size;
    private boolean inOrder = true;

    private Builder(Comparator<? super K> order) {
      this.order = order;
    }

    @SuppressWarnings("unchecked")
    public Builder<K, V> put(K key, V value) {
      Objects.requireNonNull(key, "key");
      Objects.requireNonNull(value, "value");
      if (size > 0 && inOrder) {
        int step = order.compare((K) keys[size - 1], key);
        if (step == 0) {
          values[size - 1] = value;
          return this;
        }
        inOrder = step < 0;
      }
      if (size == keys.length) {
        keys = Arrays.copyOf(keys, size * 2);
        values = Arrays.copyOf(values, size * 2);
      }
      keys[size] = key;
      values[size] = value;
      size++;
      return this;
    }

    public int size() {
      return size;
    }

    public PersistentSortedMap<K, V> build() {
      if (!inOrder) {
        sortKeepingLast();
      }
      return new PersistentSortedMap<>(order, BulkLoader.build(keys, values, size), size);
    }

    /** Sorts stably by key, then keeps only the last of each run of equal keys. */
    @SuppressWarnings("unchecked")
    private void sortKeepingLast() {
      Object[][] pairs = new Object[size][];
      for (int i = 0; i < size; i++) {
        pairs[i] = new Object[] {keys[i], values[i]};
      }
      Arrays.sort(pairs, (a, b) -> order.compare((K) a[0], (K) b[0]));
      int kept = 0;
      for (int i = 0; i < size; i++) {
        if (kept > 0 && order.compare((K) keys[kept - 1], (K) pairs[i][0]) == 0) {
          kept--;
        }
        keys[kept] = pairs[i][0];
        values[kept] = pairs[i][1];
        kept++;
      }
      Arrays.fill(keys, kept, size, null);
      Arrays.fill(values, kept, size, null);
      size = kept;
      inOrder = true;
    }
  }
}
