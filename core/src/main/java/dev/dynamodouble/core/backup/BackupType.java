package dev.dynamodouble.core.backup;

/** Who made a backup: a user (CreateBackup) or DynamoDB (the backup left by deleting a PITR table). */
public enum BackupType {
  USER, SYSTEM
}
