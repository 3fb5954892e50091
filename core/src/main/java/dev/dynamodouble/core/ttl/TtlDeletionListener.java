package dev.dynamodouble.core.ttl;

/**
 * Told of each item the TTL sweeper deletes, right after the commit that removed it, on the thread
 * that ran the sweep and under the engine's write lock (so in commit order). Must be quick.
 */
@FunctionalInterface
public interface TtlDeletionListener {
  void deleted(TtlDeletion deletion);
}
