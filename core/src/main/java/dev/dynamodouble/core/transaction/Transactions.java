package dev.dynamodouble.core.transaction;

import dev.dynamodouble.core.engine.Catalog;
import dev.dynamodouble.core.engine.Engine;
import dev.dynamodouble.core.table.Table;
import dev.dynamodouble.core.value.AttributeValue;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * The transactions of an engine: which items are in flight, the idempotency tokens, and the hooks
 * that let a test (or a fault rule) keep items in flight on purpose.
 *
 * <p>A TransactWriteItems runs in two passes under the engine's write lock. The first claims its
 * items: if another transaction holds one of them, it is cancelled with a TransactionConflict
 * reason for that item. Between the passes the transaction is in flight, without the lock, and
 * the {@link #whileInFlight} hooks run. The second pass checks the conditions against the
 * current items, publishes every table's new root at once (or nothing), and releases the items.
 * A single-item write that meets a claimed item fails with TransactionConflictException, and a
 * TransactGetItems that meets one is cancelled, as DynamoDB does; GetItem, Query and Scan read
 * committed roots and never conflict.
 *
 * <p>The in-flight map is guarded by the engine's write lock: every method that reads or changes
 * it takes the lock or documents that its caller holds it.
 */
public final class Transactions {
  private final Engine engine;
  private final Map<ItemRef, InFlightTransaction> inFlight = new HashMap<>();
  private final AtomicLong ids = new AtomicLong();
  private final List<Consumer<InFlightTransaction>> hooks = new CopyOnWriteArrayList<>();
  private final IdempotencyTokens tokens = new IdempotencyTokens();

  public Transactions(Engine engine) {
    this.engine = engine;
  }

  public Engine engine() {
    return engine;
  }

  /** The ClientRequestTokens of TransactWriteItems. */
  public IdempotencyTokens tokens() {
    return tokens;
  }

  // ---- the in-flight items ----------------------------------------------------------------

  /** The transaction {@code item} is in flight in, or null. The caller holds the write lock. */
  public InFlightTransaction holderOf(ItemRef item) {
    requireLock();
    return inFlight.get(item);
  }

  /**
   * Fails with TransactionConflictException when {@code item} is in flight in a transaction: what
   * PutItem, UpdateItem and DeleteItem do before they write. The caller holds the write lock.
   */
  public void checkNotInFlight(ItemRef item) {
    if (!engine.holdsLock()) { // either side: claims are made under the exclusive one
      throw new IllegalStateException("the engine's write lock is required");
    }
    if (!inFlight.isEmpty() && inFlight.containsKey(item)) {
      throw TransactionErrors.conflict();
    }
  }

  /**
   * Claims {@code items} for a new transaction, or returns null when one of them is already in
   * flight (then nothing is claimed). The caller holds the write lock and has checked that the
   * items are distinct.
   */
  InFlightTransaction claim(InFlightTransaction.Kind kind, String region, List<ItemRef> items) {
    requireLock();
    for (ItemRef item : items) {
      if (inFlight.containsKey(item)) {
        return null;
      }
    }
    InFlightTransaction transaction = new InFlightTransaction(ids.incrementAndGet(), kind, region, items);
    for (ItemRef item : items) {
      inFlight.put(item, transaction);
    }
    return transaction;
  }

  /** Releases the items of {@code transaction}; the caller holds the write lock. Idempotent. */
  void releaseLocked(InFlightTransaction transaction) {
    requireLock();
    if (transaction.released()) {
      return;
    }
    for (ItemRef item : transaction.items()) {
      inFlight.remove(item, transaction);
    }
    transaction.markReleased();
  }

  /** Releases the items of {@code transaction}. Idempotent. */
  void release(InFlightTransaction transaction) {
    engine.write(() -> releaseLocked(transaction));
  }

  /** The number of items in flight now. */
  public int inFlightItems() {
    return engine.write(inFlight::size);
  }

  // ---- hooks for tests and fault injection --------------------------------------------------

  /**
   * Keeps the item with {@code key} in {@code tableName} of {@code region} in flight, as if another
   * client's transaction held it, until the returned hold is closed. Meanwhile PutItem, UpdateItem
   * and DeleteItem of the item fail with TransactionConflictException, and TransactWriteItems and
   * TransactGetItems that touch it are cancelled with a TransactionConflict reason for it.
   *
   * @param key the item's primary key attributes
   * @throws IllegalArgumentException when the table does not exist or the key does not fit it
   * @throws IllegalStateException when the item is already in flight
   */
  public InFlightHold holdInFlight(String region, String tableName, Map<String, AttributeValue> key) {
    Catalog catalog = engine.region(region);
    Table table = catalog.find(tableName);
    if (table == null) {
      throw new IllegalArgumentException("no table " + tableName + " in " + region);
    }
    ItemRef item;
    try {
      item = new ItemRef(table, table.keySchema().keyOfKey(key));
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("not a key of " + tableName + ": " + key + " (" + e.getMessage() + ")", e);
    }
    return holdInFlight(region, List.of(item));
  }

  /** Keeps {@code items} in flight until the returned hold is closed; see {@link #holdInFlight(String, String, Map)}. */
  public InFlightHold holdInFlight(String region, List<ItemRef> items) {
    InFlightTransaction transaction = engine.write(() -> claim(InFlightTransaction.Kind.HOLD, region, items));
    if (transaction == null) {
      throw new IllegalStateException("an item of " + items + " is already in flight");
    }
    return new InFlightHold(this, transaction);
  }

  /**
   * Runs {@code hook} for every TransactWriteItems while it is in flight: after it claimed its
   * items and before it commits, on the thread serving it, without the engine's lock. A hook may
   * block to keep the transaction in flight: while any hook is registered, the HTTP endpoint
   * serves TransactWriteItems on its request workers, never on an event loop. Closing the
   * returned handle removes the hook.
   */
  public AutoCloseable whileInFlight(Consumer<InFlightTransaction> hook) {
    hooks.add(hook);
    return () -> hooks.remove(hook);
  }

  /** Whether a hook is registered: a transaction may then block in flight (see {@link #whileInFlight}). */
  public boolean hasHooks() {
    return !hooks.isEmpty();
  }

  void runHooks(InFlightTransaction transaction) {
    for (Consumer<InFlightTransaction> hook : hooks) {
      hook.accept(transaction);
    }
  }

  /** What an engine reset clears: the idempotency tokens (items in flight stay with their holders). */
  public void reset() {
    tokens.clear();
  }

  private void requireLock() {
    if (!engine.holdsWriteLock()) {
      throw new IllegalStateException("the engine's write lock is required");
    }
  }
}
