package dev.dynamodouble.core.consistency;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynamodouble.core.engine.Engine;
import dev.dynamodouble.core.engine.EngineOptions;
import dev.dynamodouble.core.storage.Version;
import dev.dynamodouble.core.table.Table;
import dev.dynamodouble.core.table.TableData;
import dev.dynamodouble.core.table.TestTables;
import dev.dynamodouble.core.time.DynamoClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Single-item writes commit under the shared side of the engine's lock, so a table's commits go
 * on while a lag is set and its recent versions start being kept. Every commit after the version
 * they start from must be kept, or an eventually consistent read sees a version in force longer
 * than it was. Real threads: a writer commits without pause while tracking starts, again and again.
 */
class TrackingRaceTest {
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  private static final int ROUNDS = 500;

  @Test
  @Timeout(120)
  void everyCommitAfterTheSeedIsKeptWhileWritesRunBesideTheStartOfTracking() throws Exception {
    besideWrites((engine, table) -> {
      for (int round = 0; round < ROUNDS; round++) {
        untrack(table);
        // A new Consistency tracks nothing yet: a lag makes it start tracking the table, mid-writes.
        new Consistency(engine.clock(), engine::region, engine.regions(), "us-east-1")
            .retainAtLeast(Duration.ofHours(1));
        assertGapless(table.attachment(RecentVersions.class), round);
      }
    });
  }

  @Test
  @Timeout(120)
  void everyCommitAfterARestoreIsKeptWhileWritesRunBesideIt() throws Exception {
    besideWrites((engine, table) -> {
      Consistency consistency = new Consistency(engine.clock(), engine::region, engine.regions(), "us-east-1");
      consistency.retainAtLeast(Duration.ofHours(1));
      Object settings = consistency.snapshot();
      for (int round = 0; round < ROUNDS; round++) {
        consistency.restore(settings); // forgets all but the current version, mid-writes
        assertGapless(table.attachment(RecentVersions.class), round);
      }
    });
  }

  /** Runs {@code rounds} while another thread commits to the table without pause. */
  private static void besideWrites(java.util.function.BiConsumer<Engine, Table> rounds) throws InterruptedException {
    Engine engine = new Engine(DynamoClock.manual(T0), EngineOptions.defaults());
    Table table = TestTables.active("orders", "us-east-1", T0);
    engine.region("us-east-1").add(table);
    AtomicBoolean stop = new AtomicBoolean();
    Thread writer = new Thread(() -> {
      while (!stop.get()) {
        table.versions().commit(TableData.empty(), T0);
      }
    });
    writer.start();
    try {
      while (table.versions().current().sequence() == 0) {
        Thread.onSpinWait();
      }
      rounds.accept(engine, table);
    } finally {
      stop.set(true);
      writer.join();
    }
  }

  /** Waits for a commit after the oldest version kept, then checks none between is missing. */
  private static void assertGapless(RecentVersions recent, int round) {
    while (recent.size() < 2) {
      Thread.onSpinWait();
    }
    List<Version<TableData>> kept = recent.kept();
    for (int i = 1; i < kept.size(); i++) {
      assertThat(kept.get(i).sequence()).as("round %d: the commit after %s", round, kept.get(i - 1).sequence())
          .isEqualTo(kept.get(i - 1).sequence() + 1);
    }
  }

  private static void untrack(Table table) {
    RecentVersions recent = table.attachment(RecentVersions.class);
    if (recent != null) {
      table.versions().removeCommitListener(recent);
      table.replaceAttachment(RecentVersions.class, null);
    }
  }
}
