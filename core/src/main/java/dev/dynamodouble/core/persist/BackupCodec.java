package dev.dynamodouble.core.persist;

import dev.dynamodouble.core.backup.Backup;
import dev.dynamodouble.core.backup.BackupType;
import dev.dynamodouble.core.backup.Encryption;
import dev.dynamodouble.core.backup.SourceTable;
import dev.dynamodouble.core.table.BillingMode;
import dev.dynamodouble.core.table.IndexData;
import dev.dynamodouble.core.table.IndexDefinition;
import dev.dynamodouble.core.table.KeySchema;
import dev.dynamodouble.core.table.Throughput;
import dev.dynamodouble.core.ttl.TtlDescription;
import dev.dynamodouble.core.ttl.TtlStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The binary form of a backup's metadata (its contents follow as an image): identity, type, times,
 * what it recorded of its source table, and the definitions of the indexes its contents hold.
 */
final class BackupCodec {
  /** A backup as read back, its contents still to come. */
  record Meta(String arn, String region, String name, BackupType type, Instant created, Instant expires,
              SourceTable source, List<IndexDefinition> indexes) {}

  private BackupCodec() {}

  static void write(ByteSink out, Backup backup) {
    out.writeString(backup.arn());
    out.writeString(backup.region());
    out.writeString(backup.name());
    out.writeString(backup.type().name());
    SettingsCodec.writeInstant(out, backup.created());
    SettingsCodec.writeInstant(out, backup.expires());
    SourceTable s = backup.source();
    out.writeString(s.name());
    out.writeString(s.id());
    out.writeString(s.arn());
    out.writeString(s.region());
    SettingsCodec.writeInstant(out, s.created());
    SettingsCodec.writeKeySchema(out, s.keySchema());
    out.writeString(s.billingMode().name());
    SettingsCodec.writeThroughput(out, s.throughput());
    SettingsCodec.writeIndexes(out, s.localIndexes());
    SettingsCodec.writeIndexes(out, s.globalIndexes());
    out.writeLong(s.itemCount());
    out.writeLong(s.sizeBytes());
    out.writeBoolean(s.timeToLive() != null);
    if (s.timeToLive() != null) {
      out.writeString(s.timeToLive().status().name());
      out.writeNullable(s.timeToLive().attributeName());
    }
    out.writeBoolean(s.encryption() != null);
    if (s.encryption() != null) {
      out.writeString(s.encryption().sseType());
      out.writeNullable(s.encryption().kmsKeyArn());
    }
    out.writeBoolean(s.features());
    List<IndexDefinition> indexes = new ArrayList<>();
    for (IndexData index : backup.data().indexes().values()) {
      indexes.add(index.definition());
    }
    SettingsCodec.writeIndexes(out, indexes);
  }

  static Meta read(ByteSource in) {
    String arn = in.readString();
    String region = in.readString();
    String name = in.readString();
    BackupType type = SettingsCodec.enumOf(BackupType.class, in.readString());
    Instant created = SettingsCodec.readInstant(in);
    Instant expires = SettingsCodec.readInstant(in);
    String tableName = in.readString();
    String id = in.readString();
    String tableArn = in.readString();
    String tableRegion = in.readString();
    Instant tableCreated = SettingsCodec.readInstant(in);
    KeySchema keySchema = SettingsCodec.readKeySchema(in);
    BillingMode billing = SettingsCodec.enumOf(BillingMode.class, in.readString());
    Throughput throughput = SettingsCodec.readThroughput(in);
    List<IndexDefinition> local = SettingsCodec.readIndexes(in);
    List<IndexDefinition> global = SettingsCodec.readIndexes(in);
    long itemCount = in.readLong();
    long sizeBytes = in.readLong();
    TtlDescription ttl = in.readBoolean()
        ? new TtlDescription(SettingsCodec.enumOf(TtlStatus.class, in.readString()), in.readNullable()) : null;
    Encryption encryption = in.readBoolean() ? new Encryption(in.readString(), in.readNullable()) : null;
    boolean features = in.readBoolean();
    SourceTable source = new SourceTable(tableName, id, tableArn, tableRegion, tableCreated, keySchema, billing,
        throughput, local, global, itemCount, sizeBytes, ttl, encryption, features,
        List.of(), List.of()); // a data directory has no vector indexes (refused with --data-dir)
    return new Meta(arn, region, name, type, created, expires, source, SettingsCodec.readIndexes(in));
  }
}
