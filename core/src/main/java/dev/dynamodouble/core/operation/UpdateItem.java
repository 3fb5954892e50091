package dev.dynamodouble.core.operation;

import dev.dynamodouble.core.capacity.Capacity;
import dev.dynamodouble.core.capacity.CapacityCharge;
import dev.dynamodouble.core.capacity.ConsumedCapacity;
import dev.dynamodouble.core.capacity.IndexWriteUnits;
import dev.dynamodouble.core.expression.Update;
import dev.dynamodouble.core.expression.UpdateResult;
import dev.dynamodouble.core.protocol.JsonRequest;
import dev.dynamodouble.core.protocol.JsonWritable;
import dev.dynamodouble.core.table.ItemKey;
import dev.dynamodouble.core.table.StoredItem;
import dev.dynamodouble.core.table.Table;
import dev.dynamodouble.core.value.AttributeValue;
import java.util.Map;
import java.util.Set;

/**
 * UpdateItem: edits an item with an UpdateExpression (or legacy AttributeUpdates), creating it
 * when it does not exist (unless the update only removes), under an optional condition, returning what ReturnValues asks for.
 */
public final class UpdateItem implements Operation {

  @Override
  public JsonWritable execute(RequestContext context, JsonRequest request) {
    Map<String, AttributeValue> key = request.item("Key");
    ItemRequests.common(request, context.region(), "UpdateItem").notNull(key, "key").check();
    String returnValues = request.string("ReturnValues");
    RequestExpressions expressions = RequestExpressions.of(request, "UpdateItem");
    Update update = expressions.update();
    WriteCondition condition = WriteCondition.of(request, expressions.condition());
    expressions.checkAllUsed();
    if (update == null && request.has("AttributeUpdates")) {
      update = LegacyUpdates.attributeUpdates(request);
    }
    Table table = context.catalog().itemTable(request.string("TableName"));
    KeyPaths.check(table, condition.paths());
    ItemKey itemKey = table.keySchema().keyOfKey(key);
    Set<String> keyNames = table.keySchema().attributeNames();
    if (update != null) {
      update.checkKeyAttributes(keyNames); // DynamoDB refuses a key update before it evaluates the condition
      KeyPaths.check(table, update.updatedPaths());
    }
    Update change = update;
    UpdateResult[] result = new UpdateResult[1];

    ItemWrites.Outcome outcome = ItemWrites.apply(context, table, itemKey, before -> {
      condition.check(before);
      ItemUpdates.Result updated = ItemUpdates.apply(table, key, before, change);
      result[0] = updated.update();
      return updated.item();
    });

    StoredItem before = outcome.before();
    StoredItem after = outcome.after();
    ConsumedCapacity capacity = new ConsumedCapacity(request.string("TableName")) // as named: its name or ARN
        .addTableWrite(Capacity.writeUnits(Math.max(after == null ? 0 : after.size(), before == null ? 0 : before.size())));
    IndexWriteUnits.add(capacity, table.snapshot(), itemKey, outcome.before(), outcome.after());
    VectorWriteBytes.add(capacity, table, outcome.before(), outcome.after());
    CapacityCharge.record(context.call(), table, itemKey.partition(), capacity);
    Map<String, AttributeValue> returned = returned(returnValues, before, after, result[0]);
    return ItemResponse.of("Attributes", returned, capacity, request.string("ReturnConsumedCapacity"))
        .withCollectionMetrics(request.string("ReturnItemCollectionMetrics"), table, key);
  }

  private static Map<String, AttributeValue> returned(String mode, StoredItem before, StoredItem after,
                                                      UpdateResult result) {
    if (mode == null || mode.equals("NONE")) {
      return null;
    }
    switch (mode) {
      case "ALL_OLD":
        return before == null ? null : before.attributes();
      case "ALL_NEW":
        return after == null ? null : after.attributes();
      case "UPDATED_OLD":
        return result == null || before == null ? null : emptyToNull(result.updatedOld());
      case "UPDATED_NEW":
        return result == null ? null : emptyToNull(result.updatedNew());
      default:
        return null;
    }
  }

  private static Map<String, AttributeValue> emptyToNull(Map<String, AttributeValue> attributes) {
    return attributes == null || attributes.isEmpty() ? null : attributes;
  }
}
