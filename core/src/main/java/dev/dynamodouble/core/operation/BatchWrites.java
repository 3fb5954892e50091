package dev.dynamodouble.core.operation;

import dev.dynamodouble.core.capacity.Capacity;
import dev.dynamodouble.core.capacity.CapacityCharge;
import dev.dynamodouble.core.capacity.ConsumedCapacity;
import dev.dynamodouble.core.capacity.IndexWriteUnits;
import dev.dynamodouble.core.feed.ChangeFeed;
import dev.dynamodouble.core.feed.Origin;
import dev.dynamodouble.core.protocol.JsonRequest;
import dev.dynamodouble.core.table.IndexDefinition;
import dev.dynamodouble.core.table.ItemKey;
import dev.dynamodouble.core.table.StoredItem;
import dev.dynamodouble.core.table.Table;
import dev.dynamodouble.core.table.TableData;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The writing half of BatchWriteItem: its admitted puts and deletes, committed table by table,
 * each table's part in one new root (all of it or nothing). DynamoDB does not make a batch atomic
 * across items, so tables commit one after the other.
 *
 * <p>As for single-item writes ({@link ItemWrites}), a batch whose tables nobody follows runs under
 * the shared side of the engine's lock: each table's part commits only over the root it was
 * applied to, else it is applied again to the new root (puts and deletes without conditions: a
 * pure function of the root). A batch to any followed table takes the exclusive side, so the feed
 * publishes its edits in commit order.
 *
 * <p>Items a transaction holds in flight are written as on the exclusive side: BatchWriteItem has
 * never checked them (only PutItem, UpdateItem and DeleteItem answer TransactionConflict).
 */
final class BatchWrites {
  private BatchWrites() {}

  /**
   * One put ({@code item} set) or delete ({@code item} null), the request it came from, the table
   * as the request named it (its name or its ARN: UnprocessedItems answers it the same way), and
   * the global secondary indexes a put's item was checked against.
   */
  record Write(Table table, ItemKey key, StoredItem item, JsonRequest raw, String requestedAs,
               List<IndexDefinition> checkedIndexes) {}

  /**
   * Writes {@code writes}, each once, and pays for each (the call's capacity charge, and
   * {@code capacities} by the table as the request named it) from the item it replaced in the
   * root its table committed over.
   */
  static void apply(RequestContext context, List<Write> writes, Map<String, ConsumedCapacity> capacities) {
    Map<Table, List<Write>> byTable = new LinkedHashMap<>();
    for (Write write : writes) {
      byTable.computeIfAbsent(write.table(), t -> new ArrayList<>()).add(write);
    }
    context.engine().writeSharedIfUnfollowed(byTable.keySet(), shared -> {
      write(context, writes, byTable, capacities, shared);
      return null;
    });
  }

  private static void write(RequestContext context, List<Write> writes, Map<Table, List<Write>> byTable,
                            Map<String, ConsumedCapacity> capacities, boolean shared) {
    for (Write write : writes) { // checked first: a refusal leaves nothing of the batch written
      context.catalog().requireItemTable(write.table()); // resolved before the lock: deleted since?
      context.engine().replication().checkNoConflict(write.table(), write.key());
      if (write.item() != null) { // an index added since the item was checked
        ItemValidation.recheck(write.table(), write.checkedIndexes(), write.item());
      }
    }
    byTable.forEach((table, tableWrites) -> {
      Part part = commit(context, table, tableWrites, shared);
      for (int i = 0; i < tableWrites.size(); i++) { // only now: an attempt that lost its commit paid nothing
        ConsumedCapacity consumed = part.consumed().get(i);
        CapacityCharge.record(context.call(), table, tableWrites.get(i).key().partition(), consumed);
        capacities.computeIfAbsent(tableWrites.get(i).requestedAs(), ConsumedCapacity::new).add(consumed);
      }
    });
  }

  /** Applies one table's writes to its current root and commits the result; again on a lost compare-and-set. */
  private static Part commit(RequestContext context, Table table, List<Write> writes, boolean shared) {
    ChangeFeed feed = context.engine().feed();
    while (true) {
      TableData data = table.snapshot();
      Part part = Part.of(data, writes, !shared); // edits are for subscribers: only a followed table has any
      if (part.data() == data) { // deletes of absent items only: nothing to commit
        return part;
      }
      if (!shared) {
        feed.commit(table, part.data(), context.now(), Origin.BATCH, part.edits());
        return part;
      }
      if (feed.commitIf(table, data, part.data(), context.now(), writes.size()) != null) {
        return part;
      }
      // another shared writer committed to this table since we read it: apply the part again
    }
  }

  /**
   * One table's writes applied to one of its roots: the resulting root, the edits (null unless
   * asked for) and what each write consumed, in the writes' order.
   */
  private record Part(TableData data, List<ChangeFeed.Edit> edits, List<ConsumedCapacity> consumed) {
    static Part of(TableData data, List<Write> writes, boolean withEdits) {
      List<ChangeFeed.Edit> edits = withEdits ? new ArrayList<>(writes.size()) : null;
      List<ConsumedCapacity> consumed = new ArrayList<>(writes.size());
      for (Write write : writes) {
        StoredItem before;
        TableData next;
        if (write.item() == null) {
          before = data.get(write.key());
          next = data.delete(write.key());
        } else {
          TableData.Written written = data.write(write.key(), write.item()); // one search for both
          before = written.before();
          next = written.data();
        }
        long bytes = Math.max(before == null ? 0 : before.size(), write.item() == null ? 0 : write.item().size());
        ConsumedCapacity itemCapacity = new ConsumedCapacity(write.table().name()).addTableWrite(Capacity.writeUnits(bytes));
        IndexWriteUnits.add(itemCapacity, data, write.key(), before, write.item());
        VectorWriteBytes.add(itemCapacity, write.table(), before, write.item());
        consumed.add(itemCapacity);
        if (edits != null) {
          edits.add(new ChangeFeed.Edit(write.key(), before, write.item()));
        }
        data = next;
      }
      return new Part(data, edits, consumed);
    }
  }
}
