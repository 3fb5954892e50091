package dev.dynamodouble.core.operation;

import dev.dynamodouble.core.backup.IndexOverride;
import dev.dynamodouble.core.backup.RestoreOverrides;
import dev.dynamodouble.core.error.DynamoException;
import dev.dynamodouble.core.protocol.Constraints;
import dev.dynamodouble.core.protocol.JsonRequest;
import dev.dynamodouble.core.table.BillingMode;
import dev.dynamodouble.core.table.IndexDefinition;
import dev.dynamodouble.core.table.Projection;
import dev.dynamodouble.core.table.VectorIndexDefinition;
import java.util.ArrayList;
import java.util.List;

/**
 * The parts RestoreTableFromBackup and RestoreTableToPointInTime share: the target name and the
 * overrides (billing mode, throughput, the indexes and vector indexes to keep, on-demand
 * throughput, encryption),
 * read and checked for shape here; what they mean against the source is checked by
 * {@link dev.dynamodouble.core.backup.TableRestore}.
 */
final class RestoreRequests {
  private RestoreRequests() {}

  /** Adds the member constraints of the target name and of every override to {@code constraints}. */
  static void checkShape(Constraints constraints, JsonRequest request, String operation) {
    String target = request.string("TargetTableName");
    constraints.notNull(target, "targetTableName").name(target, "targetTableName").enums(request, operation);
    TableSpecReader.checkThroughputShape(constraints, request.structure("ProvisionedThroughputOverride"),
        "provisionedThroughputOverride");
    TableSpecReader.checkIndexShapes(constraints, request.structures("GlobalSecondaryIndexOverride"),
        "globalSecondaryIndexOverride", true, false);
    TableSpecReader.checkIndexShapes(constraints, request.structures("LocalSecondaryIndexOverride"),
        "localSecondaryIndexOverride", false, false);
    List<JsonRequest> vectors = request.structures("VectorIndexOverride");
    if (vectors != null) {
      for (int i = 0; i < vectors.size(); i++) {
        VectorIndexRequests.checkShape(constraints, vectors.get(i), "vectorIndexOverride." + (i + 1) + ".member");
      }
    }
  }

  /** The overrides of a request whose shape {@link #checkShape} accepted. */
  static RestoreOverrides overrides(RequestContext context, JsonRequest request) {
    String billing = request.string("BillingModeOverride");
    JsonRequest throughput = request.structure("ProvisionedThroughputOverride");
    JsonRequest onDemand = request.structure("OnDemandThroughputOverride");
    if (onDemand != null) {
      checkOnDemand(onDemand.longValue("MaxReadRequestUnits"), "MaxReadRequestUnits");
      checkOnDemand(onDemand.longValue("MaxWriteRequestUnits"), "MaxWriteRequestUnits");
    }
    JsonRequest sse = request.structure("SSESpecificationOverride");
    return new RestoreOverrides(
        billing == null ? null : BillingMode.valueOf(billing),
        throughput == null ? null : TableSpecReader.capacity(throughput),
        indexes(request.structures("GlobalSecondaryIndexOverride"), true),
        indexes(request.structures("LocalSecondaryIndexOverride"), false),
        onDemand != null,
        sse != null,
        sse == null ? null : SseSpecifications.encryption(context, sse),
        vectorIndexes(request.structures("VectorIndexOverride")));
  }

  private static List<VectorIndexDefinition> vectorIndexes(List<JsonRequest> requested) {
    return requested == null ? null : requested.stream()
        .map(index -> VectorIndexRequests.definition(index, IndexDefinition.IndexStatus.ACTIVE)).toList();
  }

  private static void checkOnDemand(Long units, String name) {
    if (units != null && units < 1 && units != -1) {
      throw DynamoException.validation("Invalid Request: Requested " + name + " for OnDemandThroughput is outside of valid range");
    }
  }

  private static List<IndexOverride> indexes(List<JsonRequest> requested, boolean global) {
    if (requested == null) {
      return null;
    }
    List<IndexOverride> result = new ArrayList<>();
    for (JsonRequest index : requested) {
      List<String> partition = new ArrayList<>();
      List<String> sort = new ArrayList<>();
      for (JsonRequest element : index.structures("KeySchema")) {
        ("RANGE".equals(element.string("KeyType")) ? sort : partition).add(element.string("AttributeName"));
      }
      Projection projection = TableSpecReader.projection(index.structure("Projection"));
      JsonRequest throughput = global ? index.structure("ProvisionedThroughput") : null;
      result.add(new IndexOverride(index.string("IndexName"), partition, sort, projection,
          throughput == null ? null : TableSpecReader.capacity(throughput)));
    }
    return result;
  }
}
