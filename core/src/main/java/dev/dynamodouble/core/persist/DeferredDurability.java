package dev.dynamodouble.core.persist;

import dev.dynamodouble.core.engine.DurableWrites;

/**
 * A data directory as the transports see it. A request served deferred runs with the durable
 * store's wait switched off on its thread; what it appended is then handed to the log with the
 * answer, which the log runs once its force covers it (see {@link GroupCommitLog#whenDurable}).
 */
final class DeferredDurability implements DurableWrites {
  private final Runnable sync;
  private final DurableStore store;
  private final GroupCommitLog log;

  DeferredDurability(Runnable sync, DurableStore store, GroupCommitLog log) {
    this.sync = sync;
    this.store = store;
    this.log = log;
  }

  @Override
  public void sync() {
    sync.run();
  }

  @Override
  public void serveDeferred(Runnable request, Runnable answer, Runnable failed) {
    long position;
    store.deferring(true);
    try {
      request.run();
    } finally {
      position = store.deferring(false);
    }
    if (position > 0) {
      log.whenDurable(position, answer, failed);
    } else {
      answer.run();
    }
  }
}
