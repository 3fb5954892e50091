package dev.dynamodouble.core.operation;

import dev.dynamodouble.core.error.DynamoException;
import dev.dynamodouble.core.insights.ContributorInsights;
import dev.dynamodouble.core.protocol.Constraints;
import dev.dynamodouble.core.protocol.JsonRequest;
import dev.dynamodouble.core.protocol.JsonWritable;
import dev.dynamodouble.core.table.IndexDefinition;
import dev.dynamodouble.core.table.Table;
import java.util.List;

/**
 * UpdateContributorInsights: enables or disables Contributor Insights on a table or index. The
 * answer says ENABLING / DISABLING, as DynamoDB's does; the change is complete by the next request.
 */
public final class UpdateContributorInsights implements Operation {
  static final String[] MODES = {"ACCESSED_AND_THROTTLED_KEYS", "THROTTLED_KEYS"};

  @Override
  public JsonWritable execute(RequestContext context, JsonRequest request) {
    String tableName = request.string("TableName");
    String indexName = request.string("IndexName");
    String action = request.string("ContributorInsightsAction");
    String mode = request.string("ContributorInsightsMode");
    new Constraints()
        .tableNameOrArn(tableName, "tableName")
        .notNull(tableName, "tableName")
        .name(indexName, "indexName")
        .notNull(action, "contributorInsightsAction")
        .oneOf(action, "contributorInsightsAction", "ENABLE", "DISABLE")
        .oneOf(mode, "contributorInsightsMode", MODES)
        .check();
    ContributorInsights.Target target = target(context, tableName, indexName);
    boolean enable = action.equals("ENABLE");
    ContributorInsights.Settings settings = context.engine().contributorInsights()
        .update(target, enable, mode, context.now());
    return out -> {
      out.writeStartObject();
      out.writeStringField("TableName", target.table().name());
      if (indexName != null) {
        out.writeStringField("IndexName", indexName);
      }
      out.writeStringField("ContributorInsightsStatus", enable ? "ENABLING" : "DISABLING");
      if (settings.mode() != null) {
        out.writeStringField("ContributorInsightsMode", settings.mode());
      }
      out.writeEndObject();
    };
  }

  /** The table or index of a request, or ResourceNotFoundException. */
  static ContributorInsights.Target target(RequestContext context, String tableName, String indexName) {
    Table table = context.catalog().describedTable(tableName);
    if (indexName != null) {
      for (List<IndexDefinition> indexes : List.of(table.localIndexes(), table.globalIndexes())) {
        for (IndexDefinition index : indexes) {
          if (index.name().equals(indexName)) {
            return new ContributorInsights.Target(table, indexName);
          }
        }
      }
      throw DynamoException.resourceNotFound("Requested resource not found: Index: " + indexName + " not found");
    }
    return new ContributorInsights.Target(table, null);
  }
}
