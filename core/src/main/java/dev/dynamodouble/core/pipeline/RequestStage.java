package dev.dynamodouble.core.pipeline;

import dev.dynamodouble.core.error.DynamoException;
import dev.dynamodouble.core.protocol.JsonWritable;

/**
 * One step between the protocol and an operation (authentication, faults, capacity). A stage
 * refuses a call by throwing a {@link dev.dynamodouble.core.error.DynamoException}; it annotates
 * one with {@link Call#note}. Operations never call stages themselves.
 */
public interface RequestStage {
  /** Runs before the operation. */
  void before(Call call);

  /** Runs after the operation answered (not when it failed); may replace the response. */
  default JsonWritable after(Call call, JsonWritable response) {
    return response;
  }

  /**
   * Told that the call was answered with {@code error}: refused by a stage (this one, or one before
   * or after it, so its {@link #before} may not have run) or failed in the operation. Must not throw.
   */
  default void failed(Call call, DynamoException error) {
  }
}
