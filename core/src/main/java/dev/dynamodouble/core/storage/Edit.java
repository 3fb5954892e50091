package dev.dynamodouble.core.storage;

import java.util.Comparator;

/**
 * The state of one put or remove as it travels down and back up the tree: its arguments, what it
 * changed, and a split a child hands to its parent. One small object per write keeps node methods
 * free of result tuples.
 */
final class Edit {
  final Comparator<Object> order;
  final Object key;
  final Object value;

  /** The put added a key (rather than replacing a value). */
  boolean added;
  /** The value a put replaced, or null. */
  Object previous;
  /** The remove found its key. */
  boolean removed;

  /** The right half of a child that split, and the separator in front of it; null when none. */
  Node splitRight;
  Object splitKey;

  Edit(Comparator<Object> order, Object key, Object value) {
    this.order = order;
    this.key = key;
    this.value = value;
  }

  void split(Object separator, Node right) {
    splitKey = separator;
    splitRight = right;
  }

  Node takeSplit() {
    Node right = splitRight;
    splitRight = null;
    return right;
  }
}
