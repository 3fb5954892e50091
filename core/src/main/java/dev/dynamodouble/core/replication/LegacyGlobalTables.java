package dev.dynamodouble.core.replication;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Global tables version 2017.11.29 (legacy): the global tables CreateGlobalTable made, by name.
 * They belong to the account, not to a region, as their ARN does
 * ({@code arn:aws:dynamodb::<account>:global-table/<name>}). Which regions replicate is the
 * replication group of that name in {@link Replication}, so a replica's DeleteTable leaves it.
 * Changed under the engine's write lock; read without locking.
 */
public final class LegacyGlobalTables {
  /** GlobalTableStatus. */
  public enum Status { CREATING, ACTIVE, UPDATING, DELETING }

  /** One legacy global table. */
  public record Entry(String name, String arn, Instant created, Status status) {
    public Entry withStatus(Status newStatus) {
      return new Entry(name, arn, created, newStatus);
    }
  }

  private final Map<String, Entry> byName = new ConcurrentHashMap<>();

  LegacyGlobalTables() {}

  /** The legacy global table of that name, or null. */
  public Entry get(String name) {
    return byName.get(name);
  }

  /** Every legacy global table, by name. */
  public List<Entry> all() {
    return List.copyOf(new TreeMap<>(byName).values());
  }

  /** Records (or replaces) an entry. Under the lock. */
  public void put(Entry entry) {
    byName.put(entry.name(), entry);
  }

  /** Puts a captured entry back (null: none of that name). */
  void restore(String name, Entry entry) {
    if (entry == null) {
      byName.remove(name);
    } else {
      byName.put(name, entry);
    }
  }
}
