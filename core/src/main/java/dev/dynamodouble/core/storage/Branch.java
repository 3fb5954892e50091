package dev.dynamodouble.core.storage;

import java.util.Arrays;
import java.util.Comparator;

/**
 * An inner node: {@code children.length} subtrees and one separator fewer. Every key in child i + 1
 * is at least {@code keys[i]}, and every key in child i is below it. A separator may outlive the
 * key it was copied from; it still separates correctly, so removes never have to fix separators.
 */
final class Branch extends Node {
  final Node[] children;

  Branch(Object[] keys, Node[] children) {
    super(keys);
    this.children = children;
  }

  @Override
  int width() {
    return children.length;
  }

  /** The child whose range holds {@code key}. */
  int route(Object key, Comparator<Object> order) {
    int at = search(keys, key, order);
    return at >= 0 ? at + 1 : -at - 1;
  }

  @Override
  Node put(Edit edit) {
    int at = route(edit.key, edit.order);
    Node child = children[at];
    Node updated = child.put(edit);
    Node splitOff = edit.takeSplit();
    if (splitOff == null) {
      // Separators are unchanged: share the key array, copy only the child pointers.
      return updated == child ? this : new Branch(keys, withChild(at, updated));
    }
    Node[] grownChildren = new Node[children.length + 1];
    System.arraycopy(children, 0, grownChildren, 0, at);
    grownChildren[at] = updated;
    grownChildren[at + 1] = splitOff;
    System.arraycopy(children, at + 1, grownChildren, at + 2, children.length - at - 1);
    Branch grown = new Branch(inserted(keys, at, edit.splitKey), grownChildren);
    // Growth at the first child counts as an insert at the front, so descending keys pack too.
    int insertedAt = at == 0 ? 0 : at + 1;
    return grown.width() <= MAX ? grown : grown.splitAt(cutFor(insertedAt, grown.width()), edit);
  }

  @Override
  Node remove(Edit edit) {
    int at = route(edit.key, edit.order);
    Node child = children[at];
    Node updated = child.remove(edit);
    if (updated == child) {
      return this;
    }
    if (updated.width() >= MIN) {
      return new Branch(keys, withChild(at, updated));
    }
    return rebalanced(at, updated, edit);
  }

  /** Fixes an under-full child by merging it with a sibling, or by sharing the sibling's entries. */
  private Branch rebalanced(int at, Node thin, Edit edit) {
    int left = at > 0 ? at - 1 : at;
    Node leftNode = left == at ? thin : children[left];
    Node rightNode = left == at ? children[at + 1] : thin;
    Node merged = leftNode.concat(keys[left], rightNode);
    if (merged.width() <= MAX) {
      Node[] fewer = new Node[children.length - 1];
      System.arraycopy(children, 0, fewer, 0, left);
      fewer[left] = merged;
      System.arraycopy(children, left + 2, fewer, left + 1, children.length - left - 2);
      return new Branch(removed(keys, left), fewer);
    }
    Node newLeft = merged.splitAt(merged.width() / 2, edit);
    Node newRight = edit.takeSplit();
    Node[] both = children.clone();
    both[left] = newLeft;
    both[left + 1] = newRight;
    return new Branch(replaced(keys, left, edit.splitKey), both);
  }

  @Override
  Node concat(Object separator, Node right) {
    Branch other = (Branch) right;
    Object[] joinedKeys = new Object[keys.length + 1 + other.keys.length];
    System.arraycopy(keys, 0, joinedKeys, 0, keys.length);
    joinedKeys[keys.length] = separator;
    System.arraycopy(other.keys, 0, joinedKeys, keys.length + 1, other.keys.length);
    Node[] joinedChildren = Arrays.copyOf(children, children.length + other.children.length);
    System.arraycopy(other.children, 0, joinedChildren, children.length, other.children.length);
    return new Branch(joinedKeys, joinedChildren);
  }

  @Override
  Node splitAt(int cut, Edit edit) {
    // The separator between the halves moves up to the parent.
    Branch right = new Branch(Arrays.copyOfRange(keys, cut, keys.length), Arrays.copyOfRange(children, cut, children.length));
    edit.split(keys[cut - 1], right);
    return new Branch(Arrays.copyOf(keys, cut - 1), Arrays.copyOf(children, cut));
  }

  private Node[] withChild(int at, Node child) {
    Node[] copy = children.clone();
    copy[at] = child;
    return copy;
  }
}
