package dev.dynamodouble.core.operation;

import dev.dynamodouble.core.capacity.ConsumedCapacity;
import dev.dynamodouble.core.error.DynamoException;
import dev.dynamodouble.core.error.Echo;
import dev.dynamodouble.core.operation.BatchWrites.Write;
import dev.dynamodouble.core.protocol.Constraints;
import dev.dynamodouble.core.protocol.Json;
import dev.dynamodouble.core.protocol.JsonRequest;
import dev.dynamodouble.core.protocol.JsonWritable;
import dev.dynamodouble.core.table.ItemKey;
import dev.dynamodouble.core.table.Table;
import dev.dynamodouble.core.value.AttributeValue;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * BatchWriteItem: up to 25 puts and deletes across tables, without conditions. The whole request
 * is validated before anything is written; then every write is applied. UnprocessedItems is
 * always present (empty unless a fault or throttling leaves items unwritten).
 */
public final class BatchWriteItem implements Operation {
  static final int MAX_REQUESTS = 25;

  @Override
  public JsonWritable execute(RequestContext context, JsonRequest request) {
    Map<String, List<JsonRequest>> requestItems = readRequestItems(request, context.region());
    String capacityMode = request.string("ReturnConsumedCapacity");
    String metricsMode = request.string("ReturnItemCollectionMetrics");

    List<Write> writes = new ArrayList<>();
    Map<Table, Set<ItemKey>> seen = new HashMap<>(); // by table: a name and its ARN are two entries for one table
    for (Map.Entry<String, List<JsonRequest>> entry : requestItems.entrySet()) {
      Table table = context.catalog().itemTable(entry.getKey());
      Set<ItemKey> tableSeen = seen.computeIfAbsent(table, t -> new HashSet<>());
      for (JsonRequest writeRequest : entry.getValue()) {
        Write write = parse(table, entry.getKey(), writeRequest);
        if (!tableSeen.add(write.key())) {
          throw DynamoException.validation("Provided list of item keys contains duplicates");
        }
        writes.add(write);
      }
    }

    // Writes the pipeline's admissions refuse (throttled, or a fault) come back unprocessed.
    List<Write> admitted = new ArrayList<>(writes.size());
    Map<String, List<JsonRequest>> unprocessed = new LinkedHashMap<>();
    for (Write write : writes) {
      if (context.call().admitsWrite(write.table(), write.key(), write.item())) {
        admitted.add(write);
      } else {
        unprocessed.computeIfAbsent(write.requestedAs(), k -> new ArrayList<>()).add(write.raw());
      }
    }
    Map<String, ConsumedCapacity> capacities = new LinkedHashMap<>();
    BatchWrites.apply(context, admitted, capacities);

    Map<String, List<ItemCollections.Metric>> collections = new LinkedHashMap<>();
    for (Write write : admitted) { // after the commit: each collection's size includes the batch
      ItemCollections.add(collections, metricsMode, write.table(), write.requestedAs(), write.key().partition());
    }
    return out -> {
      out.writeStartObject();
      out.writeObjectFieldStart("UnprocessedItems");
      for (Map.Entry<String, List<JsonRequest>> e : unprocessed.entrySet()) {
        out.writeArrayFieldStart(e.getKey());
        for (JsonRequest raw : e.getValue()) {
          Json.write(out, raw.node());
        }
        out.writeEndArray();
      }
      out.writeEndObject();
      ConsumedCapacity.writeList(out, capacities.values(), capacityMode);
      ItemCollections.write(out, collections);
      out.writeEndObject();
    };
  }

  private static Map<String, List<JsonRequest>> readRequestItems(JsonRequest request, String region) {
    Map<String, List<JsonRequest>> result = request.structureListMap("RequestItems");
    Constraints constraints = new Constraints().notNull(result, "requestItems").minSize(result, 1, "requestItems")
        .enums(request, "BatchWriteItem");
    if (result == null) {
      constraints.check();
    }
    int total = 0;
    boolean listOutOfRange = false;
    for (Map.Entry<String, List<JsonRequest>> e : result.entrySet()) {
      constraints.tableNameOrArn(e.getKey(), "requestItems." + e.getKey() + ".member.key", region);
      listOutOfRange |= e.getValue().isEmpty() || e.getValue().size() > MAX_REQUESTS;
      total += e.getValue().size();
    }
    if (listOutOfRange) {
      // The service reports a per-table list out of range as a constraint on the map's values.
      throw DynamoException.validation("1 validation error detected: Value '" + Echo.of(result.keySet())
          + "' at 'requestItems' failed to satisfy constraint: Map value must satisfy constraint: [Member must have "
          + "length less than or equal to 25, Member must have length greater than or equal to 1]");
    }
    constraints.check();
    if (total > MAX_REQUESTS) {
      throw DynamoException.validation("Too many items requested for the BatchWriteItem call");
    }
    return result;
  }

  private static Write parse(Table table, String requestedAs, JsonRequest writeRequest) {
    JsonRequest put = writeRequest == null ? null : writeRequest.structure("PutRequest");
    JsonRequest delete = writeRequest == null ? null : writeRequest.structure("DeleteRequest");
    if ((put == null) == (delete == null)) {
      throw DynamoException.validation(
          "Supplied AttributeValue has more than one datatypes set, must contain exactly one of the supported datatypes");
    }
    if (put != null) {
      Map<String, AttributeValue> item = put.item("Item");
      if (item == null) { // the member path is built only for the error
        new Constraints().notNull(null, "requestItems." + requestedAs + ".member.putRequest.item").check();
      }
      ItemValidation.Keyed keyed = ItemValidation.keyed(table, item);
      return new Write(table, keyed.key(), keyed.item(), writeRequest, requestedAs, keyed.checkedIndexes());
    }
    Map<String, AttributeValue> key = delete.item("Key");
    if (key == null) {
      new Constraints().notNull(null, "requestItems." + requestedAs + ".member.deleteRequest.key").check();
    }
    return new Write(table, table.keySchema().keyOfKey(key), null, writeRequest, requestedAs, null);
  }
}
