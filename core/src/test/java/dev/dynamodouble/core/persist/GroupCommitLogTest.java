package dev.dynamodouble.core.persist;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The log's call-backs: run once a force covers their entry, never before, and failed when it never will. */
class GroupCommitLogTest {
  private static final long GUARD_SECONDS = 30;

  @TempDir
  Path dir;

  private GroupCommitLog open() {
    GroupCommitLog log = new GroupCommitLog(dir, 1, Long.MAX_VALUE, () -> {}, null);
    log.append(new LogEntry.Rotate()); // the first segment
    return log;
  }

  private static LogEntry catalog() {
    return new LogEntry.Catalog(List.of(), Instant.EPOCH, 0);
  }

  @Test
  void aCallBackRunsOnTheLogThreadOnceItsEntryIsForced() throws Exception {
    try (GroupCommitLog log = open()) {
      long position = log.append(catalog());
      CompletableFuture<String> answered = new CompletableFuture<>();
      log.whenDurable(position, () -> answered.complete(Thread.currentThread().getName()),
          () -> answered.complete("failed"));
      assertThat(answered.get(GUARD_SECONDS, TimeUnit.SECONDS)).isEqualTo("dynamo-double-log");
      assertThat(log.forces()).isGreaterThanOrEqualTo(1);

      List<String> inline = new ArrayList<>();
      log.whenDurable(position, () -> inline.add("done"), () -> inline.add("failed"));
      assertThat(inline).as("already durable: answered at once, on the caller").containsExactly("done");
    }
  }

  @Test
  void everyCallBackOfManyWritersRunsOnceAndAfterItsForce() throws Exception {
    int writers = 8;
    int each = 200;
    ConcurrentLinkedQueue<String> problems = new ConcurrentLinkedQueue<>();
    AtomicInteger answered = new AtomicInteger();
    CountDownLatch all = new CountDownLatch(writers * each);
    try (GroupCommitLog log = open()) {
      List<Thread> threads = new ArrayList<>();
      for (int w = 0; w < writers; w++) {
        boolean blocking = w % 2 == 0; // half wait on their own thread, half are called back
        threads.add(new Thread(() -> {
          for (int i = 0; i < each; i++) {
            long position;
            synchronized (GroupCommitLogTest.class) { // appends come one at a time, as under the engine's write lock
              position = log.append(catalog());
            }
            if (blocking) {
              log.awaitDurable(position);
              answered.incrementAndGet();
              all.countDown();
            } else {
              log.whenDurable(position, () -> {
                answered.incrementAndGet();
                all.countDown();
              }, () -> problems.add("failed " + position));
            }
          }
        }));
      }
      threads.forEach(Thread::start);
      assertThat(all.await(GUARD_SECONDS, TimeUnit.SECONDS)).as("every write answered").isTrue();
      for (Thread thread : threads) {
        thread.join();
      }
    }
    assertThat(problems).isEmpty();
    assertThat(answered).hasValue(writers * each);
    int[] records = new int[1];
    Path segment = DataFiles.segments(dir).get(0);
    SegmentReader.Result result = SegmentReader.read(segment, SegmentReader.header(segment), null,
        (type, payload) -> records[0]++);
    assertThat(result.torn()).isFalse();
    assertThat(records[0]).isEqualTo(writers * each);
  }

  @Test
  void aCallBackForAnEntryThatWillNeverBeForcedFails() {
    GroupCommitLog log = open();
    log.close();
    long position = log.append(catalog());
    List<String> outcome = new ArrayList<>();
    log.whenDurable(position, () -> outcome.add("done"), () -> outcome.add("failed"));
    assertThat(outcome).containsExactly("failed");
  }
}
