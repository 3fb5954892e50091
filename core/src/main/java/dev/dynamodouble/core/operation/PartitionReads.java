package dev.dynamodouble.core.operation;

import dev.dynamodouble.core.error.DynamoException;
import dev.dynamodouble.core.partiql.Plan;
import dev.dynamodouble.core.partiql.RequestJson;
import dev.dynamodouble.core.protocol.AttributeValues;
import dev.dynamodouble.core.protocol.Json;
import dev.dynamodouble.core.protocol.JsonObject;
import dev.dynamodouble.core.protocol.JsonRequest;
import dev.dynamodouble.core.value.AttributeValue;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A page of a SELECT answered by Query or Scan: one operation call, or, for a statement naming
 * several partitions (an IN list, an OR of equalities), one Query per partition in statement order
 * until Limit items were read. The NextToken carries the partition and its LastEvaluatedKey.
 */
final class PartitionReads {
  /** A page: its items, where the last partition read stopped, the NextToken, the summed capacity. */
  record Page(List<Map<String, AttributeValue>> items, Object lastEvaluatedKey, String nextToken,
              CapacityTotals capacity) {}

  private PartitionReads() {}

  static Page read(RequestContext context, Plan plan, Map<String, Object> extra, Integer limit, String token) {
    int partition = 0;
    Object startKey = null;
    if (token != null) {
      JsonObject position = decode(token);
      partition = ((Number) position.get("p")).intValue();
      startKey = position.get("k");
      int partitions = plan.partitions() == null ? 1 : plan.partitions().size();
      if (partition < 0 || partition >= partitions) {
        throw invalidToken();
      }
    }
    List<Map<String, AttributeValue>> items = new ArrayList<>();
    CapacityTotals capacity = new CapacityTotals();
    Object lastKey;
    int evaluated = 0; // Limit counts the items read, before the filter, across the partitions
    while (true) {
      Map<String, Object> request = new LinkedHashMap<>(extra);
      request.put("ExclusiveStartKey", startKey);
      request.put("Limit", limit == null ? null : limit - evaluated);
      JsonRequest response = PartiqlStatements.runRequest(context, plan,
          plan.partitions() == null ? plan.with(request) : plan.forPartition(partition, request));
      items.addAll(PartiqlStatements.items(plan, response));
      Integer scanned = response.intValue("ScannedCount");
      evaluated += scanned == null ? 0 : scanned;
      capacity.add(response.raw("ConsumedCapacity"));
      lastKey = response.raw("LastEvaluatedKey");
      boolean lastPartition = plan.partitions() == null || partition == plan.partitions().size() - 1;
      if (lastKey != null || lastPartition) {
        break;
      }
      partition++;
      startKey = null;
      if (limit != null && evaluated >= limit) {
        return new Page(items, null, encode(partition, null), capacity);
      }
    }
    return new Page(items, lastKey, lastKey == null ? null : encode(partition, lastKey), capacity);
  }

  private static String encode(int partition, Object lastEvaluatedKey) {
    StringBuilder json = new StringBuilder("{\"p\":").append(partition);
    if (lastEvaluatedKey != null) {
      json.append(",\"k\":").append(Json.toJson(lastEvaluatedKey));
    }
    return Base64.getEncoder().encodeToString(json.append('}').toString().getBytes(StandardCharsets.UTF_8));
  }

  private static JsonObject decode(String token) {
    try {
      Object position = Json.parse(new String(Base64.getDecoder().decode(token), StandardCharsets.UTF_8));
      if (position instanceof JsonObject object && object.get("p") instanceof Number) {
        Object key = object.get("k");
        if (key == null || key instanceof JsonObject) {
          if (key != null) {
            AttributeValues.readItem(key);
          }
          return object;
        }
      }
    } catch (IllegalArgumentException | DynamoException e) {
      // reported below
    }
    throw invalidToken();
  }

  private static DynamoException invalidToken() {
    return DynamoException.validation("Invalid NextToken");
  }
}
