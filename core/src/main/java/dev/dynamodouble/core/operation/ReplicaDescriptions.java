package dev.dynamodouble.core.operation;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.dynamodouble.core.replication.ReplicaSettings;
import dev.dynamodouble.core.replication.Replication;
import dev.dynamodouble.core.table.Table;
import java.io.IOException;
import java.util.Map;

/**
 * GlobalTableVersion and Replicas of a TableDescription (global tables version 2019.11.21); a
 * replica of a version 2017.11.29 global table shows only its GlobalTableVersion (its replicas are
 * DescribeGlobalTable's).
 */
final class ReplicaDescriptions {
  static final String VERSION = "2019.11.21";

  private ReplicaDescriptions() {}

  /** Writes the fields when the table has replicas in other regions; nothing otherwise. */
  static void write(JsonGenerator out, Table table) throws IOException {
    Replication replication = Replication.of(table);
    if (replication != null && replication.isLegacy(table)) {
      out.writeStringField("GlobalTableVersion", LegacyGlobalTableRules.VERSION);
      return;
    }
    Map<String, Table> replicas = replication == null ? Map.of() : replication.replicas(table);
    if (replicas.isEmpty()) {
      return;
    }
    out.writeStringField("GlobalTableVersion", VERSION);
    StrongGlobalTables.describe(out, table);
    out.writeArrayFieldStart("Replicas");
    for (Map.Entry<String, Table> entry : replicas.entrySet()) {
      if (!entry.getKey().equals(table.region())) {
        writeReplica(out, entry.getValue(), replication.settings(table, entry.getKey()));
      }
    }
    out.writeEndArray();
  }

  private static void writeReplica(JsonGenerator out, Table replica, ReplicaSettings settings) throws IOException {
    out.writeStartObject();
    out.writeStringField("RegionName", replica.region());
    out.writeStringField("ReplicaStatus", replica.status().name());
    if (settings.kmsMasterKeyId() != null) {
      out.writeStringField("KMSMasterKeyId", settings.kmsMasterKeyId());
    }
    writeOverrides(out, settings.readCapacityOverride(), settings.maxReadRequestUnits());
    if (!settings.indexes().isEmpty()) {
      out.writeArrayFieldStart("GlobalSecondaryIndexes");
      for (ReplicaSettings.IndexOverride index : settings.indexes()) {
        out.writeStartObject();
        out.writeStringField("IndexName", index.indexName());
        writeOverrides(out, index.readCapacityOverride(), index.maxReadRequestUnits());
        out.writeEndObject();
      }
      out.writeEndArray();
    }
    if (settings.tableClassOverride() != null) {
      out.writeObjectFieldStart("ReplicaTableClassSummary");
      out.writeStringField("TableClass", settings.tableClassOverride());
      out.writeEndObject();
    }
    out.writeEndObject();
  }

  private static void writeOverrides(JsonGenerator out, Long read, Long maxRead) throws IOException {
    if (read != null) {
      out.writeObjectFieldStart("ProvisionedThroughputOverride");
      out.writeNumberField("ReadCapacityUnits", read);
      out.writeEndObject();
    }
    if (maxRead != null) {
      out.writeObjectFieldStart("OnDemandThroughputOverride");
      out.writeNumberField("MaxReadRequestUnits", maxRead);
      out.writeEndObject();
    }
  }
}
