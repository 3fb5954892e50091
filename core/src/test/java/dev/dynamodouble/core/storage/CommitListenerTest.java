package dev.dynamodouble.core.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Commit listeners see every commit, in order, with the version replaced and the new one. */
class CommitListenerTest {
  private static final Instant T0 = Instant.parse("2024-05-01T12:00:00Z");

  @Test
  void listenersSeeEachCommitWithItsPredecessorUntilRemoved() {
    VersionedRoot<String> root = new VersionedRoot<>("initial", T0);
    List<String> seen = new ArrayList<>();
    VersionedRoot.CommitListener<String> listener =
        (previous, next) -> seen.add(previous.root() + "->" + next.root() + "#" + next.sequence());
    root.addCommitListener(listener);
    root.commit("a", T0.plusSeconds(1));
    root.commit("b", T0.plusSeconds(2));
    assertThat(seen).containsExactly("initial->a#1", "a->b#2");
    assertThat(root.removeCommitListener(listener)).isTrue();
    root.commit("c", T0.plusSeconds(3));
    assertThat(seen).hasSize(2);
    assertThat(root.removeCommitListener(listener)).isFalse();
  }

  @Test
  void aListenerSeesTheNewVersionAlreadyCurrent() {
    VersionedRoot<String> root = new VersionedRoot<>("initial", T0);
    List<Boolean> current = new ArrayList<>();
    root.addCommitListener((previous, next) -> current.add(root.current() == next));
    root.commit("a", T0);
    assertThat(current).containsExactly(true);
  }
}
