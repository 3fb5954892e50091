package dev.dynamodouble.core.operation;

import dev.dynamodouble.core.backup.Backup;
import dev.dynamodouble.core.protocol.Constraints;
import dev.dynamodouble.core.protocol.JsonRequest;
import dev.dynamodouble.core.protocol.JsonWritable;

/** DescribeBackup: a backup's details, the table it was taken of, and that table's features then. */
public final class DescribeBackup implements Operation {

  @Override
  public JsonWritable execute(RequestContext context, JsonRequest request) {
    String arn = request.string("BackupArn");
    Constraints constraints = new Constraints();
    BackupArns.checkShape(constraints, arn, "backupArn");
    constraints.check();
    Backup backup = BackupArns.resolve(context, context.region(), arn);
    return out -> {
      out.writeStartObject();
      BackupDescriptions.writeDescription(out, backup, "AVAILABLE");
      out.writeEndObject();
    };
  }
}
