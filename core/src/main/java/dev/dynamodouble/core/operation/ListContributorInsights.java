package dev.dynamodouble.core.operation;

import dev.dynamodouble.core.error.DynamoException;
import dev.dynamodouble.core.insights.ContributorInsights;
import dev.dynamodouble.core.protocol.Constraints;
import dev.dynamodouble.core.protocol.JsonRequest;
import dev.dynamodouble.core.protocol.JsonWritable;
import dev.dynamodouble.core.table.Table;
import java.util.Collection;
import java.util.List;

/**
 * ListContributorInsights: the tables and indexes of the region whose insights are enabled (or
 * settling; DISABLED ones are left out, as DynamoDB leaves them out), optionally of one table, by
 * table and index name, MaxResults (up to 100, default 100) at a time.
 */
public final class ListContributorInsights implements Operation {
  private static final int MAX_RESULTS = 100;

  @Override
  public JsonWritable execute(RequestContext context, JsonRequest request) {
    String tableName = request.string("TableName");
    Integer maxResults = request.intValue("MaxResults");
    String nextToken = request.string("NextToken");
    new Constraints()
        .tableNameOrArn(tableName, "tableName", context.region())
        .max(maxResults, MAX_RESULTS, "maxResults")
        .check();
    Collection<Table> tables = tableName == null ? context.catalog().tables()
        : List.of(context.catalog().describedTable(tableName));
    List<ContributorInsights.Summary> all = context.engine().contributorInsights().list(tables).stream()
        .filter(s -> !s.settings().status().equals(ContributorInsights.DISABLED)) // as DynamoDB: not listed
        .toList();
    int start = start(nextToken, all.size());
    int size = maxResults == null || maxResults <= 0 ? MAX_RESULTS : maxResults;
    int end = Math.min(all.size(), start + size);
    List<ContributorInsights.Summary> page = all.subList(start, end);
    return out -> {
      out.writeStartObject();
      out.writeArrayFieldStart("ContributorInsightsSummaries");
      for (ContributorInsights.Summary summary : page) {
        out.writeStartObject();
        out.writeStringField("TableName", summary.tableName());
        if (summary.indexName() != null) {
          out.writeStringField("IndexName", summary.indexName());
        }
        out.writeStringField("ContributorInsightsStatus", summary.settings().status());
        if (summary.settings().mode() != null) {
          out.writeStringField("ContributorInsightsMode", summary.settings().mode());
        }
        out.writeEndObject();
      }
      out.writeEndArray();
      if (end < all.size()) {
        out.writeStringField("NextToken", Integer.toString(end));
      }
      out.writeEndObject();
    };
  }

  private static int start(String token, int size) {
    if (token == null) {
      return 0;
    }
    try {
      int start = Integer.parseInt(token);
      if (start >= 0 && start <= size) {
        return start;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw DynamoException.validation("Invalid NextToken");
  }
}
