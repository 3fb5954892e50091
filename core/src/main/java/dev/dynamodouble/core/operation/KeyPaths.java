package dev.dynamodouble.core.operation;

import dev.dynamodouble.core.error.DynamoException;
import dev.dynamodouble.core.expression.DocumentPath;
import dev.dynamodouble.core.table.IndexDefinition;
import dev.dynamodouble.core.table.KeyAttribute;
import dev.dynamodouble.core.table.Table;
import java.util.Collection;

/**
 * Key attributes are scalars, so a document path may name one but never reach inside it
 * ({@code pk.x}, {@code gsk[0]}); DynamoDB refuses such paths once it knows the table.
 */
final class KeyPaths {
  private KeyPaths() {}

  static void check(Table table, Collection<DocumentPath> paths) {
    for (DocumentPath path : paths) {
      if (path.size() < 2) {
        continue;
      }
      String name = path.topLevelName();
      if (table.keySchema().isKeyAttribute(name)) {
        throw nested("Key: " + name);
      }
      if (isIndexKey(table, name)) {
        throw nested("IndexKey: " + name);
      }
    }
  }

  private static boolean isIndexKey(Table table, String name) {
    for (IndexDefinition index : table.localIndexes()) {
      if (index.keySchema().isKeyAttribute(name)) {
        return true;
      }
    }
    for (IndexDefinition index : table.globalIndexes()) {
      for (KeyAttribute key : index.keySchema().attributes()) {
        if (key.name().equals(name)) {
          return true;
        }
      }
    }
    return false;
  }

  private static DynamoException nested(String which) {
    return DynamoException.validation("Key attributes must be scalars; list random access '[]' and map lookup '.' "
        + "are not allowed: " + which);
  }
}
