package dev.dynamodouble.core.operation;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.dynamodouble.core.backup.Backup;
import dev.dynamodouble.core.backup.Encryption;
import dev.dynamodouble.core.backup.PointInTimeRecovery;
import dev.dynamodouble.core.backup.RestoreOrigin;
import dev.dynamodouble.core.backup.SourceTable;
import dev.dynamodouble.core.table.IndexDefinition;
import dev.dynamodouble.core.table.Table;
import dev.dynamodouble.core.table.TableStatus;
import dev.dynamodouble.core.table.Throughput;
import dev.dynamodouble.core.table.VectorIndexDefinition;
import java.io.IOException;
import java.util.List;

/**
 * Writes the structures of the backup and PITR operations: BackupDetails, BackupDescription,
 * BackupSummary, ContinuousBackupsDescription, and the parts of a TableDescription that restores
 * add (RestoreSummary while the restored table is CREATING, SSEDescription).
 */
final class BackupDescriptions {
  private BackupDescriptions() {}

  /** {@code "BackupDetails": {...}} with the given status (CREATING in CreateBackup's answer, DELETED in DeleteBackup's). */
  static void writeDetails(JsonGenerator out, Backup backup, String status) throws IOException {
    out.writeObjectFieldStart("BackupDetails");
    out.writeStringField("BackupArn", backup.arn());
    out.writeStringField("BackupName", backup.name());
    out.writeNumberField("BackupSizeBytes", backup.sizeBytes());
    out.writeStringField("BackupStatus", status);
    out.writeStringField("BackupType", backup.type().name());
    TableDescriptions.writeTime(out, "BackupCreationDateTime", backup.created());
    if (backup.expires() != null) {
      TableDescriptions.writeTime(out, "BackupExpiryDateTime", backup.expires());
    }
    out.writeEndObject();
  }

  /** {@code "BackupDescription": {BackupDetails, SourceTableDetails, SourceTableFeatureDetails}}. */
  static void writeDescription(JsonGenerator out, Backup backup, String status) throws IOException {
    out.writeObjectFieldStart("BackupDescription");
    writeDetails(out, backup, status);
    SourceTable source = backup.source();
    out.writeObjectFieldStart("SourceTableDetails");
    out.writeStringField("TableName", source.name());
    out.writeStringField("TableId", source.id());
    out.writeStringField("TableArn", source.arn());
    out.writeNumberField("TableSizeBytes", source.sizeBytes());
    TableDescriptions.writeKeySchema(out, source.keySchema());
    TableDescriptions.writeTime(out, "TableCreationDateTime", source.created());
    writeThroughput(out, source.throughput());
    out.writeNumberField("ItemCount", source.itemCount());
    out.writeStringField("BillingMode", source.billingMode().name());
    out.writeEndObject();
    out.writeObjectFieldStart("SourceTableFeatureDetails");
    if (source.features()) {
      writeIndexes(out, "LocalSecondaryIndexes", source.localIndexes());
      writeIndexes(out, "GlobalSecondaryIndexes", source.globalIndexes());
      if (!source.vectorIndexes().isEmpty()) {
        out.writeArrayFieldStart("VectorIndexes"); // VectorIndexInfo: the definitions, no status or size
        for (VectorIndexDefinition index : source.vectorIndexes()) {
          out.writeStartObject();
          VectorIndexContents.writeDefinition(out, index);
          out.writeEndObject();
        }
        out.writeEndArray();
      }
      if (source.timeToLive() != null) {
        out.writeObjectFieldStart("TimeToLiveDescription");
        out.writeStringField("TimeToLiveStatus", source.timeToLive().status().name());
        out.writeStringField("AttributeName", source.timeToLive().attributeName());
        out.writeEndObject();
      }
      if (source.encryption() != null) {
        writeEncryption(out, source.encryption());
      }
    }
    out.writeEndObject();
    out.writeEndObject();
  }

  /** One BackupSummary of ListBackups. */
  static void writeSummary(JsonGenerator out, Backup backup) throws IOException {
    SourceTable source = backup.source();
    out.writeStartObject();
    out.writeStringField("TableName", source.name());
    out.writeStringField("TableId", source.id());
    out.writeStringField("TableArn", source.arn());
    out.writeStringField("BackupArn", backup.arn());
    out.writeStringField("BackupName", backup.name());
    TableDescriptions.writeTime(out, "BackupCreationDateTime", backup.created());
    if (backup.expires() != null) {
      TableDescriptions.writeTime(out, "BackupExpiryDateTime", backup.expires());
    }
    out.writeStringField("BackupStatus", "AVAILABLE");
    out.writeStringField("BackupType", backup.type().name());
    out.writeNumberField("BackupSizeBytes", backup.sizeBytes());
    out.writeEndObject();
  }

  private static void writeIndexes(JsonGenerator out, String field, List<IndexDefinition> indexes) throws IOException {
    if (indexes.isEmpty()) {
      return;
    }
    out.writeArrayFieldStart(field);
    for (IndexDefinition index : indexes) {
      out.writeStartObject();
      out.writeStringField("IndexName", index.name());
      TableDescriptions.writeKeySchema(out, index.keySchema());
      TableDescriptions.writeProjection(out, index.projection()); // as DescribeTable: non-key attributes by name
      if (index.global()) {
        writeThroughput(out, index.throughput());
      }
      out.writeEndObject();
    }
    out.writeEndArray();
  }

  private static void writeThroughput(JsonGenerator out, Throughput throughput) throws IOException {
    Throughput t = throughput == null ? Throughput.NONE : throughput;
    out.writeObjectFieldStart("ProvisionedThroughput");
    out.writeNumberField("ReadCapacityUnits", t.read());
    out.writeNumberField("WriteCapacityUnits", t.write());
    out.writeEndObject();
  }

  private static void writeEncryption(JsonGenerator out, Encryption encryption) throws IOException {
    out.writeObjectFieldStart("SSEDescription");
    out.writeStringField("Status", "ENABLED");
    out.writeStringField("SSEType", encryption.sseType());
    out.writeStringField("KMSMasterKeyArn", encryption.kmsKeyArn());
    out.writeEndObject();
  }

  /** {@code "ContinuousBackupsDescription": {...}} of UpdateContinuousBackups and DescribeContinuousBackups. */
  static void writeContinuousBackups(JsonGenerator out, PointInTimeRecovery.Description pitr) throws IOException {
    out.writeObjectFieldStart("ContinuousBackupsDescription");
    out.writeStringField("ContinuousBackupsStatus", "ENABLED");
    out.writeObjectFieldStart("PointInTimeRecoveryDescription");
    out.writeStringField("PointInTimeRecoveryStatus", pitr.enabled() ? "ENABLED" : "DISABLED");
    if (pitr.enabled()) {
      out.writeNumberField("RecoveryPeriodInDays", pitr.periodDays());
      TableDescriptions.writeTime(out, "EarliestRestorableDateTime", pitr.earliest());
      TableDescriptions.writeTime(out, "LatestRestorableDateTime", pitr.latest());
    }
    out.writeEndObject();
    out.writeEndObject();
  }

  /** The TableDescription members restores add: RestoreSummary while CREATING, SSEDescription when not default. */
  static void writeTableExtras(JsonGenerator out, Table table) throws IOException {
    RestoreOrigin origin = table.attachment(RestoreOrigin.class);
    if (origin != null && table.status() == TableStatus.CREATING) {
      out.writeObjectFieldStart("RestoreSummary");
      if (origin.sourceBackupArn() != null) {
        out.writeStringField("SourceBackupArn", origin.sourceBackupArn());
      }
      out.writeStringField("SourceTableArn", origin.sourceTableArn());
      TableDescriptions.writeTime(out, "RestoreDateTime", origin.restoreDateTime());
      out.writeBooleanField("RestoreInProgress", true);
      out.writeEndObject();
    }
    Encryption encryption = table.attachment(Encryption.class);
    if (encryption != null) {
      writeEncryption(out, encryption);
    }
  }
}
