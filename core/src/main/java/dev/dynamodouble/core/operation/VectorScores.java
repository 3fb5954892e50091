package dev.dynamodouble.core.operation;

import dev.dynamodouble.core.table.VectorIndexDefinition.DistanceFunction;

/**
 * The score SearchVectors reports for a vector, by the index's distance function: COSINE is
 * 1 - cosine similarity (0 identical .. 2 opposite), EUCLIDEAN the Euclidean distance, both
 * smallest first; DOT_PRODUCT the dot product, highest first. Vectors are 32-bit floats, as the
 * index stores them; the arithmetic is done in double.
 */
final class VectorScores {
  private VectorScores() {}

  static double score(DistanceFunction function, float[] query, float[] vector) {
    double dot = 0;
    double queryNorm = 0;
    double vectorNorm = 0;
    double squares = 0;
    for (int i = 0; i < query.length; i++) {
      double q = query[i];
      double v = vector[i];
      dot += q * v;
      queryNorm += q * q;
      vectorNorm += v * v;
      squares += (q - v) * (q - v);
    }
    switch (function) {
      case EUCLIDEAN:
        return Math.sqrt(squares);
      case DOT_PRODUCT:
        return dot;
      default:
        // A zero vector has no direction: taken as orthogonal to everything (similarity 0).
        double norms = Math.sqrt(queryNorm) * Math.sqrt(vectorNorm);
        return norms == 0 ? 1 : 1 - dot / norms;
    }
  }

  /** Whether a smaller score is a closer match (COSINE, EUCLIDEAN), or a larger one (DOT_PRODUCT). */
  static boolean smallestFirst(DistanceFunction function) {
    return function != DistanceFunction.DOT_PRODUCT;
  }
}
