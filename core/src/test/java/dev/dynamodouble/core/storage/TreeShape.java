package dev.dynamodouble.core.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collections;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.Set;

/** Looks inside a map's tree: checks the B+tree invariants and collects nodes by identity. */
final class TreeShape {
  private TreeShape() {}

  /** Every node reachable from the map's root, by identity. */
  static Set<Node> nodes(PersistentSortedMap<?, ?> map) {
    Set<Node> nodes = Collections.newSetFromMap(new IdentityHashMap<>());
    collect(map.root(), nodes);
    return nodes;
  }

  private static void collect(Node node, Set<Node> into) {
    if (node == null || !into.add(node)) {
      return;
    }
    if (node instanceof Branch) {
      for (Node child : ((Branch) node).children) {
        collect(child, into);
      }
    }
  }

  static int height(PersistentSortedMap<?, ?> map) {
    int height = 0;
    for (Node node = map.root(); node instanceof Branch; node = ((Branch) node).children[0]) {
      height++;
    }
    return height;
  }

  /** Asserts sizes, ordering, separators, node widths and that all leaves are at one depth. */
  @SuppressWarnings("unchecked")
  static void check(PersistentSortedMap<?, ?> map) {
    Comparator<Object> order = (Comparator<Object>) map.comparator();
    Node root = map.root();
    if (root == null) {
      assertThat(map.size()).isZero();
      return;
    }
    int[] count = new int[1];
    check(root, order, null, null, true, height(map), count);
    assertThat(count[0]).as("entries in the tree").isEqualTo(map.size());
  }

  private static void check(Node node, Comparator<Object> order, Object low, Object high, boolean isRoot, int levelsBelow, int[] count) {
    // Plain checks, not AssertJ: this runs for every key of every tree the random tests build.
    int min = isRoot ? (node instanceof Branch ? 2 : 1) : Node.MIN;
    require(node.width() >= min && node.width() <= Node.MAX, "node width " + node.width() + " outside [" + min + ", " + Node.MAX + "]");
    for (int i = 0; i < node.keys.length; i++) {
      Object key = node.keys[i];
      require(i == 0 || order.compare(node.keys[i - 1], key) < 0, "keys not ascending at " + key);
      require(low == null || order.compare(key, low) >= 0, "key " + key + " below its separator " + low);
      require(high == null || order.compare(key, high) < 0, "key " + key + " not below separator " + high);
    }
    if (node instanceof Leaf) {
      Object[] values = ((Leaf) node).values;
      require(levelsBelow == 0, "leaf above the bottom level");
      require(values.length == node.keys.length, "keys and values differ in length");
      for (Object value : values) {
        require(value != null, "null value");
      }
      count[0] += node.keys.length;
      return;
    }
    Branch branch = (Branch) node;
    require(levelsBelow > 0, "branch at the bottom level");
    require(branch.keys.length == branch.children.length - 1, "separators do not match children");
    for (int i = 0; i < branch.children.length; i++) {
      Object childLow = i == 0 ? low : branch.keys[i - 1];
      Object childHigh = i == branch.keys.length ? high : branch.keys[i];
      check(branch.children[i], order, childLow, childHigh, false, levelsBelow - 1, count);
    }
  }

  private static void require(boolean condition, String problem) {
    if (!condition) {
      throw new AssertionError(problem);
    }
  }
}
