package dev.dynamodouble.core.operation;

import dev.dynamodouble.core.capacity.Capacity;
import dev.dynamodouble.core.capacity.CapacityCharge;
import dev.dynamodouble.core.capacity.ConsumedCapacity;
import dev.dynamodouble.core.error.DynamoException;
import dev.dynamodouble.core.error.Echo;
import dev.dynamodouble.core.expression.Projection;
import dev.dynamodouble.core.insights.KeyAccess;
import dev.dynamodouble.core.protocol.AttributeValues;
import dev.dynamodouble.core.protocol.Constraints;
import dev.dynamodouble.core.protocol.Json;
import dev.dynamodouble.core.protocol.JsonRequest;
import dev.dynamodouble.core.protocol.JsonWritable;
import dev.dynamodouble.core.table.ItemKey;
import dev.dynamodouble.core.table.StoredItem;
import dev.dynamodouble.core.table.Table;
import dev.dynamodouble.core.table.TableData;
import dev.dynamodouble.core.value.AttributeValue;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * BatchGetItem: up to 100 keys across tables. Keys whose items would take the response past
 * 16 MB come back in UnprocessedKeys, with the table's projection and consistency settings.
 */
public final class BatchGetItem implements Operation {
  static final int MAX_KEYS = 100;
  static final long MAX_RESPONSE_BYTES = 16L * 1024 * 1024;

  /** One table's part; {@code requestedAs} is the table as the request named it, its name or its ARN. */
  private record TableRequest(Table table, String requestedAs, JsonRequest raw, List<Map<String, AttributeValue>> keys,
                              List<ItemKey> itemKeys, Projection projection, boolean consistent) {}

  @Override
  public JsonWritable execute(RequestContext context, JsonRequest request) {
    Map<String, JsonRequest> requestItems = request.structureMap("RequestItems");
    String capacityMode = request.string("ReturnConsumedCapacity");
    Constraints constraints = Constraints.of("BatchGetItem").notNull(requestItems, "requestItems")
        .enums(request, "BatchGetItem");
    int total = 0;
    if (requestItems != null) {
      constraints.minSize(requestItems, 1, "requestItems");
      for (Map.Entry<String, JsonRequest> e : requestItems.entrySet()) {
        constraints.tableNameOrArn(e.getKey(), "requestItems." + e.getKey() + ".member.key", context.region());
        List<Map<String, AttributeValue>> keys = keys(e.getValue());
        constraints.notNull(keys, "requestItems." + e.getKey() + ".member.keys")
            .minSize(keys, 1, "requestItems." + e.getKey() + ".member.keys")
            .maxSize(keys, MAX_KEYS, "requestItems." + e.getKey() + ".member.keys");
        total += keys == null ? 0 : keys.size();
      }
    }
    constraints.check();
    if (total > MAX_KEYS) {
      throw DynamoException.validation("Too many items requested for the BatchGetItem call");
    }

    List<TableRequest> tables = new ArrayList<>();
    Map<Table, String> named = new HashMap<>(); // by table: a name and its ARN are two keys for one table
    for (Map.Entry<String, JsonRequest> e : requestItems.entrySet()) {
      JsonRequest raw = e.getValue();
      RequestExpressions expressions = RequestExpressions.of(raw, "BatchGetItem");
      Projection projection = expressions.projection();
      expressions.checkAllUsed();
      Table table = context.catalog().itemTable(e.getKey());
      String before = named.putIfAbsent(table, e.getKey());
      if (before != null) {
        // "Each table name or ARN can be used only once per BatchGetItem request" (API reference)
        throw DynamoException.validation("Each table name or ARN can be used only once per BatchGetItem request: "
            + Echo.of(before) + " and " + Echo.of(e.getKey()) + " name one table");
      }
      if (projection != null) {
        KeyPaths.check(table, projection.paths());
      }
      List<Map<String, AttributeValue>> keys = keys(raw);
      List<ItemKey> itemKeys = new ArrayList<>();
      Set<ItemKey> seen = new HashSet<>();
      for (Map<String, AttributeValue> key : keys) {
        ItemKey itemKey = table.keySchema().keyOfKey(key);
        if (!seen.add(itemKey)) {
          throw DynamoException.validation("Provided list of item keys contains duplicates");
        }
        itemKeys.add(itemKey);
      }
      tables.add(new TableRequest(table, e.getKey(), raw, keys, itemKeys, projection, Boolean.TRUE.equals(raw.bool("ConsistentRead"))));
    }

    Map<String, List<Map<String, AttributeValue>>> responses = new LinkedHashMap<>();
    Map<TableRequest, List<Map<String, AttributeValue>>> unprocessed = new LinkedHashMap<>();
    Map<String, ConsumedCapacity> capacities = new LinkedHashMap<>();
    long responseBytes = 0;
    KeyAccess access = KeyAccess.of(context.call());
    List<Runnable> charges = new ArrayList<>(); // paid once every key has been admitted or refused
    for (TableRequest t : tables) {
      TableData data = context.read(t.table(), null, t.consistent());
      List<Map<String, AttributeValue>> found = responses.computeIfAbsent(t.requestedAs(), k -> new ArrayList<>());
      ConsumedCapacity capacity = capacities.computeIfAbsent(t.requestedAs(), ConsumedCapacity::new);
      for (int i = 0; i < t.itemKeys().size(); i++) {
        ItemKey itemKey = t.itemKeys().get(i);
        if (!context.call().admits(t.table(), itemKey, false)) { // throttled, or a fault: unprocessed
          unprocessed.computeIfAbsent(t, k -> new ArrayList<>()).add(t.keys().get(i));
          continue;
        }
        StoredItem item = data.get(itemKey);
        long size = item == null ? 0 : item.size();
        if (responseBytes + size > MAX_RESPONSE_BYTES) {
          unprocessed.computeIfAbsent(t, k -> new ArrayList<>()).add(t.keys().get(i));
          if (access != null) { // Contributor Insights: not read
            access.unread(t.table(), itemKey);
          }
          continue;
        }
        responseBytes += size;
        double units = Capacity.readUnits(size, t.consistent());
        capacity.addTableRead(units);
        charges.add(() -> CapacityCharge.record(context.call(), t.table(), itemKey.partition(),
            new ConsumedCapacity(t.table().name()).addTableRead(units)));
        if (item != null) {
          found.add(t.projection() == null ? item.attributes() : t.projection().apply(item.attributes()));
        }
      }
    }

    charges.forEach(Runnable::run);
    return out -> {
      out.writeStartObject();
      out.writeObjectFieldStart("Responses");
      for (Map.Entry<String, List<Map<String, AttributeValue>>> e : responses.entrySet()) {
        out.writeArrayFieldStart(e.getKey());
        for (Map<String, AttributeValue> item : e.getValue()) {
          AttributeValues.writeItem(out, item);
        }
        out.writeEndArray();
      }
      out.writeEndObject();
      out.writeObjectFieldStart("UnprocessedKeys");
      for (Map.Entry<TableRequest, List<Map<String, AttributeValue>>> e : unprocessed.entrySet()) {
        JsonRequest raw = e.getKey().raw();
        out.writeObjectFieldStart(e.getKey().requestedAs());
        out.writeArrayFieldStart("Keys");
        for (Map<String, AttributeValue> key : e.getValue()) {
          AttributeValues.writeItem(out, key);
        }
        out.writeEndArray();
        for (String field : List.of("ProjectionExpression", "ConsistentRead", "ExpressionAttributeNames", "AttributesToGet")) {
          if (raw.has(field)) {
            out.writeFieldName(field);
            Json.write(out, raw.node().get(field));
          }
        }
        out.writeEndObject();
      }
      out.writeEndObject();
      ConsumedCapacity.writeList(out, capacities.values(), capacityMode);
      out.writeEndObject();
    };
  }

  private static List<Map<String, AttributeValue>> keys(JsonRequest tableRequest) {
    if (tableRequest == null) {
      return null;
    }
    List<JsonRequest> raw = tableRequest.structures("Keys");
    if (raw == null) {
      return null;
    }
    List<Map<String, AttributeValue>> keys = new ArrayList<>(raw.size());
    for (JsonRequest key : raw) {
      if (key == null) {
        throw DynamoException.validation("The provided key element does not match the schema");
      }
      keys.add(AttributeValues.readItem(key.node()));
    }
    return keys;
  }
}
