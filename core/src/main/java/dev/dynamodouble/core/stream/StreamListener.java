package dev.dynamodouble.core.stream;

/**
 * Told when a stream gains records or is cleared. Called under the engine's write lock: it must
 * only take note (schedule a delivery), never run user code.
 */
public interface StreamListener {
  void appended(TableStream stream);

  /** The stream's records were dropped by a reset. */
  default void cleared(TableStream stream) {}
}
