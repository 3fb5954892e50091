package dev.dynamodouble.core.partiql;

import dev.dynamodouble.core.table.KeySchema;

/** The key schema of a table or of one of its indexes: all the planner needs of the catalog. */
@FunctionalInterface
public interface KeySchemas {
  /**
   * @param index null for the table itself
   * @throws dev.dynamodouble.core.error.DynamoException when the table or index does not exist
   */
  KeySchema of(String table, String index);
}
