package dev.dynamodouble.core.operation;

import dev.dynamodouble.core.export.Export;
import dev.dynamodouble.core.protocol.Constraints;
import dev.dynamodouble.core.protocol.JsonRequest;
import dev.dynamodouble.core.protocol.JsonWritable;

/** DescribeExport: an export's status, times, counts and manifest; ExportNotFoundException for an unknown ARN. */
public final class DescribeExport implements Operation {

  @Override
  public JsonWritable execute(RequestContext context, JsonRequest request) {
    String arn = request.string("ExportArn");
    new Constraints().notNull(arn, "exportArn").minLength(arn, 37, "exportArn").maxLength(arn, 1024, "exportArn").check();
    Export export = context.engine().transfers().exports().describe(arn);
    return TransferDescriptions.exportResponse(export);
  }
}
