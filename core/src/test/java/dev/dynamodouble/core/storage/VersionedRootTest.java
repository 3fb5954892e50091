package dev.dynamodouble.core.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Commits, sequence numbers, and the one-version-per-second history behind point-in-time restores. */
class VersionedRootTest {
  private static final Instant T0 = Instant.parse("2024-05-01T12:00:00Z");

  private static Instant at(double secondsAfterT0) {
    return T0.plusNanos(Math.round(secondsAfterT0 * 1_000_000_000L));
  }

  @Test
  void commitsPublishTheNewRootWithTheNextSequence() {
    VersionedRoot<String> root = new VersionedRoot<>("initial", T0);
    assertThat(root.current()).isEqualTo(new Version<>("initial", T0, 0));
    Version<String> first = root.commit("a", at(1));
    assertThat(first).isEqualTo(new Version<>("a", at(1), 1));
    assertThat(root.current()).isSameAs(first);
    assertThat(root.commit("b", at(1)).sequence()).isEqualTo(2);
  }

  @Test
  void commitIfCommitsOnlyOverTheRootItWasGiven() {
    VersionedRoot<String> root = new VersionedRoot<>("initial", T0);
    String initial = root.current().root();
    assertThat(root.commitIf(initial, "a", at(1))).isEqualTo(new Version<>("a", at(1), 1));
    assertThat(root.commitIf(initial, "b", at(2))).as("another commit came first").isNull();
    assertThat(root.current().root()).isEqualTo("a");
    assertThat(root.current().sequence()).isEqualTo(1);
  }

  @Test
  void aCommitStampedBeforeItsPredecessorKeepsTimeInOrder() {
    VersionedRoot<String> root = new VersionedRoot<>("initial", at(10));
    Version<String> stepBack = root.commit("a", at(9));
    assertThat(stepBack.committedAt()).isEqualTo(at(10));
    assertThat(stepBack.sequence()).isEqualTo(1);
  }

  @Test
  void withoutHistoryOnlyTheCurrentVersionIsRetained() {
    VersionedRoot<String> root = new VersionedRoot<>("initial", T0);
    root.commit("a", at(1));
    root.commit("b", at(5));
    assertThat(root.isHistoryEnabled()).isFalse();
    assertThat(root.historyWindow()).isNull();
    assertThat(root.retainedVersions()).isEqualTo(1);
    assertThat(root.asOf(at(5)).root()).isEqualTo("b");
    assertThat(root.asOf(at(100)).root()).isEqualTo("b");
    assertThat(root.asOf(at(4.999))).isNull();
    assertThat(root.earliest().root()).isEqualTo("b");
  }

  @Test
  void historyKeepsTheLastStateOfEachSecondAndIsExactAtWholeSeconds() {
    VersionedRoot<String> root = new VersionedRoot<>("initial", at(-10));
    root.enableHistory(Duration.ofDays(1));
    root.commit("a", at(0)); //     closes second (-1, 0]
    root.commit("b", at(0.2)); //   second (0, 1] ...
    root.commit("c", at(0.7)); //   ... replaces b ...
    root.commit("d", at(1.0)); //   ... and d, exactly at 1, replaces c: the second's last state
    root.commit("e", at(1.5)); //   second (1, 2]
    root.commit("f", at(3.0)); //   second (2, 3], current

    assertThat(root.retainedVersions()).isEqualTo(5); // initial, a, d, e, f
    assertThat(root.earliest()).isEqualTo(new Version<>("initial", at(-10), 0));
    assertThat(root.asOf(at(-10.001))).isNull();
    assertThat(root.asOf(at(-10)).root()).isEqualTo("initial");
    assertThat(root.asOf(at(-0.5)).root()).isEqualTo("initial");
    // At a whole second the answer is exact, including a commit made at precisely that second.
    assertThat(root.asOf(at(0))).isEqualTo(new Version<>("a", at(0), 1));
    assertThat(root.asOf(at(1))).isEqualTo(new Version<>("d", at(1), 4));
    assertThat(root.asOf(at(2)).root()).isEqualTo("e");
    assertThat(root.asOf(at(3)).root()).isEqualTo("f");
    // Inside a second whose earlier states were replaced: the state at the previous whole second,
    // never one containing a commit made after the instant asked for.
    assertThat(root.asOf(at(0.5)).root()).isEqualTo("a");
    assertThat(root.asOf(at(0.999999999)).root()).isEqualTo("a");
    // Inside a second whose last commit came before the instant: that commit.
    assertThat(root.asOf(at(1.2)).root()).isEqualTo("d");
    assertThat(root.asOf(at(1.5)).root()).isEqualTo("e");
    assertThat(root.asOf(at(2.999)).root()).isEqualTo("e");
    assertThat(root.asOf(at(1_000_000)).root()).isEqualTo("f");
  }

  @Test
  void commitsWithinOneInstantKeepOnlyTheLast() {
    VersionedRoot<String> root = new VersionedRoot<>("initial", at(0));
    root.enableHistory(Duration.ofHours(1));
    root.commit("a", at(5));
    root.commit("b", at(5));
    root.commit("c", at(5));
    assertThat(root.retainedVersions()).isEqualTo(2);
    assertThat(root.asOf(at(5))).isEqualTo(new Version<>("c", at(5), 3));
    assertThat(root.asOf(at(4.9)).root()).isEqualTo("initial");
  }

  @Test
  void trimBeforeKeepsTheVersionInForceAtTheCutoff() {
    VersionedRoot<Integer> root = new VersionedRoot<>(0, at(0));
    root.enableHistory(Duration.ofDays(1));
    for (int s = 1; s <= 9; s++) {
      root.commit(s, at(s));
    }
    assertThat(root.retainedVersions()).isEqualTo(10);

    root.trimBefore(at(4.5));
    assertThat(root.retainedVersions()).isEqualTo(6); // 4 (in force at 4.5) to 9
    assertThat(root.earliest()).isEqualTo(new Version<>(4, at(4), 4));
    assertThat(root.asOf(at(4.5)).root()).isEqualTo(4);
    assertThat(root.asOf(at(3.999))).isNull();

    root.trimBefore(at(6)); // a cutoff exactly at a commit keeps that commit and nothing older
    assertThat(root.earliest().root()).isEqualTo(6);
    assertThat(root.asOf(at(5.999))).isNull();

    root.trimBefore(at(2)); // an older cutoff brings nothing back and drops nothing
    assertThat(root.earliest().root()).isEqualTo(6);

    root.trimBefore(at(60)); // the current version is in force: it alone remains
    assertThat(root.retainedVersions()).isEqualTo(1);
    assertThat(root.earliest().root()).isEqualTo(9);
    assertThat(root.asOf(at(9)).root()).isEqualTo(9);
    assertThat(root.asOf(at(8.5))).isNull();
  }

  @Test
  void commitsTrimWhatFallsOutOfTheWindow() {
    VersionedRoot<Integer> root = new VersionedRoot<>(0, at(0));
    root.enableHistory(Duration.ofSeconds(10));
    for (int s = 1; s <= 100; s++) {
      root.commit(s, at(s));
    }
    assertThat(root.retainedVersions()).isEqualTo(11); // 90 (in force at 100 - 10) to 100
    assertThat(root.asOf(at(90)).root()).isEqualTo(90);
    assertThat(root.asOf(at(89.9))).isNull();
    assertThat(root.historyWindow()).isEqualTo(Duration.ofSeconds(10));

    root.enableHistory(Duration.ofSeconds(3)); // narrowing applies from the next commit
    assertThat(root.retainedVersions()).isEqualTo(11);
    root.commit(101, at(101));
    assertThat(root.earliest().root()).isEqualTo(98);
  }

  @Test
  void aZeroWindowKeepsOnlyTheCurrentVersion() {
    VersionedRoot<Integer> root = new VersionedRoot<>(0, at(0));
    root.enableHistory(Duration.ZERO);
    root.commit(1, at(1));
    root.commit(2, at(2));
    assertThat(root.retainedVersions()).isEqualTo(1);
    assertThat(root.asOf(at(2)).root()).isEqualTo(2);
  }

  @Test
  void disablingDropsTheHistory() {
    VersionedRoot<Integer> root = new VersionedRoot<>(0, at(0));
    root.enableHistory(Duration.ofDays(35));
    for (int s = 1; s <= 5; s++) {
      root.commit(s, at(s));
    }
    root.disableHistory();
    assertThat(root.isHistoryEnabled()).isFalse();
    assertThat(root.retainedVersions()).isEqualTo(1);
    assertThat(root.asOf(at(3))).isNull();
    assertThat(root.earliest().root()).isEqualTo(5);

    root.enableHistory(Duration.ofDays(35)); // starts afresh from the current version
    root.commit(6, at(6));
    assertThat(root.retainedVersions()).isEqualTo(2);
    assertThat(root.earliest().root()).isEqualTo(5);
    assertThat(root.asOf(at(4))).isNull();
  }

  @Test
  void aWindowReachingBeforeTimeItselfKeepsEverything() {
    VersionedRoot<Integer> root = new VersionedRoot<>(0, at(0));
    root.enableHistory(Duration.ofSeconds(Long.MAX_VALUE));
    root.commit(1, at(1));
    root.commit(2, at(2));
    assertThat(root.retainedVersions()).isEqualTo(3);
    assertThat(root.asOf(at(0)).root()).isZero();
  }

  @Test
  void rejectsANegativeWindow() {
    VersionedRoot<Integer> root = new VersionedRoot<>(0, T0);
    assertThatThrownBy(() -> root.enableHistory(Duration.ofSeconds(-1))).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aLongRunStaysWithinTheWindowAndAnswersExactly() {
    // A day's window over almost three days of commits, several per second: the history is
    // trimmed and compacted many times over while it keeps answering from the right second.
    VersionedRoot<Long> root = new VersionedRoot<>(-1L, at(0));
    long window = 86_400;
    root.enableHistory(Duration.ofSeconds(window));
    long seconds = 250_000;
    for (long s = 1; s <= seconds; s++) {
      root.commit(s * 10, T0.plusSeconds(s).minusMillis(500)); // replaced by the next, in the same second
      root.commit(s * 10 + 1, T0.plusSeconds(s));
    }
    assertThat(root.retainedVersions()).isEqualTo((int) window + 1);
    assertThat(root.earliest().committedAt()).isEqualTo(T0.plusSeconds(seconds - window));
    for (long s = seconds - window; s <= seconds; s += 997) {
      Version<Long> version = root.asOf(T0.plusSeconds(s));
      assertThat(version.root()).isEqualTo(s * 10 + 1);
      assertThat(version.sequence()).isEqualTo(2 * s);
      assertThat(root.asOf(T0.plusSeconds(s).plusMillis(700)).root()).isEqualTo(s * 10 + 1);
    }
    assertThat(root.asOf(T0.plusSeconds(seconds - window).minusNanos(1))).isNull();
  }
}
