package dev.dynamodouble.core.storage;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Holds the current immutable root of a table (or index) and, while history is enabled, the past
 * roots needed for point-in-time recovery.
 *
 * <p>Readers never lock: {@link #current()} is one volatile read, and the returned version is a
 * consistent snapshot for as long as the reader holds it. Commits are expected from one writer at a
 * time (the caller's write lock); they are also serialised here, so a history trim from another
 * thread cannot interleave with a commit.
 *
 * <p>History keeps at most one version per second of clock time: the last commit in each
 * half-open second (s - 1, s]. Buckets close on the whole second, not open on it, so that
 * {@link #asOf} at any whole second returns exactly the state at that instant, including commits
 * made at precisely that second. Within a second a commit replaces its predecessor, so for an
 * instant inside a second, {@code asOf} may answer the state at the previous whole second: never a
 * state containing a commit after the instant asked for.
 */
public final class VersionedRoot<T> {
  private final Object writeLock = new Object();
  private volatile Version<T> current;
  /** Closed seconds' versions, all older than {@link #current}; null while history is disabled. */
  private volatile VersionHistory<T> history;
  private volatile Duration window;
  private final java.util.List<CommitListener<T>> listeners = new java.util.concurrent.CopyOnWriteArrayList<>();

  /**
   * Told of every commit, on the committing thread, inside the commit and in commit order, with the
   * version it replaced and the new one (compare their roots, e.g. with
   * {@link PersistentSortedMap#diff}, to see what changed). A listener must be quick and must not
   * commit to the same root.
   */
  @FunctionalInterface
  public interface CommitListener<T> {
    void committed(Version<T> previous, Version<T> next);
  }

  public VersionedRoot(T initial, Instant at) {
    this.current = new Version<>(initial, Objects.requireNonNull(at, "at"), 0);
  }

  /** The latest committed version. Lock-free. */
  public Version<T> current() {
    return current;
  }

  /**
   * Publishes {@code newRoot} as the current version, with the next sequence number. A commit
   * stamped before its predecessor (a wall clock stepping back) is stamped with the predecessor's
   * time, so versions stay in time order.
   */
  public Version<T> commit(T newRoot, Instant at) {
    Objects.requireNonNull(at, "at");
    synchronized (writeLock) {
      Version<T> previous = current;
      Instant stamp = at.isBefore(previous.committedAt()) ? previous.committedAt() : at;
      Version<T> next = new Version<>(newRoot, stamp, previous.sequence() + 1);
      VersionHistory<T> past = history;
      if (past != null && secondOf(stamp) > secondOf(previous.committedAt())) {
        // The previous version was the last of its second: keep it. Appended before `current`
        // moves on, so a reader that sees `next` also sees it in the history.
        past.append(previous);
      }
      current = next;
      Instant oldestNeeded = past == null ? null : windowStart(stamp);
      if (oldestNeeded != null) {
        trim(oldestNeeded);
      }
      for (CommitListener<T> listener : listeners) {
        listener.committed(previous, next);
      }
      return next;
    }
  }

  /**
   * As {@link #commit}, but only while the current root is still {@code expected} (compared by
   * identity); null, committing nothing, when another commit came first.
   */
  public Version<T> commitIf(T expected, T newRoot, Instant at) {
    synchronized (writeLock) {
      return current.root() == expected ? commit(newRoot, at) : null;
    }
  }

  /**
   * Publishes {@code root} as committed at {@code at} even when that is before the current
   * version (a reset that set the clock back): kept versions after {@code at} are dropped, so
   * point-in-time reads and later commits follow the clock again. Listeners are told as of a commit.
   */
  public Version<T> rewind(T root, Instant at) {
    Objects.requireNonNull(at, "at");
    synchronized (writeLock) {
      Version<T> previous = current;
      if (!at.isBefore(previous.committedAt())) {
        return previous.root() == root ? previous : commit(root, at);
      }
      VersionHistory<T> past = history;
      if (past != null) {
        past.dropAfter(at);
      }
      Version<T> next = new Version<>(root, at, previous.sequence() + 1);
      current = next;
      for (CommitListener<T> listener : listeners) {
        listener.committed(previous, next);
      }
      return next;
    }
  }

  /**
   * Runs {@code action} with the current version while no commit can run (writers under either
   * side of the engine's lock commit here): a listener it adds is told of exactly the commits after
   * that version, none lost between reading it and listening, none told twice.
   */
  public void atCurrent(java.util.function.Consumer<Version<T>> action) {
    synchronized (writeLock) {
      action.accept(current);
    }
  }

  /** Adds a listener told of every later commit. */
  public void addCommitListener(CommitListener<T> listener) {
    listeners.add(Objects.requireNonNull(listener, "listener"));
  }

  /** Removes a listener added before; false when it was not there. */
  public boolean removeCommitListener(CommitListener<T> listener) {
    return listeners.remove(listener);
  }

  /**
   * Starts keeping one version per second for {@code window} back from the latest commit, or
   * changes the window of an enabled history (keeping what it holds).
   */
  public void enableHistory(Duration window) {
    Objects.requireNonNull(window, "window");
    if (window.isNegative()) {
      throw new IllegalArgumentException("history window must not be negative: " + window);
    }
    synchronized (writeLock) {
      this.window = window;
      if (history == null) {
        history = new VersionHistory<>();
      }
    }
  }

  /** Stops keeping versions and drops those kept. */
  public void disableHistory() {
    synchronized (writeLock) {
      history = null;
      window = null;
    }
  }

  /** The versions kept now, as a token for {@link #restoreHistory} (null while history is disabled). */
  public Object historyToken() {
    return history;
  }

  /**
   * Puts back the history of a {@link #historyToken()} (a reset): kept versions after {@code at}
   * are dropped, and a history a test disabled since comes back with what it held. A null token
   * disables history.
   */
  @SuppressWarnings("unchecked")
  public void restoreHistory(Object token, Duration historyWindow, Instant at) {
    synchronized (writeLock) {
      history = (VersionHistory<T>) token;
      window = token == null ? null : Objects.requireNonNull(historyWindow, "historyWindow");
      if (history != null) {
        history.dropAfter(at);
      }
    }
  }

  public boolean isHistoryEnabled() {
    return history != null;
  }

  /** The history window, or null while history is disabled. */
  public Duration historyWindow() {
    return window;
  }

  /** How many versions {@link #asOf} can answer with: the current one and those kept. */
  public int retainedVersions() {
    VersionHistory<T> past = history;
    return 1 + (past == null ? 0 : past.size());
  }

  /**
   * The last retained version committed at or before {@code t}; null when {@code t} is before all
   * of them. Without history, only the current version is retained. Lock-free.
   */
  public Version<T> asOf(Instant t) {
    Objects.requireNonNull(t, "t");
    // Current first: whatever the history holds by the time it is read covers everything older.
    Version<T> latest = current;
    if (!latest.committedAt().isAfter(t)) {
      return latest;
    }
    VersionHistory<T> past = history;
    return past == null ? null : past.floor(t);
  }

  /**
   * Every version {@link #asOf} can answer with, oldest first, the current one last (a durable
   * store's checkpoint of the PITR history).
   */
  public java.util.List<Version<T>> retained() {
    synchronized (writeLock) {
      VersionHistory<T> past = history;
      java.util.List<Version<T>> all = past == null ? new java.util.ArrayList<>() : past.all();
      all.add(current);
      return all;
    }
  }

  /** The oldest version {@link #asOf} can answer with. Lock-free. */
  public Version<T> earliest() {
    Version<T> latest = current;
    VersionHistory<T> past = history;
    Version<T> oldest = past == null ? null : past.first();
    return oldest != null ? oldest : latest;
  }

  /**
   * Drops the versions no restore at or after {@code cutoff} can need: all but the one in force at
   * {@code cutoff} and those after it.
   */
  public void trimBefore(Instant cutoff) {
    Objects.requireNonNull(cutoff, "cutoff");
    synchronized (writeLock) {
      if (history != null) {
        trim(cutoff);
      }
    }
  }

  /** The oldest instant a restore may ask for; null when the window reaches before Instant.MIN. */
  private Instant windowStart(Instant latest) {
    Duration reach = window;
    return latest.getEpochSecond() - Instant.MIN.getEpochSecond() > reach.getSeconds() ? latest.minus(reach) : null;
  }

  private void trim(Instant cutoff) {
    if (!current.committedAt().isAfter(cutoff)) {
      history.clear();
    } else {
      history.trimBefore(cutoff);
    }
  }

  /** The whole second that closes the half-open second (s - 1, s] holding {@code t}. */
  private static long secondOf(Instant t) {
    return t.getNano() == 0 ? t.getEpochSecond() : t.getEpochSecond() + 1;
  }
}
