package dev.dynamodouble.core.operation;

import dev.dynamodouble.core.protocol.Constraints;
import dev.dynamodouble.core.protocol.JsonRequest;
import dev.dynamodouble.core.table.KeyAttribute;
import dev.dynamodouble.core.table.KeySchema;
import dev.dynamodouble.core.transaction.TransactionErrors;
import dev.dynamodouble.core.value.AttributeValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Checks shared by TransactWriteItems, TransactGetItems and ExecuteTransaction. */
final class TransactRequests {
  private TransactRequests() {}

  /**
   * The constraints of the list of actions ({@code member}: TransactItems, or ExecuteTransaction's
   * TransactStatements): present, 1 to 100 elements. Over 100, DynamoDB echoes the list as Java's
   * toString of its elements ({@code com.amazonaws.dynamodb.v20120810.TransactWriteItem@1a2b3c4d}).
   */
  static void checkList(Constraints constraints, List<JsonRequest> entries, String member, String elementType) {
    constraints.notNull(entries, member);
    if (entries == null) {
      return;
    }
    constraints.minSize(entries, 1, member);
    if (entries.size() > TransactionErrors.MAX_ACTIONS) {
      List<Object> shown = new ArrayList<>(entries.size());
      for (JsonRequest entry : entries) {
        int hash = entry == null ? 0 : entry.node().hashCode();
        String text = "com.amazonaws.dynamodb.v20120810." + elementType + "@" + Integer.toHexString(hash);
        shown.add(new Object() {
          @Override
          public String toString() {
            return text;
          }
        });
      }
      constraints.maxSize(shown, TransactionErrors.MAX_ACTIONS, member);
    }
  }

  /**
   * Whether a key attribute of {@code schema} holds an empty string or binary in {@code attributes}:
   * DynamoDB refuses that up front (ValidationException) where other key faults cancel the action.
   */
  static boolean hasEmptyKeyValue(KeySchema schema, Map<String, AttributeValue> attributes) {
    for (KeyAttribute key : schema.attributes()) {
      AttributeValue value = attributes.get(key.name());
      if (value instanceof AttributeValue.S s && s.value().isEmpty()) {
        return true;
      }
      if (value instanceof AttributeValue.B b && b.bytes().length == 0) {
        return true;
      }
    }
    return false;
  }
}
