package dev.dynamodouble.core.operation;

import dev.dynamodouble.core.autoscaling.AutoScalingSettings;
import dev.dynamodouble.core.autoscaling.ReplicaAutoScaling;
import dev.dynamodouble.core.error.DynamoException;
import dev.dynamodouble.core.protocol.Constraints;
import dev.dynamodouble.core.protocol.JsonRequest;
import dev.dynamodouble.core.protocol.JsonWritable;
import dev.dynamodouble.core.table.IndexDefinition;
import dev.dynamodouble.core.table.Table;
import java.util.HashMap;
import java.util.List;
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
    new Constraints().notNull(tableName, "tableName").tableNameOrArn(tableName, "tableName").check();
    Table table = context.catalog().describedTable(tableName);
    ReplicaAutoScaling.TableSettings current = ReplicaAutoScaling.of(table);
    Map<String, Table> replicas = DescribeTableReplicaAutoScaling.replicas(context, table);

    AutoScalingSettings write = AutoScalingSettings.applyIfGiven(current.write(),
        request.structure("ProvisionedWriteCapacityAutoScalingUpdate"));
    Map<String, AutoScalingSettings> indexWrite = new HashMap<>(current.indexWrite());
    for (JsonRequest update : orEmpty(request.structures("GlobalSecondaryIndexUpdates"))) {
      String index = globalIndex(table, update.string("IndexName"));
      JsonRequest settings = update.structure("ProvisionedWriteCapacityAutoScalingUpdate");
      if (settings != null) {
        indexWrite.put(index, AutoScalingSettings.apply(indexWrite.get(index), settings));
      }
    }
    Map<String, AutoScalingSettings> replicaRead = new HashMap<>(current.replicaRead());
    Map<String, Map<String, AutoScalingSettings>> replicaIndexRead = new HashMap<>(current.replicaIndexRead());
    for (JsonRequest update : orEmpty(request.structures("ReplicaUpdates"))) {
      String region = update.string("RegionName");
      if (!replicas.containsKey(region)) {
        throw DynamoException.validation("Table " + table.name() + " has no replica in region " + region);
      }
      JsonRequest read = update.structure("ReplicaProvisionedReadCapacityAutoScalingUpdate");
      if (read != null) {
        replicaRead.put(region, AutoScalingSettings.apply(replicaRead.get(region), read));
      }
      Map<String, AutoScalingSettings> indexes = new HashMap<>(replicaIndexRead.getOrDefault(region, Map.of()));
      for (JsonRequest indexUpdate : orEmpty(update.structures("ReplicaGlobalSecondaryIndexUpdates"))) {
        String index = globalIndex(table, indexUpdate.string("IndexName"));
        JsonRequest settings = indexUpdate.structure("ProvisionedReadCapacityAutoScalingUpdate");
        if (settings != null) {
          indexes.put(index, AutoScalingSettings.apply(indexes.get(index), settings));
        }
      }
      replicaIndexRead.put(region, Map.copyOf(indexes));
    }
    ReplicaAutoScaling.TableSettings updated = new ReplicaAutoScaling.TableSettings(write, Map.copyOf(indexWrite),
        Map.copyOf(replicaRead), Map.copyOf(replicaIndexRead));
    for (Table replica : replicas.values()) { // every region describes the same global settings
      ReplicaAutoScaling.put(replica, updated);
    }
    return out -> {
      out.writeStartObject();
      DescribeTableReplicaAutoScaling.write(out, table, updated, replicas);
      out.writeEndObject();
    };
  }

  private static List<JsonRequest> orEmpty(List<JsonRequest> list) {
    return list == null ? List.of() : list;
  }

  private static String globalIndex(Table table, String name) {
    IndexDefinition index = name == null ? null : table.index(name);
    if (index != null && index.global()) {
      return name;
    }
    throw DynamoException.resourceNotFound("Requested resource not found: Index: " + name + " not found");
  }
}
