package dev.dynamodouble.core.operation;

import dev.dynamodouble.core.export.Import;
import dev.dynamodouble.core.protocol.Constraints;
import dev.dynamodouble.core.protocol.JsonRequest;
import dev.dynamodouble.core.protocol.JsonWritable;

/** DescribeImport: an import's status and counts; ImportNotFoundException for an unknown ARN. */
public final class DescribeImport implements Operation {

  @Override
  public JsonWritable execute(RequestContext context, JsonRequest request) {
    String arn = request.string("ImportArn");
    new Constraints().notNull(arn, "importArn").minLength(arn, 37, "importArn").maxLength(arn, 1024, "importArn").check();
    Import found = context.engine().transfers().imports().describe(arn);
    return TransferDescriptions.importResponse(found);
  }
}
