package dev.dynamodouble.core.operation;

import dev.dynamodouble.core.backup.Backup;
import dev.dynamodouble.core.error.DynamoException;
import dev.dynamodouble.core.error.ErrorCode;
import dev.dynamodouble.core.protocol.Constraints;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Checks and resolves the BackupArn of DescribeBackup, DeleteBackup and RestoreTableFromBackup. */
final class BackupArns {
  private static final Pattern ARN =
      Pattern.compile("arn:([^:]*):([^:]*):([^:]*):([^:]*):table/([^/]+)/backup/([^/]+)");

  private BackupArns() {}

  static void checkShape(Constraints constraints, String arn, String path) {
    constraints.notNull(arn, path).minLength(arn, 37, path).maxLength(arn, 1024, path);
  }

  /** The region an ARN names (null when it is not a backup ARN). */
  static String regionOf(String arn) {
    Matcher m = ARN.matcher(arn);
    return m.matches() ? m.group(3) : null;
  }

  /**
   * The backup a well-formed ARN names in {@code region}. DynamoDB matches on the table and backup
   * id and ignores the ARN's region component; another account is refused.
   */
  static Backup resolve(RequestContext context, String region, String arn) {
    Matcher m = ARN.matcher(arn);
    if (!m.matches()) {
      throw DynamoException.validation("Invalid Backup ARN");
    }
    if (!m.group(1).startsWith("aws") || !m.group(2).equals("dynamodb")) {
      throw DynamoException.validation("Invalid Request: BackupArn is not valid");
    }
    if (!m.group(4).equals(context.engine().options().accountId())) {
      throw new DynamoException(ErrorCode.ACCESS_DENIED, "Access is denied");
    }
    Backup backup = context.engine().backups().find(region, arn);
    if (backup == null) {
      throw new DynamoException(ErrorCode.BACKUP_NOT_FOUND, "Backup not found: " + arn);
    }
    return backup;
  }
}
