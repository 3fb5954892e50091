package dev.dynamodouble.core.storage;

import java.time.Instant;
import java.util.Objects;

/**
 * One committed state: an immutable root, the clock time it was committed at, and its place in
 * the commit order (0 for the initial root, then +1 per commit).
 */
public record Version<T>(T root, Instant committedAt, long sequence) {
  public Version {
    Objects.requireNonNull(root, "root");
    Objects.requireNonNull(committedAt, "committedAt");
  }
}
