package dev.dynamodouble.core.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Collections;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Snapshots cost O(1) and writes after one copy only their path. Measured structurally, by node
 * identity, never by timing: a snapshot keeps alive exactly the nodes the newer tree replaced.
 */
class StructuralSharingTest {
  private static final Comparator<Integer> ORDER = Comparator.naturalOrder();
  private static final Instant T0 = Instant.parse("2024-05-01T12:00:00Z");

  @Test
  void takingASnapshotIsReadingOneReference() {
    PersistentSortedMap<Integer, String> table = tableOf(100_000);
    VersionedRoot<PersistentSortedMap<Integer, String>> root = new VersionedRoot<>(table, T0);
    Version<PersistentSortedMap<Integer, String>> snapshot = root.current();
    // Nothing is copied: the snapshot is the committed version itself, and its root is the table.
    assertThat(root.current()).isSameAs(snapshot);
    assertThat(snapshot.root()).isSameAs(table);
    Version<PersistentSortedMap<Integer, String>> next = root.commit(table.put(5, "changed"), T0);
    assertThat(snapshot.root().get(5)).isEqualTo("v5");
    assertThat(next.root().get(5)).isEqualTo("changed");
  }

  @Test
  void onePutAllocatesOnlyTheNodesOnItsPath() {
    PersistentSortedMap<Integer, String> table = tableOf(100_000);
    int height = TreeShape.height(table);
    assertThat(height).as("levels of branches above the leaves").isBetween(2, 4);
    for (int key : new int[] {-1, 0, 31_337, 99_999, 100_000, 50_000}) {
      PersistentSortedMap<Integer, String> updated = key % 2 == 0 ? table.put(key, "new") : table.put(key, "added");
      Set<Node> fresh = newNodes(table, updated);
      // The path from root to leaf, plus at most one node per level when a full node splits.
      assertThat(fresh.size()).isBetween(height + 1, 2 * (height + 1) + 1);
    }
  }

  @Test
  void untouchedSubtreesAreSharedByIdentity() {
    PersistentSortedMap<Integer, String> table = tableOf(100_000);
    PersistentSortedMap<Integer, String> updated = table.put(0, "changed"); // in the leftmost leaf
    Branch oldRoot = (Branch) table.root();
    Branch newRoot = (Branch) updated.root();
    assertThat(newRoot).isNotSameAs(oldRoot);
    assertThat(newRoot.children[0]).isNotSameAs(oldRoot.children[0]);
    for (int i = 1; i < oldRoot.children.length; i++) {
      assertThat(newRoot.children[i]).isSameAs(oldRoot.children[i]);
    }
    // Replacing a value changes no key anywhere, so even the key arrays on the path are shared.
    assertThat(newRoot.keys).isSameAs(oldRoot.keys);
    Leaf oldLeaf = leftmostLeaf(table);
    Leaf newLeaf = leftmostLeaf(updated);
    assertThat(newLeaf).isNotSameAs(oldLeaf);
    assertThat(newLeaf.keys).isSameAs(oldLeaf.keys);
    assertThat(newLeaf.values).isNotSameAs(oldLeaf.values);
  }

  @Test
  void aSnapshotOfA100kTableRetainsWellUnderOnePercentAfterAWrite() {
    PersistentSortedMap<Integer, String> table = tableOf(100_000);
    PersistentSortedMap<Integer, String> snapshot = table;
    PersistentSortedMap<Integer, String> live = table.put(77_777, "changed").put(123_456, "added");

    Set<Node> liveNodes = TreeShape.nodes(live);
    Set<Node> onlyInSnapshot = Collections.newSetFromMap(new IdentityHashMap<>());
    onlyInSnapshot.addAll(TreeShape.nodes(snapshot));
    onlyInSnapshot.removeAll(liveNodes);

    // Weigh nodes by their array slots too: that is their memory, give or take headers.
    long liveSlots = slots(liveNodes);
    long extraSlots = slots(onlyInSnapshot);
    assertThat(onlyInSnapshot.size()).isLessThan(liveNodes.size() / 100);
    assertThat(extraSlots).isLessThan(liveSlots / 100);
    assertThat(snapshot.get(77_777)).isEqualTo("v77777");
  }

  @Test
  void eachWriteAfterASnapshotRetainsAtMostOnePath() {
    PersistentSortedMap<Integer, String> table = tableOf(100_000);
    PersistentSortedMap<Integer, String> snapshot = table;
    int writes = 20;
    for (int i = 0; i < writes; i++) {
      table = table.put(i * 4999, "w" + i);
    }
    Set<Node> retained = Collections.newSetFromMap(new IdentityHashMap<>());
    retained.addAll(TreeShape.nodes(snapshot));
    retained.removeAll(TreeShape.nodes(table));
    assertThat(retained.size()).isLessThanOrEqualTo(writes * (TreeShape.height(table) + 1));
  }

  @Test
  void entriesAreNotObjectsOfTheirOwn() {
    // Memory per entry is two array slots: count all slots against the entries they hold.
    PersistentSortedMap<Integer, String> built = tableOf(100_000);
    PersistentSortedMap<Integer, String> grown = PersistentSortedMap.empty(ORDER);
    for (int i = 0; i < 100_000; i++) {
      grown = grown.put((int) ((i * 2_654_435_761L) % 100_000), "v"); // a permutation: random order
    }
    assertThat(slots(TreeShape.nodes(built))).isLessThan(100_000 * 21 / 10); // packed: about 2.03 slots an entry
    assertThat(slots(TreeShape.nodes(grown))).isLessThan(100_000 * 32 / 10); // random inserts: ~70% full nodes
  }

  private static PersistentSortedMap<Integer, String> tableOf(int size) {
    PersistentSortedMap.Builder<Integer, String> builder = PersistentSortedMap.builder(ORDER);
    for (int i = 0; i < size; i++) {
      builder.put(i, "v" + i);
    }
    return builder.build();
  }

  private static Set<Node> newNodes(PersistentSortedMap<?, ?> before, PersistentSortedMap<?, ?> after) {
    Set<Node> fresh = TreeShape.nodes(after);
    fresh.removeAll(TreeShape.nodes(before));
    return fresh;
  }

  private static long slots(Set<Node> nodes) {
    long slots = 0;
    for (Node node : nodes) {
      slots += node.keys.length + (node instanceof Leaf ? ((Leaf) node).values.length : ((Branch) node).children.length);
    }
    return slots;
  }

  private static Leaf leftmostLeaf(PersistentSortedMap<?, ?> map) {
    Node node = map.root();
    while (node instanceof Branch) {
      node = ((Branch) node).children[0];
    }
    return (Leaf) node;
  }
}
