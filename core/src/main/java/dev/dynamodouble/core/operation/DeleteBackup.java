package dev.dynamodouble.core.operation;

import dev.dynamodouble.core.backup.Backup;
import dev.dynamodouble.core.protocol.Constraints;
import dev.dynamodouble.core.protocol.JsonRequest;
import dev.dynamodouble.core.protocol.JsonWritable;

/**
 * DeleteBackup: removes a USER backup at once (the answer says DELETED; the backup is not found
 * afterwards). SYSTEM backups cannot be deleted; a backup feeding a restore in progress is in use.
 */
public final class DeleteBackup implements Operation {

  @Override
  public JsonWritable execute(RequestContext context, JsonRequest request) {
    String arn = request.string("BackupArn");
    Constraints constraints = new Constraints();
    BackupArns.checkShape(constraints, arn, "backupArn");
    constraints.check();
    Backup backup = context.engine().write(() -> {
      Backup found = BackupArns.resolve(context, context.region(), arn);
      context.engine().backups().delete(found);
      return found;
    });
    return out -> {
      out.writeStartObject();
      BackupDescriptions.writeDescription(out, backup, "DELETED");
      out.writeEndObject();
    };
  }
}
