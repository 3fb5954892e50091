package dev.dynamodouble.core.storage;

import java.util.Comparator;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * A lazy iterator over one immutable root, in either direction: O(height) to position, O(1)
 * amortised per step. It keeps the path of branches above the current leaf, so it never needs
 * parent pointers (which persistent, shared nodes cannot have).
 */
final class EntryCursor<K, V> implements Iterator<Map.Entry<K, V>> {
  private final boolean ascending;
  private final Branch[] path;
  private final int[] childAt;
  private Leaf leaf;
  private int index;

  /** Positions at {@code from} (null: the first entry in the direction of travel). */
  EntryCursor(Node root, Comparator<Object> order, Object from, boolean inclusive, boolean ascending) {
    this.ascending = ascending;
    int height = heightOf(root);
    this.path = new Branch[height];
    this.childAt = new int[height];
    if (root == null) {
      return;
    }
    Node node = root;
    for (int level = 0; level < height; level++) {
      Branch branch = (Branch) node;
      int at = from == null ? (ascending ? 0 : branch.children.length - 1) : branch.route(from, order);
      path[level] = branch;
      childAt[level] = at;
      node = branch.children[at];
    }
    leaf = (Leaf) node;
    if (from == null) {
      index = ascending ? 0 : leaf.keys.length - 1;
      return;
    }
    int found = Node.search(leaf.keys, from, order);
    if (found >= 0) {
      index = inclusive ? found : (ascending ? found + 1 : found - 1);
    } else {
      int insertAt = -found - 1;
      index = ascending ? insertAt : insertAt - 1;
    }
    settle();
  }

  private static int heightOf(Node root) {
    int height = 0;
    for (Node node = root; node instanceof Branch; node = ((Branch) node).children[0]) {
      height++;
    }
    return height;
  }

  @Override
  public boolean hasNext() {
    return leaf != null;
  }

  @Override
  @SuppressWarnings("unchecked")
  public Map.Entry<K, V> next() {
    if (leaf == null) {
      throw new NoSuchElementException();
    }
    Map.Entry<K, V> entry = Map.entry((K) leaf.keys[index], (V) leaf.values[index]);
    index += ascending ? 1 : -1;
    settle();
    return entry;
  }

  /** Moves to the neighbouring leaf when the index has run off this one; ends at the tree's edge. */
  private void settle() {
    if (index >= 0 && index < leaf.keys.length) {
      return;
    }
    int level = path.length - 1;
    while (level >= 0 && !hasSibling(level)) {
      level--;
    }
    if (level < 0) {
      leaf = null;
      return;
    }
    childAt[level] += ascending ? 1 : -1;
    Node node = path[level].children[childAt[level]];
    for (int below = level + 1; below < path.length; below++) {
      Branch branch = (Branch) node;
      int at = ascending ? 0 : branch.children.length - 1;
      path[below] = branch;
      childAt[below] = at;
      node = branch.children[at];
    }
    leaf = (Leaf) node;
    // Leaves are never empty, so the first entry in the direction of travel exists.
    index = ascending ? 0 : leaf.keys.length - 1;
  }

  private boolean hasSibling(int level) {
    return ascending ? childAt[level] + 1 < path[level].children.length : childAt[level] > 0;
  }
}
