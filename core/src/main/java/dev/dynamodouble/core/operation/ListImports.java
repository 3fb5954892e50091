package dev.dynamodouble.core.operation;

import dev.dynamodouble.core.export.Import;
import dev.dynamodouble.core.protocol.Constraints;
import dev.dynamodouble.core.protocol.JsonRequest;
import dev.dynamodouble.core.protocol.JsonWritable;
import java.util.List;

/**
 * ListImports: the region's imports (into one table with TableArn) in the order they were asked
 * for, PageSize a page (at most 25, the default), NextToken to go on.
 */
public final class ListImports implements Operation {
  private static final int MAX_PAGE = 25;

  @Override
  public JsonWritable execute(RequestContext context, JsonRequest request) {
    String tableArn = request.string("TableArn");
    Integer size = request.intValue("PageSize");
    String token = request.string("NextToken");
    new Constraints().minLength(tableArn, 1, "tableArn").maxLength(tableArn, 1024, "tableArn")
        .min(size, 1, "pageSize").max(size, MAX_PAGE, "pageSize")
        .minLength(token, 112, "nextToken").maxLength(token, 1024, "nextToken").check();
    int limit = size == null ? MAX_PAGE : size;
    List<Import> page = context.engine().transfers().imports().list(context.region(), tableArn,
        TransferPages.decode(token), limit);
    return TransferPages.write("ImportSummaryList", page, limit, Import::arn, TransferDescriptions::writeImportSummary);
  }
}
