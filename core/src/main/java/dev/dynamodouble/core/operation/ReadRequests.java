package dev.dynamodouble.core.operation;

import dev.dynamodouble.core.error.DynamoException;
import dev.dynamodouble.core.expression.Condition;
import dev.dynamodouble.core.expression.Projection;
import dev.dynamodouble.core.protocol.Constraints;
import dev.dynamodouble.core.protocol.JsonRequest;
import dev.dynamodouble.core.table.IndexDefinition;
import dev.dynamodouble.core.table.Table;

/** The parameters Query and Scan share: Select, Limit, projection, filter, ConsistentRead. */
final class ReadRequests {
  private ReadRequests() {}

  /** Constraint checks common to Query and Scan (a table ARN must be of {@code region}, the request's). */
  static Constraints constraints(JsonRequest request, String region, String operation) {
    String tableName = request.string("TableName");
    String indexName = request.string("IndexName");
    return Constraints.of(operation)
        .notNull(tableName, "tableName").tableNameOrArn(tableName, "tableName", region)
        .name(indexName, "indexName")
        .enums(request, operation)
        .min(request.intValue("Limit"), 1, "limit");
  }

  /** Checks Select against the projection parameters and the index, and returns the effective Select. */
  static String select(JsonRequest request, Projection projection, ReadSource source) {
    String select = request.string("Select");
    String projectionParameter = request.has("ProjectionExpression") ? "ProjectionExpression"
        : request.has("AttributesToGet") ? "AttributesToGet" : null;
    IndexDefinition index = source.index();
    if (select == null) {
      return projection != null ? "SPECIFIC_ATTRIBUTES" : index != null ? "ALL_PROJECTED_ATTRIBUTES" : "ALL_ATTRIBUTES";
    }
    switch (select) {
      case "ALL_ATTRIBUTES":
        if (projectionParameter != null) {
          throw DynamoException.validation("Cannot specify the " + projectionParameter
              + " when choosing to get ALL_ATTRIBUTES");
        }
        if (index != null && index.global()
            && index.projection().type() != dev.dynamodouble.core.table.Projection.ProjectionType.ALL) {
          throw DynamoException.invalidParameter("Select type ALL_ATTRIBUTES is not supported for global secondary "
              + "index " + index.name() + " because its projection type is not ALL");
        }
        return select;
      case "ALL_PROJECTED_ATTRIBUTES":
        if (projectionParameter != null) {
          throw DynamoException.validation("Cannot specify the " + projectionParameter
              + " when choosing to get ALL_PROJECTED_ATTRIBUTES");
        }
        if (index == null) {
          throw DynamoException.invalidParameter("Select type ALL_PROJECTED_ATTRIBUTES is supported only for index "
              + "queries and scans");
        }
        return select;
      case "COUNT":
        if (projectionParameter != null) {
          throw DynamoException.validation("Cannot specify the " + projectionParameter
              + " when choosing to get only the COUNT");
        }
        return select;
      default: // SPECIFIC_ATTRIBUTES
        if (projection == null) {
          throw DynamoException.invalidParameter("Select type SPECIFIC_ATTRIBUTES requires ProjectionExpression "
              + "or AttributesToGet");
        }
        return select;
    }
  }

  /** ConsistentRead is refused on a global secondary index. */
  static boolean consistent(JsonRequest request, ReadSource source) {
    boolean consistent = Boolean.TRUE.equals(request.bool("ConsistentRead"));
    if (consistent && source.index() != null && source.index().global()) {
      throw DynamoException.validation("Consistent reads are not supported on global secondary indexes");
    }
    return consistent;
  }

  /** Filters and projections may name key attributes but not reach inside them. */
  static void checkKeyPaths(Table table, Condition filter, Projection projection) {
    if (filter != null) {
      KeyPaths.check(table, filter.paths());
    }
    if (projection != null) {
      KeyPaths.check(table, projection.paths());
    }
  }

  static ReadPage.Plan plan(JsonRequest request, ReadSource source, Condition filter, Projection projection) {
    String select = select(request, projection, source);
    boolean consistent = consistent(request, source);
    return new ReadPage.Plan(source, request.intValue("Limit"), filter, projection, select, consistent,
        request.string("ReturnConsumedCapacity"), request.string("TableName"));
  }
}
