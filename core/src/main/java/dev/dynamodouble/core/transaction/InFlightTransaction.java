package dev.dynamodouble.core.transaction;

import java.util.List;

/**
 * A transaction between its prepare and its commit: the items it has claimed. While it is in
 * flight, a PutItem, UpdateItem or DeleteItem of one of its items fails with
 * TransactionConflictException, and another TransactWriteItems or a TransactGetItems that touches
 * one of them is cancelled with a {@code TransactionConflict} reason for that item.
 *
 * <p>Real transactions are in flight for the short time between their two passes under the
 * engine's write lock; {@link Transactions#holdInFlight} puts a stand-in in flight for as long as
 * a test (or a fault rule) wants.
 */
public final class InFlightTransaction {
  /** What holds the items. */
  public enum Kind {
    /** A TransactWriteItems request between its prepare and its commit. */
    WRITE,
    /** A stand-in put in flight by {@link Transactions#holdInFlight}. */
    HOLD
  }

  private final long id;
  private final Kind kind;
  private final String region;
  private final List<ItemRef> items;
  private boolean released; // guarded by the engine's write lock

  InFlightTransaction(long id, Kind kind, String region, List<ItemRef> items) {
    this.id = id;
    this.kind = kind;
    this.region = region;
    this.items = List.copyOf(items);
  }

  /** A number unique within the engine, increasing in the order transactions went in flight. */
  public long id() {
    return id;
  }

  public Kind kind() {
    return kind;
  }

  public String region() {
    return region;
  }

  /** The items claimed, in request order. */
  public List<ItemRef> items() {
    return items;
  }

  /** Whether an item of the table named {@code tableName} is part of this transaction. */
  public boolean touches(String tableName) {
    for (ItemRef item : items) {
      if (item.table().name().equals(tableName)) {
        return true;
      }
    }
    return false;
  }

  boolean released() {
    return released;
  }

  void markReleased() {
    released = true;
  }

  @Override
  public String toString() {
    return "InFlightTransaction[" + id + " " + kind + " " + items.size() + " items]";
  }
}
