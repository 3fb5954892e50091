package dev.dynamodouble.core.storage;

import java.time.Instant;

/**
 * Past versions, oldest first, as parallel arrays (about 24 bytes a version, instead of a Version
 * and an Instant object each: 35 days at one version per second is 3 million of them).
 *
 * <p>One writer at a time (the caller's lock) appends and trims; readers never lock. Slots are
 * written only beyond the published end and never overwritten, and every change publishes a new
 * immutable {@link Window} through a volatile field, so a reader sees a consistent range even
 * while the writer moves on. Trimmed slots are reclaimed by copying the live range to new arrays
 * once they number a quarter of it, which keeps trimming amortised O(1) (at most four copies per
 * trimmed version) and the roots held within 1.25 times the live range: a dropped slot still pins
 * its root, and a PITR window of 35 days holds hundreds of thousands of them.
 */
final class VersionHistory<T> {
  /** A published range of the arrays; immutable. */
  private static final class Window {
    final Object[] roots;
    final long[] seconds;
    final int[] nanos;
    final long[] sequences;
    final int start;
    final int end;

    Window(Object[] roots, long[] seconds, int[] nanos, long[] sequences, int start, int end) {
      this.roots = roots;
      this.seconds = seconds;
      this.nanos = nanos;
      this.sequences = sequences;
      this.start = start;
      this.end = end;
    }

    Window range(int newStart, int newEnd) {
      return new Window(roots, seconds, nanos, sequences, newStart, newEnd);
    }

    /** The live range copied to fresh arrays with room for {@code capacity}. */
    Window compacted(int capacity) {
      int live = end - start;
      Object[] newRoots = new Object[capacity];
      long[] newSeconds = new long[capacity];
      int[] newNanos = new int[capacity];
      long[] newSequences = new long[capacity];
      System.arraycopy(roots, start, newRoots, 0, live);
      System.arraycopy(seconds, start, newSeconds, 0, live);
      System.arraycopy(nanos, start, newNanos, 0, live);
      System.arraycopy(sequences, start, newSequences, 0, live);
      return new Window(newRoots, newSeconds, newNanos, newSequences, 0, live);
    }

    @SuppressWarnings("unchecked")
    <T> Version<T> at(int i) {
      return new Version<>((T) roots[i], Instant.ofEpochSecond(seconds[i], nanos[i]), sequences[i]);
    }

    /** The index of the last version committed at or before {@code t}; start - 1 when none. */
    int floor(Instant t) {
      long second = t.getEpochSecond();
      int nano = t.getNano();
      int low = start;
      int high = end - 1;
      while (low <= high) {
        int mid = (low + high) >>> 1;
        boolean atOrBefore = seconds[mid] < second || (seconds[mid] == second && nanos[mid] <= nano);
        if (atOrBefore) {
          low = mid + 1;
        } else {
          high = mid - 1;
        }
      }
      return high;
    }
  }

  private volatile Window window = new Window(new Object[16], new long[16], new int[16], new long[16], 0, 0);

  int size() {
    Window w = window;
    return w.end - w.start;
  }

  /** The oldest version, or null when empty. */
  Version<T> first() {
    Window w = window;
    return w.end > w.start ? w.at(w.start) : null;
  }

  /** Every version kept, oldest first (a consistent copy: the writer may move on meanwhile). */
  java.util.List<Version<T>> all() {
    Window w = window;
    java.util.List<Version<T>> all = new java.util.ArrayList<>(w.end - w.start);
    for (int i = w.start; i < w.end; i++) {
      all.add(w.at(i));
    }
    return all;
  }

  /** The last version committed at or before {@code t}, or null when all are later. */
  Version<T> floor(Instant t) {
    Window w = window;
    int i = w.floor(t);
    return i >= w.start ? w.at(i) : null;
  }

  /** Appends a version no older than the newest. Writer only. */
  void append(Version<T> version) {
    Window w = window;
    if (w.end == w.roots.length) {
      int live = w.end - w.start;
      w = w.compacted(live + live / 2 + 16);
    }
    int i = w.end;
    w.roots[i] = version.root();
    w.seconds[i] = version.committedAt().getEpochSecond();
    w.nanos[i] = version.committedAt().getNano();
    w.sequences[i] = version.sequence();
    window = w.range(w.start, i + 1);
  }

  /** Drops the versions before the one in force at {@code cutoff}. Writer only. */
  void trimBefore(Instant cutoff) {
    Window w = window;
    int inForce = w.floor(cutoff);
    if (inForce > w.start) {
      dropBefore(w, inForce);
    }
  }

  /**
   * Drops the versions committed after {@code t} (a clock set back by a reset). Copies the kept
   * range to new arrays, so readers holding the old window are not disturbed. Writer only.
   */
  void dropAfter(Instant t) {
    Window w = window;
    int last = w.floor(t);
    if (last < w.end - 1) {
      Window kept = w.range(w.start, Math.max(w.start, last + 1));
      window = kept.compacted(kept.end - kept.start + 16);
    }
  }

  /** Drops every version (the caller's newer version is in force). Writer only. */
  void clear() {
    Window w = window;
    dropBefore(w, w.end);
  }

  private void dropBefore(Window w, int newStart) {
    Window trimmed = w.range(newStart, w.end);
    int live = trimmed.end - trimmed.start;
    // Dropped slots still hold roots; copy out once they are a quarter of the live ones so those roots can go.
    window = newStart > live / 4 ? trimmed.compacted(live + live / 2 + 16) : trimmed;
  }
}
