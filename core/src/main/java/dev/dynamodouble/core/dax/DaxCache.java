package dev.dynamodouble.core.dax;

import dev.dynamodouble.core.engine.SnapshotParticipant;
import dev.dynamodouble.core.protocol.JsonObject;
import dev.dynamodouble.core.time.DynamoClock;
import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * DAX's two caches. The item cache holds whole items (or their absence: negative entries) by table
 * and key, for GetItem, BatchGetItem and the write-through of writes made via DAX. The query cache
 * holds whole Query and Scan results by the exact request, and no write ever touches it. Entries
 * expire after their TTL on the engine clock and the least recently used go first when a cache is
 * full. An engine reset empties both.
 */
public final class DaxCache implements SnapshotParticipant {
  /** A cached item, or a cached miss when {@code item} is null. */
  record Hit(JsonObject item) {}

  private record ItemRef(String table, ByteBuffer key) {}

  private record QueryRef(String operation, ByteBuffer request) {}

  private record Entry<V>(V value, long expiresAt) {}

  private final DynamoClock clock;
  private final DaxSettings settings;
  private final Map<ItemRef, Entry<JsonObject>> items;
  private final Map<QueryRef, Entry<JsonObject>> queries;

  public DaxCache(DynamoClock clock, DaxSettings settings) {
    this.clock = clock;
    this.settings = settings;
    this.items = lru(settings.maxItems());
    this.queries = lru(settings.maxQueries());
  }

  private static <K, V> Map<K, V> lru(int capacity) {
    return new LinkedHashMap<>(16, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
        return size() > capacity;
      }
    };
  }

  public DaxSettings settings() {
    return settings;
  }

  /** The cached item (or cached miss) for a key, or null when nothing live is cached. */
  synchronized Hit item(String table, byte[] key) {
    Entry<JsonObject> entry = live(items, new ItemRef(table, ByteBuffer.wrap(key)));
    return entry == null ? null : new Hit(entry.value());
  }

  /** Caches an item, or its absence when {@code item} is null. */
  synchronized void putItem(String table, byte[] key, JsonObject item) {
    if (settings.maxItems() > 0) {
      items.put(new ItemRef(table, ByteBuffer.wrap(key.clone())), expiring(item, settings.itemTtl().toMillis()));
    }
  }

  /** Forgets a key: a write via DAX whose resulting item DAX does not know. */
  synchronized void evictItem(String table, byte[] key) {
    items.remove(new ItemRef(table, ByteBuffer.wrap(key)));
  }

  /** The cached result of exactly this Query or Scan, or null. */
  synchronized JsonObject query(String operation, byte[] request) {
    Entry<JsonObject> entry = live(queries, new QueryRef(operation, ByteBuffer.wrap(request)));
    return entry == null ? null : entry.value();
  }

  synchronized void putQuery(String operation, byte[] request, JsonObject result) {
    if (settings.maxQueries() > 0) {
      queries.put(new QueryRef(operation, ByteBuffer.wrap(request.clone())),
          expiring(result, settings.queryTtl().toMillis()));
    }
  }

  private <V> Entry<V> expiring(V value, long ttlMillis) {
    return new Entry<>(value, clock.millis() + ttlMillis);
  }

  private <K, V> Entry<V> live(Map<K, Entry<V>> cache, K key) {
    Entry<V> entry = cache.get(key);
    if (entry != null && clock.millis() >= entry.expiresAt()) {
      cache.remove(key);
      return null;
    }
    return entry;
  }

  /** Empties both caches. */
  public synchronized void clear() {
    items.clear();
    queries.clear();
  }

  @Override
  public Object capture() {
    return Boolean.TRUE; // a reset always starts with cold caches
  }

  @Override
  public void restore(Object state) {
    clear();
  }
}
