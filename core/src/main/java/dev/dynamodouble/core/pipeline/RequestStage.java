package dev.dynamodouble.core.pipeline;

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
}
