package dev.dynamodouble.core.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The structural diff of two map versions, against a diff of two TreeMaps, and how little it reads. */
class MapDiffTest {
  private static final Comparator<Integer> ORDER = Comparator.naturalOrder();

  private record Change(Integer key, String before, String after) {}

  @ParameterizedTest(name = "seed {0}, keys in [0, {1}), {2} operations between versions")
  @CsvSource({
    "1, 10, 1",
    "2, 100, 3",
    "3, 1000, 1",
    "4, 1000, 50",
    "5, 5000, 400",
    "6, 50000, 2",
    "7, 50000, 3000",
    "8, 300, 5000" // most keys change: splits and merges everywhere
  })
  void reportsExactlyTheDifferingKeysInOrder(long seed, int keySpace, int operationsBetween) {
    Random random = new Random(seed);
    PersistentSortedMap<Integer, String> map = PersistentSortedMap.empty(ORDER);
    TreeMap<Integer, String> oracle = new TreeMap<>();
    for (int round = 0; round < 30; round++) {
      PersistentSortedMap<Integer, String> older = map;
      TreeMap<Integer, String> olderOracle = new TreeMap<>(oracle);
      int operations = round == 0 ? keySpace : 1 + random.nextInt(operationsBetween);
      for (int op = 0; op < operations; op++) {
        int key = random.nextInt(keySpace);
        if (random.nextInt(3) == 0) {
          map = map.remove(key);
          oracle.remove(key);
        } else {
          String value = "v" + random.nextInt(4); // a new String each time: same text still changes
          map = map.put(key, value);
          oracle.put(key, value);
        }
      }
      assertThat(diff(older, map)).isEqualTo(expected(olderOracle, oracle));
      assertThat(diff(map, older)).isEqualTo(expected(oracle, olderOracle));
      assertThat(diff(map, map)).isEmpty();
    }
  }

  @Test
  void emptyAndFullMapsDiffAsAllAddedOrAllRemoved() {
    PersistentSortedMap<Integer, String> empty = PersistentSortedMap.empty(ORDER);
    PersistentSortedMap<Integer, String> full = empty;
    for (int i = 0; i < 1000; i++) {
      full = full.put(i, "x" + i);
    }
    List<Change> added = diff(empty, full);
    assertThat(added).hasSize(1000);
    assertThat(added).allMatch(c -> c.before() == null && c.after().equals("x" + c.key()));
    assertThat(added).extracting(Change::key).isSorted();
    List<Change> removed = diff(full, empty);
    assertThat(removed).hasSize(1000).allMatch(c -> c.after() == null);
  }

  @Test
  void oneWriteToALargeMapIsFoundWithAFewDozenComparisons() {
    AtomicLong comparisons = new AtomicLong();
    Comparator<Integer> counting = (a, b) -> {
      comparisons.incrementAndGet();
      return Integer.compare(a, b);
    };
    PersistentSortedMap.Builder<Integer, String> builder = PersistentSortedMap.builder(counting);
    for (int i = 0; i < 200_000; i += 2) {
      builder.put(i, "v");
    }
    PersistentSortedMap<Integer, String> base = builder.build();
    for (int key : new int[] {0, 77_777, 123_457, 199_998, 250_000}) {
      PersistentSortedMap<Integer, String> changed = key % 2 == 0 ? base.put(key, "w") : base.put(key, "new");
      comparisons.set(0);
      List<Change> found = new ArrayList<>();
      base.diff(changed, (k, before, after) -> found.add(new Change(k, before, after)));
      assertThat(found).hasSize(1);
      assertThat(found.get(0).key()).isEqualTo(key);
      assertThat(comparisons.get()).as("comparisons for key %d", key).isLessThan(200);
    }
    // A split that reaches the root still leaves the untouched subtrees shared and skipped.
    PersistentSortedMap<Integer, String> grown = base;
    TreeSet<Integer> inserted = new TreeSet<>();
    for (int i = 1; i < 20_000; i += 2) {
      grown = grown.put(i, "odd");
      inserted.add(i);
    }
    comparisons.set(0);
    List<Integer> keys = new ArrayList<>();
    base.diff(grown, (k, before, after) -> keys.add(k));
    assertThat(keys).containsExactlyElementsOf(inserted);
    assertThat(comparisons.get()).isLessThan(20 * 20_000L);
  }

  private static List<Change> diff(PersistentSortedMap<Integer, String> older, PersistentSortedMap<Integer, String> newer) {
    List<Change> changes = new ArrayList<>();
    older.diff(newer, (key, before, after) -> changes.add(new Change(key, before, after)));
    return changes;
  }

  private static List<Change> expected(TreeMap<Integer, String> older, TreeMap<Integer, String> newer) {
    TreeSet<Integer> keys = new TreeSet<>(older.keySet());
    keys.addAll(newer.keySet());
    List<Change> changes = new ArrayList<>();
    for (Integer key : keys) {
      String before = older.get(key);
      String after = newer.get(key);
      if (before != after) { // identity, as the map compares values
        changes.add(new Change(key, before, after));
      }
    }
    return changes;
  }
}
