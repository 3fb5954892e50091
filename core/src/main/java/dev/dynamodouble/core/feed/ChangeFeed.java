package dev.dynamodouble.core.feed;

import dev.dynamodouble.core.storage.Version;
import dev.dynamodouble.core.table.ItemKey;
import dev.dynamodouble.core.table.StoredItem;
import dev.dynamodouble.core.table.Table;
import dev.dynamodouble.core.table.TableData;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The engine's change feed (see the package documentation): every writer commits a table's new
 * root here, with the item edits that produced it, and subscribers hear of every real change in
 * commit order. Call {@link #commit} under the engine's exclusive write lock ({@link #commitIf}: see there).
 */
public final class ChangeFeed {
  /** One item edit a writer made: the item before and after (either may be null). */
  public record Edit(ItemKey key, StoredItem before, StoredItem after) {}

  private final List<FeedSubscriber> subscribers = new CopyOnWriteArrayList<>();
  /**
   * Engine-wide change counter; written under the engine's write lock, or by {@link #commitIf}
   * under its shared side (then atomically: shared writers run side by side).
   */
  private volatile long sequence;
  private static final java.lang.invoke.VarHandle SEQUENCE;

  static {
    try {
      SEQUENCE = java.lang.invoke.MethodHandles.lookup().findVarHandle(ChangeFeed.class, "sequence", long.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  public void subscribe(FeedSubscriber subscriber) {
    subscribers.add(Objects.requireNonNull(subscriber, "subscriber"));
  }

  public boolean unsubscribe(FeedSubscriber subscriber) {
    return subscribers.remove(subscriber);
  }

  /** The sequence of the last change published (0 before the first). */
  public long lastSequence() {
    return sequence;
  }

  /**
   * Continues the sequence after {@code last} (a data directory's recovery: stream sequence numbers
   * keep increasing across a restart). Call under the engine's write lock, before any commit.
   */
  public void continueAfter(long last) {
    if (last > sequence) {
      sequence = last;
    }
  }

  /** Commits one item edit: {@code next} is the table's new root. */
  public Version<TableData> commit(Table table, TableData next, Instant at, Origin origin, ItemKey key,
                                   StoredItem before, StoredItem after) {
    return commit(table, next, at, origin, key, before, after, null);
  }

  /**
   * Commits one item edit first made at {@code createdAt} (a replicated change: its commit time in
   * the region that made it; null: now).
   */
  public Version<TableData> commit(Table table, TableData next, Instant at, Origin origin, ItemKey key,
                                   StoredItem before, StoredItem after, Instant createdAt) {
    Version<TableData> version = table.versions().commit(next, at);
    if (!unfollowed(table) && ItemChange.changes(before, after)) {
      Instant committed = version.committedAt();
      publish(table, List.of(new ItemChange(++sequence, table, key, before, after, committed, origin,
          createdAt == null ? committed : createdAt)));
    } else {
      sequence++;
    }
    return version;
  }

  /**
   * Whether no subscriber follows {@code table}'s changes: then a single-item write, or a batch's
   * writes to the table, may commit by {@link #commitIf} under the shared side of the engine's lock (subscribers hear commits in order,
   * one at a time, which only the exclusive side gives).
   */
  public boolean unfollowed(Table table) {
    return subscribers.isEmpty() || !wanted(table);
  }

  /**
   * Commits {@code next} as the new root of a table nobody follows ({@link #unfollowed}), if its
   * root is still {@code expected}; null when another writer committed first. Under the engine's
   * lock, either side.
   */
  public Version<TableData> commitIf(Table table, TableData expected, TableData next, Instant at) {
    return commitIf(table, expected, next, at, 1);
  }

  /**
   * As {@link #commitIf(Table, TableData, TableData, Instant)}, for a root that {@code edits} item
   * edits made (a batch's writes to one table): the sequence moves on by as many, as
   * {@link #commit(Table, TableData, Instant, Origin, List)} moves it, whichever side of the lock commits.
   */
  public Version<TableData> commitIf(Table table, TableData expected, TableData next, Instant at, int edits) {
    Version<TableData> version = table.versions().commitIf(expected, next, at);
    if (version != null) {
      SEQUENCE.getAndAdd(this, (long) edits);
    }
    return version;
  }

  /** Commits several item edits of one table in one new root. */
  public Version<TableData> commit(Table table, TableData next, Instant at, Origin origin, List<Edit> edits) {
    Version<TableData> version = table.versions().commit(next, at);
    if (unfollowed(table)) {
      sequence += edits.size();
      return version;
    }
    List<ItemChange> changes = new ArrayList<>(edits.size());
    for (Edit edit : edits) {
      if (ItemChange.changes(edit.before(), edit.after())) {
        changes.add(new ItemChange(++sequence, table, edit.key(), edit.before(), edit.after(), version.committedAt(),
            origin));
      }
    }
    if (!changes.isEmpty()) {
      publish(table, changes);
    }
    return version;
  }

  /**
   * Runs {@code commits} (several {@link #commit}s, of one table or more) as one atomic change:
   * subscribers hear where it starts and where it ends.
   */
  public void together(Runnable commits) {
    for (FeedSubscriber subscriber : subscribers) {
      subscriber.groupStarted();
    }
    try {
      commits.run();
    } finally {
      for (FeedSubscriber subscriber : subscribers) {
        subscriber.groupEnded();
      }
    }
  }

  /**
   * Commits a root that changes no item (an index added or dropped); subscribers hear nothing.
   */
  public Version<TableData> commitSchema(Table table, TableData next, Instant at) {
    return table.versions().commit(next, at);
  }

  /**
   * Replaces the table's contents as a whole (a reset, a restore); subscribers hear of it once,
   * even when the contents were already {@code next} (a reset puts back more than items).
   */
  public void replace(Table table, TableData next, Instant at, Origin origin) {
    if (next != table.snapshot()) {
      at = table.versions().commit(next, at).committedAt();
    }
    for (FeedSubscriber subscriber : subscribers) {
      subscriber.replaced(table, origin, at);
    }
  }

  /** What the subscribers keep for a table, for a later {@link #reset}; part of an engine snapshot. */
  public record Captured(java.util.Map<FeedSubscriber, Object> states) {}

  /** Captures the subscribers' state for the table (with an engine snapshot). */
  public Captured capture(Table table) {
    java.util.Map<FeedSubscriber, Object> states = new java.util.IdentityHashMap<>();
    for (FeedSubscriber subscriber : subscribers) {
      Object state = subscriber.capture(table);
      if (state != null) {
        states.put(subscriber, state);
      }
    }
    return new Captured(states);
  }

  /** Puts the table back to a snapshot: its contents, then each subscriber's captured state. */
  public void reset(Table table, TableData contents, Instant at, Captured captured) {
    if (contents != table.snapshot() || table.versions().current().committedAt().isAfter(at)) {
      // rewind: a reset may have set the clock back before the table's last commit
      at = table.versions().rewind(contents, at).committedAt();
    }
    for (FeedSubscriber subscriber : subscribers) {
      subscriber.reset(table, at, captured == null ? null : captured.states().get(subscriber));
    }
  }

  private boolean wanted(Table table) {
    for (FeedSubscriber subscriber : subscribers) {
      if (subscriber.wants(table)) {
        return true;
      }
    }
    return false;
  }

  private void publish(Table table, List<ItemChange> changes) {
    for (FeedSubscriber subscriber : subscribers) {
      if (subscriber.wants(table)) {
        subscriber.committed(table, changes);
      }
    }
  }
}
