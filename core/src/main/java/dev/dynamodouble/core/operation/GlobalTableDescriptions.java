package dev.dynamodouble.core.operation;

import static dev.dynamodouble.core.operation.DescribeTableReplicaAutoScaling.writeIfSet;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.dynamodouble.core.autoscaling.AutoScalingSettings;
import dev.dynamodouble.core.autoscaling.ReplicaAutoScaling;
import dev.dynamodouble.core.engine.Engine;
import dev.dynamodouble.core.protocol.JsonWritable;
import dev.dynamodouble.core.replication.LegacyGlobalTables;
import dev.dynamodouble.core.table.BillingMode;
import dev.dynamodouble.core.table.IndexDefinition;
import dev.dynamodouble.core.table.Table;
import dev.dynamodouble.core.table.Throughput;
import java.io.IOException;
import java.util.Map;

/** GlobalTableDescription and ReplicaSettingsDescription of global tables version 2017.11.29. */
final class GlobalTableDescriptions {
  private GlobalTableDescriptions() {}

  /** The ARN of a global table: it has no region. */
  static String arn(Engine engine, String name) {
    return "arn:aws:dynamodb::" + engine.options().accountId() + ":global-table/" + name;
  }

  /** The answer of CreateGlobalTable, DescribeGlobalTable and UpdateGlobalTable: the entry and its replicas now. */
  static JsonWritable answer(Engine engine, LegacyGlobalTables.Entry entry) {
    Map<String, Table> members = engine.replication().members(entry.name());
    return out -> {
      out.writeStartObject();
      write(out, "GlobalTableDescription", entry, members);
      out.writeEndObject();
    };
  }

  /** Writes {@code field: GlobalTableDescription}, its replication group being the replicas still in their regions. */
  static void write(JsonGenerator out, String field, LegacyGlobalTables.Entry entry, Map<String, Table> members)
      throws IOException {
    out.writeObjectFieldStart(field);
    out.writeStringField("GlobalTableName", entry.name());
    out.writeStringField("GlobalTableArn", entry.arn());
    TableDescriptions.writeTime(out, "CreationDateTime", entry.created());
    out.writeStringField("GlobalTableStatus", entry.status().name());
    writeReplicationGroup(out, members);
    out.writeEndObject();
  }

  /** {@code "ReplicationGroup": [{"RegionName": ...}, ...]}. */
  static void writeReplicationGroup(JsonGenerator out, Map<String, Table> members) throws IOException {
    out.writeArrayFieldStart("ReplicationGroup");
    for (String region : members.keySet()) {
      out.writeStartObject();
      out.writeStringField("RegionName", region);
      out.writeEndObject();
    }
    out.writeEndArray();
  }

  /** Writes {@code "GlobalTableName"} and {@code "ReplicaSettings"}: every replica's capacity settings. */
  static void writeSettings(JsonGenerator out, String name, Map<String, Table> members) throws IOException {
    out.writeStringField("GlobalTableName", name);
    out.writeArrayFieldStart("ReplicaSettings");
    for (Table replica : members.values()) {
      writeReplica(out, replica);
    }
    out.writeEndArray();
  }

  private static void writeReplica(JsonGenerator out, Table replica) throws IOException {
    ReplicaAutoScaling.TableSettings scaling = ReplicaAutoScaling.of(replica);
    out.writeStartObject();
    out.writeStringField("RegionName", replica.region());
    out.writeStringField("ReplicaStatus", replica.status().name());
    out.writeObjectFieldStart("ReplicaBillingModeSummary");
    out.writeStringField("BillingMode", replica.billingMode().name());
    if (replica.lastUpdateToPayPerRequest() != null) {
      TableDescriptions.writeTime(out, "LastUpdateToPayPerRequestDateTime", replica.lastUpdateToPayPerRequest());
    }
    out.writeEndObject();
    boolean provisioned = replica.billingMode() == BillingMode.PROVISIONED;
    Throughput throughput = replica.throughput();
    if (provisioned) {
      out.writeNumberField("ReplicaProvisionedReadCapacityUnits", throughput.read());
    }
    writeIfSet(out, "ReplicaProvisionedReadCapacityAutoScalingSettings", scaling.replicaRead().get(replica.region()));
    if (provisioned) {
      out.writeNumberField("ReplicaProvisionedWriteCapacityUnits", throughput.write());
    }
    writeIfSet(out, "ReplicaProvisionedWriteCapacityAutoScalingSettings", scaling.write());
    out.writeArrayFieldStart("ReplicaGlobalSecondaryIndexSettings");
    Map<String, AutoScalingSettings> indexRead = scaling.replicaIndexRead().getOrDefault(replica.region(), Map.of());
    for (IndexDefinition index : replica.globalIndexes()) {
      out.writeStartObject();
      out.writeStringField("IndexName", index.name());
      out.writeStringField("IndexStatus", index.describedStatus().name());
      if (provisioned && index.throughput() != null) {
        out.writeNumberField("ProvisionedReadCapacityUnits", index.throughput().read());
      }
      writeIfSet(out, "ProvisionedReadCapacityAutoScalingSettings", indexRead.get(index.name()));
      if (provisioned && index.throughput() != null) {
        out.writeNumberField("ProvisionedWriteCapacityUnits", index.throughput().write());
      }
      writeIfSet(out, "ProvisionedWriteCapacityAutoScalingSettings", scaling.indexWrite().get(index.name()));
      out.writeEndObject();
    }
    out.writeEndArray();
    if (replica.tableClass() != null) {
      out.writeObjectFieldStart("ReplicaTableClassSummary");
      out.writeStringField("TableClass", replica.tableClass());
      out.writeEndObject();
    }
    out.writeEndObject();
  }
}
