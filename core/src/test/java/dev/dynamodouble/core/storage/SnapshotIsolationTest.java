package dev.dynamodouble.core.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** An old map is a snapshot: nothing done to newer maps, nor any iterator over it, can change it. */
class SnapshotIsolationTest {
  private static final Comparator<Integer> ORDER = Comparator.naturalOrder();

  @Test
  void oldRootsAreUnaffectedByLaterPutsAndRemoves() {
    Random random = new Random(21);
    PersistentSortedMap<Integer, String> map = PersistentSortedMap.empty(ORDER);
    TreeMap<Integer, String> oracle = new TreeMap<>();
    List<PersistentSortedMap<Integer, String>> snapshots = new ArrayList<>();
    List<TreeMap<Integer, String>> expected = new ArrayList<>();
    for (int round = 0; round < 8; round++) {
      for (int op = 0; op < 1500; op++) {
        int key = random.nextInt(3000);
        if (random.nextInt(3) == 0) {
          map = map.remove(key);
          oracle.remove(key);
        } else {
          map = map.put(key, "r" + round + "k" + key);
          oracle.put(key, "r" + round + "k" + key);
        }
      }
      snapshots.add(map);
      expected.add(new TreeMap<>(oracle));
    }
    for (int i = 0; i < snapshots.size(); i++) {
      PersistentSortedMapOracleTest.assertMatches(snapshots.get(i), expected.get(i), random, 3000);
    }
  }

  @Test
  void anIteratorOpenedBeforeWritesSeesExactlyItsRootsEntries() {
    PersistentSortedMap<Integer, String> map = PersistentSortedMap.empty(ORDER);
    for (int i = 0; i < 5000; i++) {
      map = map.put(i, "old" + i);
    }
    PersistentSortedMap<Integer, String> snapshot = map;
    Iterator<Map.Entry<Integer, String>> forward = snapshot.iterator();
    Iterator<Map.Entry<Integer, String>> backward = snapshot.descending(2500, true);
    // Half-way through, the table changes everywhere: overwrites, removes and new keys.
    List<Map.Entry<Integer, String>> seen = new ArrayList<>();
    for (int i = 0; i < 2500; i++) {
      seen.add(forward.next());
    }
    for (int i = 0; i < 5000; i += 2) {
      map = map.put(i, "new" + i).remove(i + 1).put(10_000 + i, "added");
    }
    forward.forEachRemaining(seen::add);
    List<Map.Entry<Integer, String>> seenBackward = new ArrayList<>();
    backward.forEachRemaining(seenBackward::add);

    assertThat(seen).hasSize(5000);
    for (int i = 0; i < 5000; i++) {
      assertThat(seen.get(i)).isEqualTo(Map.entry(i, "old" + i));
    }
    assertThat(seenBackward).hasSize(2501);
    assertThat(seenBackward.get(0)).isEqualTo(Map.entry(2500, "old2500"));
    assertThat(seenBackward.get(2500)).isEqualTo(Map.entry(0, "old0"));
    assertThat(snapshot.size()).isEqualTo(5000);
    assertThat(snapshot.get(1)).isEqualTo("old1");
    assertThat(snapshot.get(10_000)).isNull();
    assertThat(map.size()).isEqualTo(5000);
    assertThat(map.get(1)).isNull();
    assertThat(map.get(2)).isEqualTo("new2");
  }

  @Test
  void removingEverythingLeavesTheSnapshotWhole() {
    PersistentSortedMap<Integer, String> map = PersistentSortedMap.empty(ORDER);
    for (int i = 0; i < 3000; i++) {
      map = map.put(i * 7 % 3000, "v");
    }
    PersistentSortedMap<Integer, String> snapshot = map;
    for (int i = 0; i < 3000; i++) {
      map = map.remove(i);
    }
    assertThat(map.isEmpty()).isTrue();
    TreeShape.check(snapshot);
    assertThat(snapshot.size()).isEqualTo(3000);
    int[] count = new int[1];
    snapshot.forEachEntry((k, v) -> assertThat(k).isEqualTo(count[0]++));
    assertThat(count[0]).isEqualTo(3000);
  }
}
