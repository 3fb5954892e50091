package dev.dynamodouble.core.consistency;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynamodouble.core.storage.VersionedRoot;
import dev.dynamodouble.core.table.TableData;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Recent versions keep every commit within the retention, and no more. */
class RecentVersionsTest {
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  @Test
  void keepsEveryCommitWithinTheRetentionAndTheOneInForceAtItsStart() {
    VersionedRoot<TableData> root = new VersionedRoot<>(TableData.empty(), T0);
    RecentVersions recent = new RecentVersions(root.current(), () -> Duration.ofSeconds(1));
    root.addCommitListener(recent);
    List<TableData> states = new ArrayList<>();
    for (int i = 1; i <= 100; i++) {
      TableData state = TableData.empty();
      states.add(state);
      root.commit(state, T0.plusMillis(10L * i));
    }
    assertThat(recent.size()).isEqualTo(101);
    assertThat(recent.asOf(T0.plusMillis(505))).isSameAs(states.get(49));
    assertThat(recent.asOf(T0.minusSeconds(1))).as("before everything: the oldest kept").isNotNull();

    TableData late = TableData.empty();
    root.commit(late, T0.plusSeconds(5));
    assertThat(recent.size()).isEqualTo(2);
    assertThat(recent.asOf(T0.plusSeconds(4))).isSameAs(states.get(99));
    assertThat(recent.asOf(T0.plusSeconds(5))).isSameAs(late);
  }
}
