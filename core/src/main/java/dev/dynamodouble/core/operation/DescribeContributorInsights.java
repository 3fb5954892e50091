package dev.dynamodouble.core.operation;

import dev.dynamodouble.core.insights.ContributorInsights;
import dev.dynamodouble.core.protocol.Constraints;
import dev.dynamodouble.core.protocol.JsonRequest;
import dev.dynamodouble.core.protocol.JsonWritable;
import dev.dynamodouble.core.table.Table;

/** DescribeContributorInsights: the status, mode and CloudWatch rule names of a table's or index's insights. */
public final class DescribeContributorInsights implements Operation {

  @Override
  public JsonWritable execute(RequestContext context, JsonRequest request) {
    String tableName = request.string("TableName");
    String indexName = request.string("IndexName");
    new Constraints()
        .notNull(tableName, "tableName")
        .tableNameOrArn(tableName, "tableName", context.region())
        .name(indexName, "indexName")
        .check();
    Table table = UpdateContributorInsights.table(context, tableName, indexName);
    ContributorInsights.Settings settings = context.engine().contributorInsights().settings(table, indexName);
    return out -> {
      out.writeStartObject();
      out.writeStringField("TableName", table.name());
      if (indexName != null) {
        out.writeStringField("IndexName", indexName);
      }
      if (settings == null) {
        out.writeStringField("ContributorInsightsStatus", ContributorInsights.DISABLED);
      } else {
        if (!settings.rules().isEmpty()) {
          out.writeArrayFieldStart("ContributorInsightsRuleList");
          for (String rule : settings.rules()) {
            out.writeString(rule);
          }
          out.writeEndArray();
        }
        out.writeStringField("ContributorInsightsStatus", settings.status());
        TableDescriptions.writeTime(out, "LastUpdateDateTime", settings.lastUpdate());
        if (settings.mode() != null) {
          out.writeStringField("ContributorInsightsMode", settings.mode());
        }
      }
      out.writeEndObject();
    };
  }
}
