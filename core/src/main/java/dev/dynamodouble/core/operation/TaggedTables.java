package dev.dynamodouble.core.operation;

import dev.dynamodouble.core.error.DynamoException;
import dev.dynamodouble.core.protocol.Constraints;
import dev.dynamodouble.core.table.Table;

/** Finds the table a tagging request's ResourceArn names. */
final class TaggedTables {
  private TaggedTables() {}

  static Table find(RequestContext context, String arn) {
    new Constraints().notNull(arn, "resourceArn").minLength(arn, 1, "resourceArn").maxLength(arn, 1283, "resourceArn")
        .check();
    Table table = context.catalog().find(dev.dynamodouble.core.engine.Catalog.nameOf(arn));
    if (table == null || !table.arn().equals(arn)) {
      throw DynamoException.resourceNotFound("Requested resource not found: ResourcArn: " + arn + " not found");
    }
    return table;
  }
}
