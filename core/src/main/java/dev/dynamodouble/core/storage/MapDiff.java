package dev.dynamodouble.core.storage;

import java.util.Arrays;
import java.util.Comparator;

/**
 * The entries that differ between two versions of a {@link PersistentSortedMap}, found by walking
 * both trees in key order and skipping every subtree the two versions share.
 *
 * <p>Two versions of a persistent map share every node an update did not touch, and a shared node
 * holds exactly the same entries in both. So the walk keeps, per version, a stack of the subtrees
 * still to visit (the next one on top), and whenever both tops are the same node, with nothing
 * half-read on either side, it drops that node from both without looking inside. Otherwise it opens
 * the taller top (or both, when they are equally tall) until it reaches leaves, and merges leaf
 * entries by key. A merge can leave one side part-way through a leaf; the sides fall back into step
 * at the end of the next shared leaf. The cost is therefore about O(changes x (height + leaf width)),
 * not O(size): comparing a map with the version one put later made is a few dozen comparisons.
 */
final class MapDiff {
  private MapDiff() {}

  /** Receives each difference: before null = added, after null = removed, both set = changed. */
  interface Visitor {
    void visit(Object key, Object before, Object after);
  }

  static void diff(Node older, Node newer, Comparator<Object> order, Visitor visitor) {
    if (older == newer) {
      return;
    }
    Side a = new Side(older);
    Side b = new Side(newer);
    while (true) {
      if (a.leaf == null && b.leaf == null) {
        if (a.isEmpty() || b.isEmpty()) {
          a.drain(visitor, true);
          b.drain(visitor, false);
          return;
        }
        Node topA = a.top();
        Node topB = b.top();
        if (topA == topB) {
          a.pop();
          b.pop();
          continue;
        }
        int heightA = a.topHeight();
        int heightB = b.topHeight();
        if (heightA > heightB) {
          a.open();
        } else if (heightB > heightA) {
          b.open();
        } else if (heightA > 0) {
          a.open();
          b.open();
        } else {
          a.load();
          b.load();
        }
        continue;
      }
      if (a.leaf == null && !a.loadNextLeaf()) {
        b.drain(visitor, false);
        return;
      }
      if (b.leaf == null && !b.loadNextLeaf()) {
        a.drain(visitor, true);
        return;
      }
      int cmp = order.compare(a.key(), b.key());
      if (cmp < 0) {
        visitor.visit(a.key(), a.value(), null);
        a.step();
      } else if (cmp > 0) {
        visitor.visit(b.key(), null, b.value());
        b.step();
      } else {
        if (a.value() != b.value()) {
          visitor.visit(a.key(), a.value(), b.value());
        }
        a.step();
        b.step();
      }
    }
  }

  /** One version being walked: the subtrees left to visit and, possibly, a leaf part-way read. */
  private static final class Side {
    private Node[] nodes = new Node[16];
    private int[] heights = new int[16];
    private int size;
    Leaf leaf;
    int index;

    Side(Node root) {
      if (root != null) {
        push(root, heightOf(root));
      }
    }

    private static int heightOf(Node root) {
      int height = 0;
      for (Node node = root; node instanceof Branch; node = ((Branch) node).children[0]) {
        height++;
      }
      return height;
    }

    boolean isEmpty() {
      return size == 0;
    }

    Node top() {
      return nodes[size - 1];
    }

    int topHeight() {
      return heights[size - 1];
    }

    void pop() {
      nodes[--size] = null;
    }

    private void push(Node node, int height) {
      if (size == nodes.length) {
        nodes = Arrays.copyOf(nodes, size * 2);
        heights = Arrays.copyOf(heights, size * 2);
      }
      nodes[size] = node;
      heights[size] = height;
      size++;
    }

    /** Replaces the branch on top by its children, the first child on top. */
    void open() {
      Branch branch = (Branch) top();
      int height = topHeight();
      pop();
      for (int i = branch.children.length - 1; i >= 0; i--) {
        push(branch.children[i], height - 1);
      }
    }

    /** Starts reading the leaf on top. */
    void load() {
      leaf = (Leaf) top();
      index = 0;
      pop();
    }

    /** Opens subtrees until a leaf is on top and starts reading it; false when nothing is left. */
    boolean loadNextLeaf() {
      while (size > 0 && topHeight() > 0) {
        open();
      }
      if (size == 0) {
        return false;
      }
      load();
      return true;
    }

    Object key() {
      return leaf.keys[index];
    }

    Object value() {
      return leaf.values[index];
    }

    void step() {
      if (++index == leaf.keys.length) {
        leaf = null;
      }
    }

    /** Reports everything not yet read as removed (the older side) or added (the newer side). */
    void drain(Visitor visitor, boolean older) {
      if (leaf != null) {
        for (int i = index; i < leaf.keys.length; i++) {
          report(visitor, older, leaf.keys[i], leaf.values[i]);
        }
        leaf = null;
      }
      while (size > 0) {
        Node node = top();
        pop();
        drainNode(node, visitor, older);
      }
    }

    private static void drainNode(Node node, Visitor visitor, boolean older) {
      if (node instanceof Branch) {
        for (Node child : ((Branch) node).children) {
          drainNode(child, visitor, older);
        }
        return;
      }
      Leaf leaf = (Leaf) node;
      for (int i = 0; i < leaf.keys.length; i++) {
        report(visitor, older, leaf.keys[i], leaf.values[i]);
      }
    }

    private static void report(Visitor visitor, boolean older, Object key, Object value) {
      if (older) {
        visitor.visit(key, value, null);
      } else {
        visitor.visit(key, null, value);
      }
    }
  }
}
