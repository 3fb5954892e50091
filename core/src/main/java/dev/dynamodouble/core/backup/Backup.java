package dev.dynamodouble.core.backup;

import dev.dynamodouble.core.table.Table;
import dev.dynamodouble.core.table.TableData;
import dev.dynamodouble.core.table.TableStatus;
import java.time.Instant;

/**
 * One on-demand or system backup: its identity and a reference to the table's contents at the
 * moment it was taken. Taking one costs O(1): {@link #data()} is the immutable root the table had
 * then, shared with the table until the table moves on.
 */
public final class Backup {
  private final String arn;
  private final String region;
  private final String name;
  private final BackupType type;
  private final Instant created;
  private final Instant expires;
  private final SourceTable source;
  private final TableData data;
  /** The table a restore from this backup is creating, or null. */
  private volatile Table restoringInto;

  Backup(String arn, String region, String name, BackupType type, Instant created, Instant expires,
         SourceTable source, TableData data) {
    this.arn = arn;
    this.region = region;
    this.name = name;
    this.type = type;
    this.created = created;
    this.expires = expires;
    this.source = source;
    this.data = data;
  }

  public String arn() {
    return arn;
  }

  public String region() {
    return region;
  }

  public String name() {
    return name;
  }

  public BackupType type() {
    return type;
  }

  /** BackupCreationDateTime. */
  public Instant created() {
    return created;
  }

  /** BackupExpiryDateTime: set for SYSTEM backups only. */
  public Instant expires() {
    return expires;
  }

  public SourceTable source() {
    return source;
  }

  /** The table's contents when the backup was taken. */
  public TableData data() {
    return data;
  }

  /** The size DynamoDB reports for the backup: the table's size when it was taken. */
  public long sizeBytes() {
    return source.sizeBytes();
  }

  /** Whether a restore from this backup is still creating its table (a second restore or a delete must wait). */
  public boolean inUse() {
    Table target = restoringInto;
    return target != null && target.status() == TableStatus.CREATING;
  }

  void restoringInto(Table table) {
    this.restoringInto = table;
  }
}
