package dev.dynamodouble.benchmarks;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** One end-to-end operation shape, measured as calls through the SDK sync client. */
public interface Workload {

  /** Short id for {@code -Dbench.workloads} and the JSON, e.g. {@code get}. */
  String id();

  /** Row label of the result table, e.g. {@code GetItem}. */
  String label();

  /**
   * Performs one operation and checks its answer (a wrong answer is a failure, not a fast op).
   *
   * @param thread index of the calling client thread, so threads use distinct keys
   * @param sequence how many operations this thread did before
   */
  void run(DynamoDbClient dynamo, int thread, long sequence);
}
