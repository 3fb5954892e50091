package dev.dynamodouble.core.operation;

import dev.dynamodouble.core.capacity.Capacity;
import dev.dynamodouble.core.capacity.CapacityCharge;
import dev.dynamodouble.core.capacity.ConsumedCapacity;
import dev.dynamodouble.core.capacity.IndexWriteUnits;
import dev.dynamodouble.core.protocol.JsonRequest;
import dev.dynamodouble.core.protocol.JsonWritable;
import dev.dynamodouble.core.table.ItemKey;
import dev.dynamodouble.core.table.Table;
import dev.dynamodouble.core.value.AttributeValue;
import java.util.Map;

/** DeleteItem: removes one item (a no-op when it does not exist). */
public final class DeleteItem implements Operation {

  @Override
  public JsonWritable execute(RequestContext context, JsonRequest request) {
    Map<String, AttributeValue> key = request.item("Key");
    ItemRequests.common(request, context.region(), "DeleteItem").notNull(key, "key").check();
    String returnValues = request.string("ReturnValues");
    WriteCondition condition = WriteCondition.ofPutOrDelete(request, "DeleteItem", returnValues);
    Table table = context.catalog().itemTable(request.string("TableName"));
    KeyPaths.check(table, condition.paths());
    ItemKey itemKey = table.keySchema().keyOfKey(key);

    ItemWrites.Outcome outcome = ItemWrites.apply(context, table, itemKey, before -> {
      condition.check(before);
      return null;
    });

    ConsumedCapacity capacity = new ConsumedCapacity(request.string("TableName")) // as named: its name or ARN
        .addTableWrite(Capacity.writeUnits(outcome.before() == null ? 0 : outcome.before().size()));
    IndexWriteUnits.add(capacity, table.snapshot(), itemKey, outcome.before(), outcome.after());
    VectorWriteBytes.add(capacity, table, outcome.before(), outcome.after());
    CapacityCharge.record(context.call(), table, itemKey.partition(), capacity);
    Map<String, AttributeValue> old = "ALL_OLD".equals(returnValues) && outcome.before() != null
        ? outcome.before().attributes() : null;
    return ItemResponse.of("Attributes", old, capacity, request.string("ReturnConsumedCapacity"))
        .withCollectionMetrics(request.string("ReturnItemCollectionMetrics"), table, key);
  }
}
