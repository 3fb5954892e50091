package dev.dynamodouble.core.operation;

import dev.dynamodouble.core.autoscaling.ReplicaAutoScaling;
import dev.dynamodouble.core.error.DynamoException;
import dev.dynamodouble.core.protocol.Constraints;
import dev.dynamodouble.core.protocol.JsonRequest;
import dev.dynamodouble.core.protocol.JsonWritable;
import dev.dynamodouble.core.table.IndexDefinition;
import dev.dynamodouble.core.table.Table;
import java.util.Map;

/**
 * UpdateTableReplicaAutoScaling: records auto-scaling settings for a table's write capacity, each
 * replica's read capacity (any region of its global table) and its global indexes', and answers
 * the description. The settings are
 * accepted and described; Dynamo Double does not scale capacity by them.
 */
public final class UpdateTableReplicaAutoScaling implements Operation {

  @Override
  public JsonWritable execute(RequestContext context, JsonRequest request) {
    String tableName = request.string("TableName");
    new Constraints().notNull(tableName, "tableName").tableNameOrArn(tableName, "tableName", context.region()).check();
    Table table = context.catalog().describedTable(tableName);
    Map<String, Table> replicas = DescribeTableReplicaAutoScaling.replicas(context, table);
    ReplicaAutoScaling.Change change = new ReplicaAutoScaling.Change(ReplicaAutoScaling.of(table));
    change.write(request.structure("ProvisionedWriteCapacityAutoScalingUpdate"));
    change.indexWrite(request.structures("GlobalSecondaryIndexUpdates"), "ProvisionedWriteCapacityAutoScalingUpdate",
        update -> globalIndex(table, update.string("IndexName")));
    for (JsonRequest update : request.structuresOrEmpty("ReplicaUpdates")) {
      String region = update.string("RegionName");
      if (!replicas.containsKey(region)) {
        throw DynamoException.validation("Table " + table.name() + " has no replica in region " + region);
      }
      change.replicaRead(region, update.structure("ReplicaProvisionedReadCapacityAutoScalingUpdate"));
      change.replicaIndexRead(region, update.structures("ReplicaGlobalSecondaryIndexUpdates"),
          "ProvisionedReadCapacityAutoScalingUpdate", indexUpdate -> globalIndex(table, indexUpdate.string("IndexName")));
    }
    ReplicaAutoScaling.TableSettings updated = change.settings();
    for (Table replica : replicas.values()) { // every region describes the same global settings
      ReplicaAutoScaling.put(replica, updated);
    }
    return out -> {
      out.writeStartObject();
      DescribeTableReplicaAutoScaling.write(out, table, updated, replicas);
      out.writeEndObject();
    };
  }

  private static String globalIndex(Table table, String name) {
    IndexDefinition index = name == null ? null : table.index(name);
    if (index != null && index.global()) {
      return name;
    }
    throw DynamoException.resourceNotFound("Requested resource not found: Index: " + name + " not found");
  }
}
