package dev.dynamodouble.core.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ManualClockTest {
  private static final Instant T0 = Instant.parse("2024-05-01T10:00:00Z");
  private final ManualClock clock = DynamoClock.manual(T0);
  private final List<String> ran = new ArrayList<>();

  private Runnable record(String name) {
    return () -> ran.add(name + "@" + Duration.between(T0, clock.now()).toSeconds());
  }

  @Test
  void standsStillUntilAdvanced() {
    assertThat(clock.now()).isEqualTo(T0);
    assertThat(clock.now()).isEqualTo(T0);
    assertThat(clock.isManual()).isTrue();
    clock.advance(Duration.ofMinutes(1));
    assertThat(clock.now()).isEqualTo(T0.plusSeconds(60));
    assertThat(clock.millis()).isEqualTo(T0.plusSeconds(60).toEpochMilli());
  }

  @Test
  void runsDueTasksInDueOrderAtTheirOwnInstant() {
    clock.scheduleAfter(Duration.ofSeconds(30), record("c"));
    clock.scheduleAfter(Duration.ofSeconds(10), record("a"));
    clock.scheduleAfter(Duration.ofSeconds(20), record("b"));
    clock.scheduleAfter(Duration.ofSeconds(90), record("late"));
    clock.advance(Duration.ofSeconds(60));
    assertThat(ran).containsExactly("a@10", "b@20", "c@30");
    assertThat(clock.now()).isEqualTo(T0.plusSeconds(60));
    assertThat(clock.pendingTasks()).isEqualTo(1);
    assertThat(clock.nextDue()).isEqualTo(T0.plusSeconds(90));
  }

  @Test
  void tasksDueAtTheSameInstantRunInSchedulingOrder() {
    for (String name : List.of("1", "2", "3", "4")) {
      clock.schedule(T0.plusSeconds(5), record(name));
    }
    clock.advance(Duration.ofSeconds(5));
    assertThat(ran).containsExactly("1@5", "2@5", "3@5", "4@5");
  }

  @Test
  void aTaskDueExactlyAtTheTargetRuns() {
    clock.scheduleAfter(Duration.ofSeconds(10), record("edge"));
    clock.advance(Duration.ofMillis(9_999));
    assertThat(ran).isEmpty();
    clock.advance(Duration.ofMillis(1));
    assertThat(ran).containsExactly("edge@10");
  }

  @Test
  void tasksScheduledByTasksRunInTheSameAdvanceWhenDue() {
    clock.scheduleAfter(Duration.ofSeconds(10), () -> {
      ran.add("parent@" + Duration.between(T0, clock.now()).toSeconds());
      clock.scheduleAfter(Duration.ofSeconds(5), record("child"));
      clock.scheduleAfter(Duration.ofSeconds(100), record("grandchild-too-late"));
    });
    clock.advance(Duration.ofSeconds(20));
    assertThat(ran).containsExactly("parent@10", "child@15");
    assertThat(clock.pendingTasks()).isEqualTo(1);
    clock.advance(Duration.ofSeconds(90));
    assertThat(ran).containsExactly("parent@10", "child@15", "grandchild-too-late@110");
  }

  @Test
  void aCancelledTaskNeverRuns() {
    Scheduled cancelled = clock.scheduleAfter(Duration.ofSeconds(1), record("cancelled"));
    clock.scheduleAfter(Duration.ofSeconds(2), record("kept"));
    cancelled.cancel();
    assertThat(clock.pendingTasks()).isEqualTo(1);
    clock.advance(Duration.ofSeconds(5));
    assertThat(ran).containsExactly("kept@2");
    cancelled.cancel(); // harmless once gone
  }

  @Test
  void aTaskCanCancelALaterOne() {
    Scheduled[] later = new Scheduled[1];
    clock.scheduleAfter(Duration.ofSeconds(1), () -> later[0].cancel());
    later[0] = clock.scheduleAfter(Duration.ofSeconds(2), record("later"));
    clock.advance(Duration.ofSeconds(3));
    assertThat(ran).isEmpty();
  }

  @Test
  void runDueRunsWhatIsAlreadyDue() {
    clock.scheduleAfter(Duration.ZERO, record("now"));
    clock.scheduleAfter(Duration.ofSeconds(1), record("later"));
    clock.runDue();
    assertThat(ran).containsExactly("now@0");
  }

  @Test
  void timeNeverGoesBack() {
    assertThatThrownBy(() -> clock.advance(Duration.ofSeconds(-1))).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> clock.setTo(T0.minusSeconds(1))).isInstanceOf(IllegalArgumentException.class);
    clock.setTo(T0.plusSeconds(3));
    assertThat(clock.now()).isEqualTo(T0.plusSeconds(3));
    clock.advance(Duration.ZERO);
    assertThat(clock.now()).isEqualTo(T0.plusSeconds(3));
  }
}
