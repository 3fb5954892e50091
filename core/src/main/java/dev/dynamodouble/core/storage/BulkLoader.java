package dev.dynamodouble.core.storage;

import java.util.Arrays;

/**
 * Builds a tree bottom-up from entries already in strictly ascending key order, in O(n) and with
 * nodes packed full (restored backups and loaded fixtures are mostly read afterwards). Entries are
 * spread evenly over the fewest nodes that can hold them, so no node ends up under {@link Node#MIN}.
 */
final class BulkLoader {
  private BulkLoader() {}

  /** The root of a tree holding {@code keys[0..size)} and their values; null when size is 0. */
  static Node build(Object[] keys, Object[] values, int size) {
    if (size == 0) {
      return null;
    }
    int count = nodesFor(size);
    Node[] level = new Node[count];
    Object[] lowKeys = new Object[count];
    int from = 0;
    for (int i = 0; i < count; i++) {
      int to = from + share(size, count, i);
      level[i] = new Leaf(Arrays.copyOfRange(keys, from, to), Arrays.copyOfRange(values, from, to));
      lowKeys[i] = keys[from];
      from = to;
    }
    while (count > 1) {
      int parents = nodesFor(count);
      Node[] upper = new Node[parents];
      Object[] upperLowKeys = new Object[parents];
      int first = 0;
      for (int p = 0; p < parents; p++) {
        int end = first + share(count, parents, p);
        // A branch's separators are the lowest keys of all its children but the first.
        upper[p] = new Branch(Arrays.copyOfRange(lowKeys, first + 1, end), Arrays.copyOfRange(level, first, end, Node[].class));
        upperLowKeys[p] = lowKeys[first];
        first = end;
      }
      level = upper;
      lowKeys = upperLowKeys;
      count = parents;
    }
    return level[0];
  }

  private static int nodesFor(int items) {
    return (items + Node.MAX - 1) / Node.MAX;
  }

  /** How many of {@code items} the i-th of {@code nodes} holds: sizes differ by at most one. */
  private static int share(int items, int nodes, int i) {
    return items / nodes + (i < items % nodes ? 1 : 0);
  }
}
