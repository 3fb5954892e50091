package dev.dynamodouble.core.operation;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.dynamodouble.core.autoscaling.AutoScalingSettings;
import dev.dynamodouble.core.autoscaling.ReplicaAutoScaling;
import dev.dynamodouble.core.protocol.Constraints;
import dev.dynamodouble.core.protocol.JsonRequest;
import dev.dynamodouble.core.protocol.JsonWritable;
import dev.dynamodouble.core.table.IndexDefinition;
import dev.dynamodouble.core.table.Table;
import java.io.IOException;
import java.util.Map;

/**
 * DescribeTableReplicaAutoScaling: the auto-scaling settings recorded for a table, each of its
 * replicas (every region of its global table, or just its own region) and their global secondary
 * indexes.
 */
public final class DescribeTableReplicaAutoScaling implements Operation {

  @Override
  public JsonWritable execute(RequestContext context, JsonRequest request) {
    String tableName = request.string("TableName");
    new Constraints().notNull(tableName, "tableName").tableNameOrArn(tableName, "tableName", context.region()).check();
    Table table = context.catalog().describedTable(tableName);
    ReplicaAutoScaling.TableSettings settings = ReplicaAutoScaling.of(table);
    Map<String, Table> replicas = replicas(context, table);
    return out -> {
      out.writeStartObject();
      write(out, table, settings, replicas);
      out.writeEndObject();
    };
  }

  /** The table's replicas by region: its global table's, or the table alone in its own region. */
  static Map<String, Table> replicas(RequestContext context, Table table) {
    Map<String, Table> replicas = context.engine().replication().replicas(table);
    return replicas.isEmpty() ? Map.of(table.region(), table) : replicas;
  }

  /** Writes {@code "TableAutoScalingDescription": {...}}. */
  static void write(JsonGenerator out, Table table, ReplicaAutoScaling.TableSettings settings,
                    Map<String, Table> replicas) throws IOException {
    out.writeObjectFieldStart("TableAutoScalingDescription");
    out.writeStringField("TableName", table.name());
    out.writeStringField("TableStatus", table.status().name());
    out.writeArrayFieldStart("Replicas");
    for (Map.Entry<String, Table> replica : replicas.entrySet()) {
      String region = replica.getKey();
      out.writeStartObject();
      out.writeStringField("RegionName", region);
      out.writeArrayFieldStart("GlobalSecondaryIndexes");
      Map<String, AutoScalingSettings> indexRead = settings.replicaIndexRead().getOrDefault(region, Map.of());
      for (IndexDefinition index : replica.getValue().globalIndexes()) {
        out.writeStartObject();
        out.writeStringField("IndexName", index.name());
        out.writeStringField("IndexStatus", index.describedStatus().name());
        writeIfSet(out, "ProvisionedReadCapacityAutoScalingSettings", indexRead.get(index.name()));
        writeIfSet(out, "ProvisionedWriteCapacityAutoScalingSettings", settings.indexWrite().get(index.name()));
        out.writeEndObject();
      }
      out.writeEndArray();
      writeIfSet(out, "ReplicaProvisionedReadCapacityAutoScalingSettings", settings.replicaRead().get(region));
      writeIfSet(out, "ReplicaProvisionedWriteCapacityAutoScalingSettings", settings.write());
      out.writeStringField("ReplicaStatus", replicaStatus(replica.getValue()));
      out.writeEndObject();
    }
    out.writeEndArray();
    out.writeEndObject();
  }

  /** A replica table's status as a ReplicaStatus (which has no ARCHIVING and the like: those read ACTIVE). */
  private static String replicaStatus(Table replica) {
    String status = replica.status().name();
    return switch (status) {
      case "CREATING", "UPDATING", "DELETING" -> status;
      default -> "ACTIVE";
    };
  }

  /** Writes {@code settings} as {@code field}, when there are any. */
  static void writeIfSet(JsonGenerator out, String field, AutoScalingSettings settings) throws IOException {
    if (settings != null) {
      settings.write(out, field);
    }
  }
}
