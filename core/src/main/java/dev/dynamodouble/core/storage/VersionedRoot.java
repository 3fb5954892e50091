package dev.dynamodouble.core.storage;

import java.time.Instant;

/** PLACEHOLDER (minimal): the current root of a table; to be replaced by the version with history. */
public final class VersionedRoot<T> {
  private volatile Version<T> current;

  public VersionedRoot(T initial, Instant at) {
    this.current = new Version<>(initial, at, 0);
  }

  public Version<T> current() {
    return current;
  }

  public Version<T> commit(T newRoot, Instant at) {
    Version<T> next = new Version<>(newRoot, at, current.sequence() + 1);
    current = next;
    return next;
  }
}
