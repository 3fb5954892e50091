package dev.dynamodouble.core.operation;

import dev.dynamodouble.core.export.Export;
import dev.dynamodouble.core.protocol.Constraints;
import dev.dynamodouble.core.protocol.JsonRequest;
import dev.dynamodouble.core.protocol.JsonWritable;
import java.util.List;

/**
 * ListExports: the region's exports (of one table with TableArn) in the order they were asked for,
 * MaxResults a page (at most 25, the default), NextToken to go on.
 */
public final class ListExports implements Operation {
  private static final int MAX_RESULTS = 25;

  @Override
  public JsonWritable execute(RequestContext context, JsonRequest request) {
    String tableArn = request.string("TableArn");
    Integer max = request.intValue("MaxResults");
    String token = request.string("NextToken");
    new Constraints().minLength(tableArn, 1, "tableArn").maxLength(tableArn, 1024, "tableArn")
        .min(max, 1, "maxResults").max(max, MAX_RESULTS, "maxResults").check();
    int limit = max == null ? MAX_RESULTS : max;
    List<Export> page = context.engine().transfers().exports().list(context.region(), tableArn,
        TransferPages.decode(token), limit);
    return TransferPages.write("ExportSummaries", page, limit, Export::arn, TransferDescriptions::writeExportSummary);
  }
}
