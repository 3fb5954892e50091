package dev.dynamodouble.core.operation;

import dev.dynamodouble.core.error.DynamoException;
import dev.dynamodouble.core.expression.Update;
import dev.dynamodouble.core.expression.UpdateResult;
import dev.dynamodouble.core.table.StoredItem;
import dev.dynamodouble.core.table.Table;
import dev.dynamodouble.core.value.AttributeValue;
import dev.dynamodouble.core.value.ItemSize;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * UpdateItem's computation of the new item, shared with transactions: the update applies to the
 * current item, or to its key attributes when it does not exist yet (unless it only removes: then
 * no item), and the result must fit 400 KB.
 */
public final class ItemUpdates {
  private ItemUpdates() {}

  /** The new item (null: none), and what the update changed (null when there was no update to apply). */
  public record Result(StoredItem item, UpdateResult update) {}

  public static Result apply(Table table, Map<String, AttributeValue> key, StoredItem before, Update update) {
    if (before == null && update != null && update.removesOnly()) {
      return new Result(null, null); // as DynamoDB: nothing to take away, so no item is created
    }
    Map<String, AttributeValue> base = before != null ? before.attributes() : new LinkedHashMap<>(key);
    UpdateResult result = update == null ? null : update.apply(base, table.keySchema().attributeNames());
    Map<String, AttributeValue> after = result == null ? base : result.newItem();
    if (ItemSize.of(after) > ItemSize.MAX_ITEM_BYTES) {
      throw DynamoException.validation("Item size to update has exceeded the maximum allowed size");
    }
    return new Result(ItemValidation.storable(table, after), result);
  }
}
