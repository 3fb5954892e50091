package dev.dynamodouble.core.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.NoSuchElementException;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Compares the map with java.util.TreeMap under random operations with fixed seeds. */
class PersistentSortedMapOracleTest {
  private static final Comparator<Integer> ORDER = Comparator.naturalOrder();

  @ParameterizedTest(name = "seed {0}, keys in [0, {1}), {2} operations")
  @CsvSource({
    "1, 10, 2000", // tiny key space: mostly duplicates, the root leaf fills and empties often
    "2, 100, 5000",
    "3, 1000, 20000",
    "4, 5000, 20000",
    "5, 200000, 12000" // sparse: mostly inserts, several levels
  })
  void randomOperationsMatchTreeMap(long seed, int keySpace, int operations) {
    Random random = new Random(seed);
    TreeMap<Integer, String> oracle = new TreeMap<>();
    PersistentSortedMap<Integer, String> map = PersistentSortedMap.empty(ORDER);
    for (int op = 0; op < operations; op++) {
      int key = random.nextInt(keySpace);
      // Lean towards puts so the map grows, with bursts of removes that shrink it again.
      boolean removing = (op / 500) % 3 == 2 ? random.nextInt(4) != 0 : random.nextInt(4) == 0;
      if (removing) {
        boolean present = oracle.containsKey(key);
        PersistentSortedMap<Integer, String> next = map.remove(key);
        oracle.remove(key);
        if (!present) {
          assertThat(next).isSameAs(map);
        }
        map = next;
      } else {
        String value = "v" + random.nextInt(3); // small value space: some puts change nothing
        if (op % 2 == 0) {
          map = map.put(key, value);
          oracle.put(key, value);
        } else { // the put that also tells what it replaced
          PersistentSortedMap.Replaced<Integer, String> replaced = map.replace(key, value);
          assertThat(replaced.previous()).isEqualTo(oracle.put(key, value));
          map = replaced.map();
        }
      }
      assertThat(map.size()).isEqualTo(oracle.size());
      if (op % 197 == 0) {
        assertMatches(map, oracle, random, keySpace);
      }
    }
    assertMatches(map, oracle, random, keySpace);
  }

  @Test
  void sequentialAndReverseInsertsThenRemovalOfEverything() {
    for (boolean ascending : new boolean[] {true, false}) {
      TreeMap<Integer, String> oracle = new TreeMap<>();
      PersistentSortedMap<Integer, String> map = PersistentSortedMap.empty(ORDER);
      for (int i = 0; i < 5000; i++) {
        int key = ascending ? i : 5000 - i;
        map = map.put(key, "x" + key);
        oracle.put(key, "x" + key);
      }
      assertMatches(map, oracle, new Random(7), 5001);
      Random random = new Random(8);
      List<Integer> keys = new ArrayList<>(oracle.keySet());
      java.util.Collections.shuffle(keys, random);
      for (int key : keys) {
        map = map.remove(key);
        oracle.remove(key);
        if (oracle.size() % 1000 == 0) {
          assertMatches(map, oracle, random, 5001);
        }
      }
      assertThat(map.isEmpty()).isTrue();
      assertThat(map.root()).isNull();
    }
  }

  @Test
  void emptyMap() {
    PersistentSortedMap<Integer, String> empty = PersistentSortedMap.empty(ORDER);
    assertThat(empty.size()).isZero();
    assertThat(empty.isEmpty()).isTrue();
    assertThat(empty.get(1)).isNull();
    assertThat(empty.remove(1)).isSameAs(empty);
    assertThat(empty.iterator()).isExhausted();
    assertThat(empty.ascending(3, true)).isExhausted();
    assertThat(empty.descending(null, false)).isExhausted();
    assertThat(empty.firstEntry()).isNull();
    assertThat(empty.lastEntry()).isNull();
    assertThat(empty.floorEntry(1)).isNull();
    assertThat(empty.ceilingEntry(1)).isNull();
    assertThat(empty.comparator()).isSameAs(ORDER);
    assertThat(empty.toString()).isEqualTo("{}");
    assertThatThrownBy(() -> empty.iterator().next()).isInstanceOf(NoSuchElementException.class);
  }

  @Test
  void putOfTheSameValueReturnsTheSameMap() {
    String value = "same";
    PersistentSortedMap<Integer, String> map = PersistentSortedMap.<Integer, String>empty(ORDER).put(1, value);
    assertThat(map.put(1, value)).isSameAs(map);
    assertThat(map.put(1, "other")).isNotSameAs(map);
  }

  @Test
  void rejectsNullKeysAndValues() {
    PersistentSortedMap<Integer, String> map = PersistentSortedMap.empty(ORDER);
    assertThatThrownBy(() -> map.put(null, "v")).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> map.put(1, null)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> map.get(null)).isInstanceOf(NullPointerException.class);
  }

  @Test
  void builderMatchesTreeMapForSortedUnsortedAndDuplicateInput() {
    Random random = new Random(11);
    for (int size : new int[] {0, 1, 31, 32, 33, 64, 65, 1000, 1025, 33 * 32 + 1, 10_000}) {
      TreeMap<Integer, String> oracle = new TreeMap<>();
      PersistentSortedMap.Builder<Integer, String> sorted = PersistentSortedMap.builder(ORDER);
      PersistentSortedMap.Builder<Integer, String> shuffled = PersistentSortedMap.builder(ORDER);
      List<Integer> keys = new ArrayList<>();
      for (int i = 0; i < size; i++) {
        int key = i * 3;
        keys.add(key);
        oracle.put(key, "v" + key);
        sorted.put(key, "stale").put(key, "v" + key); // an equal key right after: the later wins
      }
      java.util.Collections.shuffle(keys, random);
      for (int key : keys) {
        shuffled.put(key, "stale");
      }
      for (int key : keys) {
        shuffled.put(key, "v" + key); // equal keys far apart: the later still wins
      }
      assertMatches(sorted.build(), oracle, random, size * 3 + 1);
      assertMatches(shuffled.build(), oracle, random, size * 3 + 1);
    }
  }

  @Test
  void builtMapsKeepWorkingUnderUpdates() {
    PersistentSortedMap.Builder<Integer, String> builder = PersistentSortedMap.builder(ORDER);
    TreeMap<Integer, String> oracle = new TreeMap<>();
    for (int i = 0; i < 10_000; i += 2) {
      builder.put(i, "b" + i);
      oracle.put(i, "b" + i);
    }
    PersistentSortedMap<Integer, String> map = builder.build();
    Random random = new Random(12);
    for (int op = 0; op < 10_000; op++) {
      int key = random.nextInt(10_000);
      if (random.nextBoolean()) {
        map = map.put(key, "p" + op);
        oracle.put(key, "p" + op);
      } else {
        map = map.remove(key);
        oracle.remove(key);
      }
    }
    assertMatches(map, oracle, random, 10_000);
  }

  @Test
  void putAllMatchesSequentialPuts() {
    TreeMap<Integer, String> batch = new TreeMap<>();
    for (int i = 0; i < 500; i++) {
      batch.put((i * 7919) % 1000, "a" + i);
    }
    PersistentSortedMap<Integer, String> intoEmpty = PersistentSortedMap.<Integer, String>empty(ORDER).putAll(batch.entrySet());
    PersistentSortedMap<Integer, String> intoFull = intoEmpty.putAll(List.of(Map.entry(5000, "z"), Map.entry(0, "zero")));
    TreeMap<Integer, String> oracle = new TreeMap<>(batch);
    assertMatches(intoEmpty, oracle, new Random(13), 1000);
    oracle.put(5000, "z");
    oracle.put(0, "zero");
    assertMatches(intoFull, oracle, new Random(14), 6000);
  }

  @Test
  void toStringShowsAFewEntries() {
    PersistentSortedMap<Integer, String> map = PersistentSortedMap.empty(ORDER);
    assertThat(map.put(2, "b").put(1, "a").toString()).isEqualTo("{1=a, 2=b}");
    for (int i = 0; i < 100; i++) {
      map = map.put(i, "v");
    }
    assertThat(map.toString()).endsWith("19=v, ... (100 entries)}");
  }

  /** Checks structure, lookups, full iteration both ways, and ranges from random bounds. */
  static void assertMatches(PersistentSortedMap<Integer, String> map, NavigableMap<Integer, String> oracle, Random random, int keySpace) {
    TreeShape.check(map);
    assertThat(map.size()).isEqualTo(oracle.size());
    assertThat(map.isEmpty()).isEqualTo(oracle.isEmpty());
    assertThat(entries(map.iterator())).containsExactlyElementsOf(oracle.entrySet());
    assertThat(entries(map.descending(null, true))).containsExactlyElementsOf(oracle.descendingMap().entrySet());
    List<Map.Entry<Integer, String>> forEach = new ArrayList<>();
    map.forEachEntry((k, v) -> forEach.add(Map.entry(k, v)));
    assertThat(forEach).containsExactlyElementsOf(oracle.entrySet());
    assertThat(map.firstEntry()).isEqualTo(oracle.firstEntry());
    assertThat(map.lastEntry()).isEqualTo(oracle.lastEntry());
    for (int probe = 0; probe < 40; probe++) {
      int key = random.nextInt(keySpace + 2) - 1; // includes keys below and above every key
      boolean inclusive = random.nextBoolean();
      assertThat(map.get(key)).isEqualTo(oracle.get(key));
      assertThat(map.containsKey(key)).isEqualTo(oracle.containsKey(key));
      assertThat(map.floorEntry(key)).isEqualTo(oracle.floorEntry(key));
      assertThat(map.ceilingEntry(key)).isEqualTo(oracle.ceilingEntry(key));
      assertThat(map.lowerEntry(key)).isEqualTo(oracle.lowerEntry(key));
      assertThat(map.higherEntry(key)).isEqualTo(oracle.higherEntry(key));
      int limit = 1 + random.nextInt(70); // partial scans, as a Query with a Limit would do
      assertThat(entries(map.ascending(key, inclusive), limit))
          .containsExactlyElementsOf(first(oracle.tailMap(key, inclusive), limit));
      assertThat(entries(map.descending(key, inclusive), limit))
          .containsExactlyElementsOf(first(oracle.headMap(key, inclusive).descendingMap(), limit));
    }
    if (!oracle.isEmpty() && random.nextInt(4) == 0) {
      // Full range scans from an existing key, both ways.
      int key = oracle.ceilingKey(random.nextInt(keySpace));
      assertThat(entries(map.ascending(key, true))).containsExactlyElementsOf(oracle.tailMap(key, true).entrySet());
      assertThat(entries(map.descending(key, false))).containsExactlyElementsOf(oracle.headMap(key, false).descendingMap().entrySet());
    }
  }

  private static List<Map.Entry<Integer, String>> entries(Iterator<Map.Entry<Integer, String>> iterator) {
    return entries(iterator, Integer.MAX_VALUE);
  }

  private static List<Map.Entry<Integer, String>> entries(Iterator<Map.Entry<Integer, String>> iterator, int limit) {
    List<Map.Entry<Integer, String>> list = new ArrayList<>();
    while (list.size() < limit && iterator.hasNext()) {
      list.add(iterator.next());
    }
    return list;
  }

  private static List<Map.Entry<Integer, String>> first(NavigableMap<Integer, String> map, int limit) {
    List<Map.Entry<Integer, String>> list = new ArrayList<>();
    for (Map.Entry<Integer, String> entry : map.entrySet()) {
      if (list.size() == limit) {
        break;
      }
      list.add(Map.entry(entry.getKey(), entry.getValue()));
    }
    return list;
  }
}
