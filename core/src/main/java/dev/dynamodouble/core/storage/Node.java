package dev.dynamodouble.core.storage;

import java.util.Arrays;
import java.util.Comparator;

/**
 * A node of the persistent B+tree behind {@link PersistentSortedMap}. Nodes and their arrays are
 * never modified once constructed, so any number of map versions can share them; an update copies
 * only the nodes on the path from the root to the changed leaf.
 *
 * <p>Every node except the root holds between {@link #MIN} and {@link #MAX} entries (leaves) or
 * children (branches). Arrays are sized exactly, because they are copied on every write anyway:
 * slack would cost memory without saving any copying.
 */
abstract class Node {
  /** Widest node: wide enough for cache-friendly binary search and few levels, small enough to copy cheaply. */
  static final int MAX = 32;
  /**
   * Narrowest non-root node. A quarter (not half) of MAX lets a split keep a full left node when
   * keys arrive in order, so ascending or descending inserts leave nodes about 78% full, not 50%.
   */
  static final int MIN = MAX / 4;

  /** Leaf: the entries' keys, ascending. Branch: separators; keys[i] is a lower bound of child i + 1. */
  final Object[] keys;

  Node(Object[] keys) {
    this.keys = keys;
  }

  /** Entries in a leaf, children in a branch. */
  abstract int width();

  /** Returns this subtree with the edit's key put; reports a split through the edit. */
  abstract Node put(Edit edit);

  /** Returns this subtree without the edit's key; the result may be below {@link #MIN}. */
  abstract Node remove(Edit edit);

  /** Concatenates this node, the separator between them and its right sibling (may exceed MAX). */
  abstract Node concat(Object separator, Node right);

  /** Splits an over-wide node at {@code cut}: returns the left part, hands the right part to the edit. */
  abstract Node splitAt(int cut, Edit edit);

  /**
   * Where to split a node that grew to {@code width} entries by an insert at {@code inserted}.
   * Inserts at either end (keys arriving in order) keep the far node as full as allowed.
   */
  static int cutFor(int inserted, int width) {
    if (inserted == width - 1) {
      return width - MIN;
    }
    if (inserted == 0) {
      return MIN;
    }
    return width / 2;
  }

  static int search(Object[] keys, Object key, Comparator<Object> order) {
    return Arrays.binarySearch(keys, key, order);
  }

  static Object[] inserted(Object[] array, int at, Object element) {
    Object[] copy = new Object[array.length + 1];
    System.arraycopy(array, 0, copy, 0, at);
    copy[at] = element;
    System.arraycopy(array, at, copy, at + 1, array.length - at);
    return copy;
  }

  static Object[] removed(Object[] array, int at) {
    Object[] copy = new Object[array.length - 1];
    System.arraycopy(array, 0, copy, 0, at);
    System.arraycopy(array, at + 1, copy, at, array.length - at - 1);
    return copy;
  }

  static Object[] replaced(Object[] array, int at, Object element) {
    Object[] copy = array.clone();
    copy[at] = element;
    return copy;
  }
}
