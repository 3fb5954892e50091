package dev.dynamodouble.core.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import org.junit.jupiter.api.Test;

/**
 * Real threads: writers move money between accounts with read-modify-write commits under a lock,
 * while lock-free readers check that every snapshot they take (current or historical) holds the
 * same total. A torn or half-published root would show up as a wrong sum or a wrong count.
 */
class VersionedRootConcurrencyTest {
  private static final int ACCOUNTS = 500;
  private static final long OPENING_BALANCE = 1_000;
  private static final long TOTAL = ACCOUNTS * OPENING_BALANCE;
  private static final int WRITERS = 3;
  private static final int TRANSFERS_PER_WRITER = 3_000;
  private static final int READERS = 2;
  private static final Instant T0 = Instant.parse("2024-05-01T12:00:00Z");

  @Test
  void readersOnlyEverSeeWholeCommits() throws Exception {
    PersistentSortedMap.Builder<Integer, Long> opening = PersistentSortedMap.builder(Comparator.naturalOrder());
    for (int account = 0; account < ACCOUNTS; account++) {
      opening.put(account, OPENING_BALANCE);
    }
    VersionedRoot<PersistentSortedMap<Integer, Long>> table = new VersionedRoot<>(opening.build(), T0);
    // Each commit moves a logical clock on by 300 ms: commits both replace and close seconds,
    // and a 30 s window makes the writers trim the history while readers search it.
    table.enableHistory(Duration.ofSeconds(30));
    ReentrantLock writeLock = new ReentrantLock();
    long[] clockMillis = {0};
    AtomicBoolean writersDone = new AtomicBoolean();
    CountDownLatch start = new CountDownLatch(1);

    ExecutorService threads = Executors.newFixedThreadPool(WRITERS + READERS);
    try {
      List<Future<Integer>> writers = new ArrayList<>();
      for (int w = 0; w < WRITERS; w++) {
        long seed = 100 + w;
        writers.add(threads.submit(() -> {
          start.await();
          Random random = new Random(seed);
          for (int i = 0; i < TRANSFERS_PER_WRITER; i++) {
            int from = random.nextInt(ACCOUNTS);
            int to = random.nextInt(ACCOUNTS);
            long amount = random.nextInt(50);
            writeLock.lock();
            try {
              PersistentSortedMap<Integer, Long> accounts = table.current().root();
              accounts = accounts.put(from, accounts.get(from) - amount);
              accounts = accounts.put(to, accounts.get(to) + amount);
              clockMillis[0] += 300;
              table.commit(accounts, T0.plusMillis(clockMillis[0]));
            } finally {
              writeLock.unlock();
            }
          }
          return TRANSFERS_PER_WRITER;
        }));
      }
      List<Future<Integer>> readers = new ArrayList<>();
      for (int r = 0; r < READERS; r++) {
        long seed = 200 + r;
        readers.add(threads.submit(() -> {
          start.await();
          Random random = new Random(seed);
          long lastSequence = -1;
          int checked = 0;
          // Bounded: writers finish after a fixed number of commits; then a few more reads.
          for (int extra = 0; extra < 20; checked++) {
            if (writersDone.get()) {
              extra++;
            }
            Version<PersistentSortedMap<Integer, Long>> version = table.current();
            assertThat(version.sequence()).isGreaterThanOrEqualTo(lastSequence);
            lastSequence = version.sequence();
            assertBalanced(version.root());
            // A past state, found while writers append to and trim the history.
            Instant past = version.committedAt().minusMillis(random.nextInt(40_000));
            Version<PersistentSortedMap<Integer, Long>> old = table.asOf(past);
            if (old != null) {
              assertThat(old.committedAt()).isBeforeOrEqualTo(past);
              assertThat(old.sequence()).isLessThanOrEqualTo(version.sequence());
              assertBalanced(old.root());
            }
          }
          return checked;
        }));
      }
      start.countDown();
      int commits = 0;
      for (Future<Integer> writer : writers) {
        commits += writer.get(60, TimeUnit.SECONDS);
      }
      writersDone.set(true);
      for (Future<Integer> reader : readers) {
        assertThat(reader.get(60, TimeUnit.SECONDS)).isGreaterThanOrEqualTo(20);
      }
      assertThat(table.current().sequence()).isEqualTo(commits);
      assertBalanced(table.current().root());
      // 30 s of history at one version a second, plus the version in force at the cutoff.
      assertThat(table.retainedVersions()).isBetween(30, 32);
    } finally {
      threads.shutdownNow();
    }
  }

  /** Sums one snapshot through its iterator: every account once, the money all there. */
  private static void assertBalanced(PersistentSortedMap<Integer, Long> accounts) {
    long sum = 0;
    int count = 0;
    int previous = -1;
    for (Iterator<Map.Entry<Integer, Long>> it = accounts.iterator(); it.hasNext(); ) {
      Map.Entry<Integer, Long> entry = it.next();
      if (entry.getKey() <= previous) {
        throw new AssertionError("keys out of order at " + entry.getKey());
      }
      previous = entry.getKey();
      sum += entry.getValue();
      count++;
    }
    if (sum != TOTAL || count != ACCOUNTS || accounts.size() != ACCOUNTS) {
      throw new AssertionError("torn snapshot: sum " + sum + ", count " + count + ", size " + accounts.size());
    }
  }
}
