package dev.dynamodouble.core.operation;

import dev.dynamodouble.core.error.DynamoException;
import dev.dynamodouble.core.insights.ContributorInsights;
import dev.dynamodouble.core.protocol.Constraints;
import dev.dynamodouble.core.protocol.JsonRequest;
import dev.dynamodouble.core.protocol.JsonWritable;
import dev.dynamodouble.core.table.IndexDefinition;
import dev.dynamodouble.core.table.Table;
import dev.dynamodouble.core.table.TableStatus;

/**
 * UpdateContributorInsights: enables or disables Contributor Insights on a table or index, or
 * changes its mode (an ENABLE in another mode), once the table (and the index) is ACTIVE. The
 * answer says ENABLING / DISABLING, as DynamoDB's does, and the settled status when nothing
 * changes; the change is complete by the next request.
 */
public final class UpdateContributorInsights implements Operation {
  static final String[] MODES = {ContributorInsights.ACCESSED_AND_THROTTLED_KEYS, ContributorInsights.THROTTLED_KEYS};

  @Override
  public JsonWritable execute(RequestContext context, JsonRequest request) {
    String tableName = request.string("TableName");
    String indexName = request.string("IndexName");
    String action = request.string("ContributorInsightsAction");
    String mode = request.string("ContributorInsightsMode");
    new Constraints()
        .tableNameOrArn(tableName, "tableName", context.region())
        .notNull(tableName, "tableName")
        .name(indexName, "indexName")
        .notNull(action, "contributorInsightsAction")
        .oneOf(action, "contributorInsightsAction", "ENABLE", "DISABLE")
        .oneOf(mode, "contributorInsightsMode", MODES)
        .check();
    Table table = table(context, tableName, indexName);
    requireActive(table, indexName);
    ContributorInsights.Update update = context.engine().contributorInsights()
        .update(table, indexName, action.equals("ENABLE"), mode, context.now());
    String answeredMode = update.settings() == null ? null : update.settings().mode(); // DISABLE echoes the mode set
    return out -> {
      out.writeStartObject();
      out.writeStringField("TableName", table.name());
      if (indexName != null) {
        out.writeStringField("IndexName", indexName);
      }
      out.writeStringField("ContributorInsightsStatus", update.status());
      if (answeredMode != null) {
        out.writeStringField("ContributorInsightsMode", answeredMode);
      }
      out.writeEndObject();
    };
  }

  /**
   * Enabling or disabling needs the table, and the global index named, ACTIVE (not being created,
   * backfilled, updated or deleted). The API reference lists no ResourceInUseException for this
   * operation: its ResourceNotFoundException is the one for "a nonexistent table or index ... or
   * its status might not be ACTIVE", so that is the answer; the message, undocumented, says which
   * resource is in which status (as LegacyGlobalTableRules' "is not ACTIVE (...)" does).
   */
  private static void requireActive(Table table, String indexName) {
    if (table.status() != TableStatus.ACTIVE) {
      throw notActive("Table", table.name(), table.status().name());
    }
    IndexDefinition index = indexName == null ? null : table.index(indexName);
    if (index != null && index.global() && index.describedStatus() != IndexDefinition.IndexStatus.ACTIVE) {
      throw notActive("Index", indexName, index.describedStatus().name());
    }
  }

  private static DynamoException notActive(String kind, String name, String status) {
    return DynamoException.resourceNotFound("Requested resource not found: " + kind + ": " + name + " is not ACTIVE ("
        + status + ")");
  }

  /** The table of a request, once it is known to have the index named (if any); else ResourceNotFoundException. */
  static Table table(RequestContext context, String tableName, String indexName) {
    Table table = context.catalog().describedTable(tableName);
    if (indexName != null && table.index(indexName) == null) {
      throw DynamoException.resourceNotFound("Requested resource not found: Index: " + indexName + " not found");
    }
    return table;
  }
}
