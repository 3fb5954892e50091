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
 * DescribeTableReplicaAutoScaling: the auto-scaling settings recorded for a table, its replica (the
 * table in its own region) and its global secondary indexes.
 */
public final class DescribeTableReplicaAutoScaling implements Operation {

  @Override
  public JsonWritable execute(RequestContext context, JsonRequest request) {
    String tableName = request.string("TableName");
    new Constraints().notNull(tableName, "tableName").tableNameOrArn(tableName, "tableName").check();
    Table table = context.catalog().describedTable(tableName);
    ReplicaAutoScaling.TableSettings settings = ReplicaAutoScaling.of(table);
    return out -> {
      out.writeStartObject();
      write(out, table, settings);
      out.writeEndObject();
    };
  }

  /** Writes {@code "TableAutoScalingDescription": {...}}. */
  static void write(JsonGenerator out, Table table, ReplicaAutoScaling.TableSettings settings) throws IOException {
    out.writeObjectFieldStart("TableAutoScalingDescription");
    out.writeStringField("TableName", table.name());
    out.writeStringField("TableStatus", table.status().name());
    out.writeArrayFieldStart("Replicas");
    out.writeStartObject();
    out.writeStringField("RegionName", table.region());
    out.writeArrayFieldStart("GlobalSecondaryIndexes");
    Map<String, AutoScalingSettings> indexRead = settings.replicaIndexRead().getOrDefault(table.region(), Map.of());
    for (IndexDefinition index : table.globalIndexes()) {
      out.writeStartObject();
      out.writeStringField("IndexName", index.name());
      out.writeStringField("IndexStatus", index.status().name());
      writeIfSet(out, "ProvisionedReadCapacityAutoScalingSettings", indexRead.get(index.name()));
      writeIfSet(out, "ProvisionedWriteCapacityAutoScalingSettings", settings.indexWrite().get(index.name()));
      out.writeEndObject();
    }
    out.writeEndArray();
    writeIfSet(out, "ReplicaProvisionedReadCapacityAutoScalingSettings", settings.replicaRead().get(table.region()));
    writeIfSet(out, "ReplicaProvisionedWriteCapacityAutoScalingSettings", settings.write());
    out.writeStringField("ReplicaStatus", "ACTIVE");
    out.writeEndObject();
    out.writeEndArray();
    out.writeEndObject();
  }

  private static void writeIfSet(JsonGenerator out, String field, AutoScalingSettings settings) throws IOException {
    if (settings != null) {
      settings.write(out, field);
    }
  }
}
