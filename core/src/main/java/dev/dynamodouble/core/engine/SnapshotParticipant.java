package dev.dynamodouble.core.engine;

/**
 * A service whose state is part of an engine snapshot, so that a reset puts it back with the
 * tables and the clock (fault rules, read lags, TTL and PITR settings, backups, capacity buckets,
 * stream positions ...). Both methods run under the engine's write lock; {@code restore} runs after
 * the clock and the tables are back. Capturing must be cheap: O(tables), never O(items).
 */
public interface SnapshotParticipant {
  /** This service's state now, as an immutable value. */
  Object capture();

  /** Puts back a state {@link #capture()} returned. */
  void restore(Object state);

  /** A participant made of two functions. */
  static SnapshotParticipant of(java.util.function.Supplier<Object> capture,
                                java.util.function.Consumer<Object> restore) {
    return new SnapshotParticipant() {
      @Override
      public Object capture() {
        return capture.get();
      }

      @Override
      public void restore(Object state) {
        restore.accept(state);
      }
    };
  }
}
