package dev.dynamodouble.core.transaction;

import dev.dynamodouble.core.error.DynamoException;
import dev.dynamodouble.core.error.ErrorCode;
import dev.dynamodouble.core.expression.Condition;
import dev.dynamodouble.core.expression.Update;
import dev.dynamodouble.core.operation.ItemUpdates;
import dev.dynamodouble.core.operation.ItemValidation;
import dev.dynamodouble.core.table.ItemKey;
import dev.dynamodouble.core.table.StoredItem;
import dev.dynamodouble.core.table.Table;
import dev.dynamodouble.core.value.AttributeValue;
import java.util.Map;

/**
 * One validated action of a TransactWriteItems request: what it does to which item, under which
 * condition. {@link #evaluate} decides it against the item as it is when the transaction commits.
 */
public final class WriteAction {
  /** The four kinds of action. */
  public enum Kind {
    PUT, UPDATE, DELETE, CONDITION_CHECK;

    /** Whether the action writes its item. */
    public boolean writes() {
      return this != CONDITION_CHECK;
    }
  }

  /** The decision for one action: a cancellation reason, or the item after it (null: none). */
  public record Decision(CancellationReason reason, StoredItem after) {
    public boolean failed() {
      return !reason.isNone();
    }
  }

  private final Kind kind;
  private final Table table;
  private final ItemKey key;
  private final String keyError;
  private final Map<String, AttributeValue> keyAttributes;
  private final StoredItem item;
  private final Update update;
  private final Condition condition;
  private final boolean returnOldOnFailure;

  private WriteAction(Kind kind, Table table, ItemKey key, String keyError, Map<String, AttributeValue> keyAttributes,
                      StoredItem item, Update update, Condition condition, boolean returnOldOnFailure) {
    this.kind = kind;
    this.table = table;
    this.key = key;
    this.keyError = keyError;
    this.keyAttributes = keyAttributes;
    this.item = item;
    this.update = update;
    this.condition = condition;
    this.returnOldOnFailure = returnOldOnFailure;
  }

  /** A Put of {@code item} (already checked for size) under {@code key}. */
  public static WriteAction put(Table table, ItemKey key, StoredItem item, Condition condition, boolean returnOld) {
    return new WriteAction(Kind.PUT, table, key, null, item.attributes(), item, null, condition, returnOld);
  }

  /** An Update of the item with {@code keyAttributes} (created from them when it does not exist). */
  public static WriteAction update(Table table, ItemKey key, Map<String, AttributeValue> keyAttributes,
                                   Update update, Condition condition, boolean returnOld) {
    return new WriteAction(Kind.UPDATE, table, key, null, keyAttributes, null, update, condition, returnOld);
  }

  public static WriteAction delete(Table table, ItemKey key, Condition condition, boolean returnOld) {
    return new WriteAction(Kind.DELETE, table, key, null, null, null, null, condition, returnOld);
  }

  public static WriteAction conditionCheck(Table table, ItemKey key, Condition condition, boolean returnOld) {
    return new WriteAction(Kind.CONDITION_CHECK, table, key, null, null, null, null, condition, returnOld);
  }

  /**
   * An action whose key does not fit its table (wrong type, missing or extra attribute): DynamoDB
   * reports it as this action's ValidationError reason, not as a ValidationException.
   */
  public static WriteAction invalidKey(Kind kind, Table table, String message) {
    return new WriteAction(kind, table, null, message, null, null, null, null, false);
  }

  public Kind kind() {
    return kind;
  }

  public Table table() {
    return table;
  }

  /** The item's key, or null when {@link #keyError()} is set. */
  public ItemKey key() {
    return key;
  }

  public String keyError() {
    return keyError;
  }

  /** The item of a Put, or null. */
  public StoredItem item() {
    return item;
  }

  /** The item acted on, for in-flight bookkeeping; null when the key is invalid. */
  public ItemRef ref() {
    return key == null ? null : new ItemRef(table, key);
  }

  /** Decides this action against {@code before}, the item as it is now (null: absent). */
  public Decision evaluate(StoredItem before) {
    if (keyError != null) {
      return new Decision(CancellationReason.validationError(keyError), null);
    }
    try {
      if (condition != null && !condition.test(before == null ? null : before.attributes())) {
        Map<String, AttributeValue> old = returnOldOnFailure && before != null ? before.attributes() : null;
        return new Decision(CancellationReason.conditionalCheckFailed(old), before);
      }
      switch (kind) {
        case PUT:
          return new Decision(CancellationReason.NONE, ItemValidation.storable(table, item.attributes()));
        case UPDATE:
          return new Decision(CancellationReason.NONE, updated(before));
        case DELETE:
          return new Decision(CancellationReason.NONE, null);
        case CONDITION_CHECK:
          return new Decision(CancellationReason.NONE, before);
        default:
          throw new IllegalStateException(kind.name());
      }
    } catch (DynamoException e) {
      if (e.code() != ErrorCode.VALIDATION) {
        throw e;
      }
      return new Decision(CancellationReason.validationError(e.getMessage()), null);
    }
  }

  /** UpdateItem's computation of the new item, with its size rule. */
  private StoredItem updated(StoredItem before) {
    return ItemUpdates.apply(table, keyAttributes, before, update).item();
  }
}
