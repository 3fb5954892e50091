package dev.dynamodouble.core.operation;

import dev.dynamodouble.core.capacity.Capacity;
import dev.dynamodouble.core.capacity.CapacityCharge;
import dev.dynamodouble.core.capacity.ConsumedCapacity;
import dev.dynamodouble.core.capacity.IndexWriteUnits;
import dev.dynamodouble.core.protocol.JsonRequest;
import dev.dynamodouble.core.protocol.JsonWritable;
import dev.dynamodouble.core.table.ItemKey;
import dev.dynamodouble.core.table.StoredItem;
import dev.dynamodouble.core.table.Table;
import dev.dynamodouble.core.value.AttributeValue;
import java.util.Map;

/** PutItem: creates or replaces an item. */
public final class PutItem implements Operation {

  @Override
  public JsonWritable execute(RequestContext context, JsonRequest request) {
    Map<String, AttributeValue> attributes = request.item("Item");
    ItemRequests.common(request, context.region(), "PutItem").notNull(attributes, "item").check();
    String returnValues = request.string("ReturnValues");
    WriteCondition condition = WriteCondition.ofPutOrDelete(request, "PutItem", returnValues);
    Table table = context.catalog().itemTable(request.string("TableName"));
    KeyPaths.check(table, condition.paths());
    ItemValidation.Keyed keyed = ItemValidation.keyed(table, attributes);
    StoredItem item = keyed.item();
    ItemKey key = keyed.key();

    ItemWrites.Outcome outcome = ItemWrites.apply(context, table, key, before -> {
      keyed.recheck(table); // an index added since the item was checked above
      condition.check(before);
      return keyed.item();
    });

    ConsumedCapacity capacity = new ConsumedCapacity(request.string("TableName")) // as named: its name or ARN
        .addTableWrite(Capacity.writeUnits(Math.max(item.size(), outcome.before() == null ? 0 : outcome.before().size())));
    IndexWriteUnits.add(capacity, table.snapshot(), key, outcome.before(), outcome.after());
    VectorWriteBytes.add(capacity, table, outcome.before(), outcome.after());
    CapacityCharge.record(context.call(), table, key.partition(), capacity);
    Map<String, AttributeValue> old = "ALL_OLD".equals(returnValues) && outcome.before() != null
        ? outcome.before().attributes() : null;
    return ItemResponse.of("Attributes", old, capacity, request.string("ReturnConsumedCapacity"))
        .withCollectionMetrics(request.string("ReturnItemCollectionMetrics"), table, attributes);
  }
}
