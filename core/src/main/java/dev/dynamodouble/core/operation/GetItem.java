package dev.dynamodouble.core.operation;

import dev.dynamodouble.core.capacity.Capacity;
import dev.dynamodouble.core.capacity.CapacityCharge;
import dev.dynamodouble.core.capacity.ConsumedCapacity;
import dev.dynamodouble.core.protocol.JsonRequest;
import dev.dynamodouble.core.protocol.JsonWritable;
import dev.dynamodouble.core.table.StoredItem;
import dev.dynamodouble.core.table.Table;
import dev.dynamodouble.core.value.AttributeValue;
import dev.dynamodouble.core.expression.Projection;
import java.util.Map;

/** GetItem: reads one item from the current root, without locking. */
public final class GetItem implements Operation {

  @Override
  public JsonWritable execute(RequestContext context, JsonRequest request) {
    Map<String, AttributeValue> key = request.item("Key");
    Boolean consistentRead = request.bool("ConsistentRead");
    ItemRequests.common(request, context.region(), "GetItem").notNull(key, "key").check();
    RequestExpressions expressions = RequestExpressions.of(request, "GetItem");
    Projection projection = expressions.projection();
    expressions.checkAllUsed();
    Table table = context.catalog().itemTable(request.string("TableName"));
    if (projection != null) {
      KeyPaths.check(table, projection.paths());
    }
    boolean consistent = consistentRead != null && consistentRead;
    StoredItem item = context.read(table, null, consistent).get(table.keySchema().keyOfKey(key));
    ConsumedCapacity capacity = new ConsumedCapacity(request.string("TableName")) // as named: its name or ARN
        .addTableRead(Capacity.readUnits(item == null ? 0 : item.size(), consistent));
    CapacityCharge.record(context.call(), table, key.get(table.keySchema().partition().name()), capacity);
    Map<String, AttributeValue> attributes = item == null ? null
        : projection == null ? item.attributes() : projection.apply(item.attributes());
    return ItemResponse.of("Item", attributes, capacity,
        request.string("ReturnConsumedCapacity"));
  }
}
