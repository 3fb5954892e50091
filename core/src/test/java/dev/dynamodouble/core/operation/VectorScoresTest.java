package dev.dynamodouble.core.operation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.dynamodouble.core.table.VectorIndexDefinition.DistanceFunction;
import org.junit.jupiter.api.Test;

class VectorScoresTest {
  private static final float[] X = {1, 0};

  @Test
  void cosineIsOneMinusCosineSimilarityFromZeroToTwo() {
    assertThat(VectorScores.score(DistanceFunction.COSINE, X, new float[] {2, 0})).isEqualTo(0.0);
    assertThat(VectorScores.score(DistanceFunction.COSINE, X, new float[] {0, 3})).isEqualTo(1.0);
    assertThat(VectorScores.score(DistanceFunction.COSINE, X, new float[] {-1, 0})).isEqualTo(2.0);
    assertThat(VectorScores.score(DistanceFunction.COSINE, X, new float[] {3, 4})).isCloseTo(0.4, within(1e-12));
    assertThat(VectorScores.score(DistanceFunction.COSINE, X, new float[] {0, 0})).isEqualTo(1.0); // no direction
  }

  @Test
  void euclideanIsTheDistance() {
    assertThat(VectorScores.score(DistanceFunction.EUCLIDEAN, X, new float[] {1, 0})).isEqualTo(0.0);
    assertThat(VectorScores.score(DistanceFunction.EUCLIDEAN, X, new float[] {4, 4})).isEqualTo(5.0);
  }

  @Test
  void dotProductIsTheProductAndRanksHighestFirst() {
    assertThat(VectorScores.score(DistanceFunction.DOT_PRODUCT, new float[] {1, 0.5f}, new float[] {3, 4}))
        .isEqualTo(5.0);
    assertThat(VectorScores.smallestFirst(DistanceFunction.DOT_PRODUCT)).isFalse();
    assertThat(VectorScores.smallestFirst(DistanceFunction.COSINE)).isTrue();
    assertThat(VectorScores.smallestFirst(DistanceFunction.EUCLIDEAN)).isTrue();
  }
}
