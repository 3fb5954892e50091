package dev.dynamodouble.core.operation;

import dev.dynamodouble.core.capacity.Capacity;
import dev.dynamodouble.core.capacity.CapacityCharge;
import dev.dynamodouble.core.capacity.ConsumedCapacity;
import dev.dynamodouble.core.engine.Engine;
import dev.dynamodouble.core.error.DynamoException;
import dev.dynamodouble.core.error.ErrorCode;
import dev.dynamodouble.core.feed.Origin;
import dev.dynamodouble.core.table.ItemKey;
import dev.dynamodouble.core.table.StoredItem;
import dev.dynamodouble.core.table.Table;
import dev.dynamodouble.core.table.TableData;
import dev.dynamodouble.core.transaction.ItemRef;
import java.util.function.UnaryOperator;

/**
 * The read-modify-write shared by PutItem, UpdateItem and DeleteItem: read the current item,
 * compute its replacement (which may throw, e.g. a failed condition, leaving nothing written), and
 * commit a new root of the table. An item in flight in a transaction is not written:
 * TransactionConflictException, as DynamoDB answers.
 *
 * <p>A table whose changes some subscriber follows (a stream, replication, durable storage, ...)
 * is written under the engine's exclusive lock, so the feed publishes in commit order. Any other
 * table is written under the lock's shared side: writes to it run side by side and each commits
 * only if the root it read is still current, else reads again and redoes its change (a change is
 * a pure function of the item before). On two cores with more client threads than cores, a
 * writer the OS takes off its core while holding the exclusive lock makes every other writer
 * park; a shared writer blocks nobody.
 *
 * <p>The table was resolved before either side of the lock was taken: it is checked again under
 * the lock, or a write racing a DeleteTable (or a restore that drops the table) would commit to a
 * table no longer in its catalog and answer success for an item nobody can read.
 */
public final class ItemWrites {
  private ItemWrites() {}

  /** The item before and after one write; {@code after} is null when the item was deleted. */
  public record Outcome(StoredItem before, StoredItem after) {}

  /**
   * Applies {@code change} to the item under {@code key}. The change receives the current item
   * (or null) and returns the new item, or null to delete it; it may run more than once.
   */
  public static Outcome apply(RequestContext context, Table table, ItemKey key, UnaryOperator<StoredItem> change) {
    return context.engine().writeSharedIfUnfollowed(table, shared -> write(context, table, key, change, shared));
  }

  private static Outcome write(RequestContext context, Table table, ItemKey key, UnaryOperator<StoredItem> change,
                               boolean shared) {
    Engine engine = context.engine();
    context.catalog().requireItemTable(table); // no table removal runs beside either side of the lock
    while (true) {
      engine.transactions().checkNotInFlight(new ItemRef(table, key));
      engine.replication().checkNoConflict(table, key);
      TableData data = table.snapshot();
      StoredItem before = data.get(key);
      StoredItem after;
      try {
        after = change.apply(before);
      } catch (DynamoException e) {
        if (e.code() == ErrorCode.CONDITIONAL_CHECK_FAILED) { // a failed condition still costs the item's write units
          CapacityCharge.record(context.call(), table, key.partition(), new ConsumedCapacity(table.name())
              .addTableWrite(Capacity.writeUnits(before == null ? 0 : before.size())));
        }
        throw e;
      }
      if (after != null && !table.localIndexes().isEmpty()) {
        checkCollectionSize(context, data, key, before, after);
      }
      TableData next = after == null ? data.delete(key) : data.put(key, after, before);
      if (next == data) {
        return new Outcome(before, after);
      }
      if (!shared) {
        engine.feed().commit(table, next, context.now(), Origin.ITEM_WRITE, key, before, after);
        return new Outcome(before, after);
      }
      if (engine.feed().commitIf(table, data, next, context.now()) != null) {
        return new Outcome(before, after);
      }
      // another shared writer committed to this table since we read it: read again
    }
  }

  /** Tables with local secondary indexes limit each partition's items (an item collection) to 10 GB. */
  private static void checkCollectionSize(RequestContext context, TableData data, ItemKey key, StoredItem before,
                                          StoredItem after) {
    long limit = context.engine().options().itemCollectionLimitBytes();
    long size = ItemCollections.sizeOf(data, key.partition()) - (before == null ? 0 : before.size()) + after.size();
    if (size > limit) {
      throw new DynamoException(ErrorCode.ITEM_COLLECTION_SIZE_LIMIT_EXCEEDED, "Collection size exceeded.");
    }
  }
}
