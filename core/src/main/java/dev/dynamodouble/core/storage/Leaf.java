package dev.dynamodouble.core.storage;

import java.util.Arrays;

/** A bottom node: parallel arrays of keys and values (no per-entry objects). */
final class Leaf extends Node {
  final Object[] values;

  Leaf(Object[] keys, Object[] values) {
    super(keys);
    this.values = values;
  }

  @Override
  int width() {
    return keys.length;
  }

  @Override
  Node put(Edit edit) {
    int at = search(keys, edit.key, edit.order);
    if (at >= 0) {
      edit.previous = values[at];
      if (values[at] == edit.value) {
        return this;
      }
      // Same keys: share the key array, copy only the values.
      return new Leaf(keys, replaced(values, at, edit.value));
    }
    int insertAt = -at - 1;
    edit.added = true;
    Leaf grown = new Leaf(inserted(keys, insertAt, edit.key), inserted(values, insertAt, edit.value));
    return grown.width() <= MAX ? grown : grown.splitAt(cutFor(insertAt, grown.width()), edit);
  }

  @Override
  Node remove(Edit edit) {
    int at = search(keys, edit.key, edit.order);
    if (at < 0) {
      return this;
    }
    edit.removed = true;
    return new Leaf(removed(keys, at), removed(values, at));
  }

  @Override
  Node concat(Object separator, Node right) {
    Leaf other = (Leaf) right;
    return new Leaf(joined(keys, other.keys), joined(values, other.values));
  }

  @Override
  Node splitAt(int cut, Edit edit) {
    Leaf right = new Leaf(Arrays.copyOfRange(keys, cut, keys.length), Arrays.copyOfRange(values, cut, values.length));
    edit.split(right.keys[0], right);
    return new Leaf(Arrays.copyOf(keys, cut), Arrays.copyOf(values, cut));
  }

  private static Object[] joined(Object[] left, Object[] right) {
    Object[] both = Arrays.copyOf(left, left.length + right.length);
    System.arraycopy(right, 0, both, left.length, right.length);
    return both;
  }
}
