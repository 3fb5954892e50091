package dev.dynamodouble.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The one median every report uses. */
class StatsTest {

  @Test
  void anOddCountsMedianIsItsMiddleValue() {
    assertThat(Stats.median(new double[] {9, 1, 5})).isEqualTo(5);
    assertThat(Stats.median(List.of(9.0, 1.0, 5.0))).isEqualTo(5);
  }

  @Test
  void anEvenCountsMedianIsTheMeanOfItsMiddleTwo() {
    assertThat(Stats.median(new double[] {8, 1, 4, 2})).isEqualTo(3);
    assertThat(Stats.median(List.of(8.0, 1.0, 4.0, 2.0))).isEqualTo(3);
  }
}
