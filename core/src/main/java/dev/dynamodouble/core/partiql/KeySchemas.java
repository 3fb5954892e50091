package dev.dynamodouble.core.partiql;

import dev.dynamodouble.core.engine.Catalog;
import dev.dynamodouble.core.error.DynamoException;
import dev.dynamodouble.core.protocol.Constraints;
import dev.dynamodouble.core.table.IndexDefinition;
import dev.dynamodouble.core.table.KeySchema;
import dev.dynamodouble.core.table.Table;
import java.util.function.Function;

/** The key schema of a table or of one of its indexes: all the planner needs of the catalog. */
@FunctionalInterface
public interface KeySchemas {
  /**
   * @param index null for the table itself
   * @throws dev.dynamodouble.core.error.DynamoException when the table or index does not exist
   */
  KeySchema of(String table, String index);

  /**
   * The key schemas of {@code catalog}'s tables that can serve items. A statement may name a table
   * by its ARN, and the ARN is judged first as TableName's is (its shape, and its region: the
   * catalog's, the request's), so that a statement fails as the operation it becomes would: another
   * region's ARN is refused, not looked up here, where it would name another table (a global
   * table's other replica).
   */
  static KeySchemas of(Catalog catalog) {
    return of(name -> {
      if (name.startsWith("arn:")) {
        new Constraints().tableNameOrArn(name, "tableName", catalog.region()).check();
      }
      return catalog.itemTable(name);
    });
  }

  /**
   * The key schemas of the tables {@code tables} finds by name (it throws DynamoDB's error for a
   * missing one); a missing index is DynamoDB's ValidationException.
   */
  static KeySchemas of(Function<String, Table> tables) {
    return (tableName, indexName) -> {
      Table table = tables.apply(tableName);
      if (indexName == null) {
        return table.keySchema();
      }
      IndexDefinition index = table.index(indexName);
      if (index == null) {
        throw DynamoException.validation("The table does not have the specified index: " + indexName);
      }
      return index.keySchema();
    };
  }
}
