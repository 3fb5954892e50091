package dev.dynamodouble.core.dax;

import dev.dynamodouble.core.protocol.Json;
import dev.dynamodouble.core.protocol.JsonArray;
import dev.dynamodouble.core.protocol.JsonObject;
import dev.dynamodouble.core.table.KeySchema;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * TransactGetItems and TransactWriteItems through DAX. Transactional reads pass through to the
 * table uncached; a transaction's puts and deletes are written through to the item cache once it
 * commits (an update's new item is unknown to DAX, so its key is evicted instead).
 */
final class TransactOperations {
  private static final int PUT = 2;
  private static final int DELETE = 7;
  private static final int UPDATE = 9;
  private static final int CHECK = 12;

  private final DaxService dax;

  TransactOperations(DaxService dax) {
    this.dax = dax;
  }

  void get(CborReader in, CborWriter out, String requestId) {
    List<String> tables = texts(in);
    List<byte[]> keys = bytesOrNulls(in);
    List<byte[]> projections = bytesOrNulls(in);
    DaxOptions options = DaxOptions.read(in);
    DaxMetrics.validate(options);
    List<KeySchema> schemas = new ArrayList<>();
    for (String table : tables) {
      schemas.add(dax.keySchema(table));
    }
    JsonObject response = dax.call("TransactGetItems", requestId, json -> {
      json.writeArrayFieldStart("TransactItems");
      for (int i = 0; i < tables.size(); i++) {
        json.writeStartObject();
        json.writeObjectFieldStart("Get");
        json.writeStringField("TableName", tables.get(i));
        json.writeObjectFieldStart("Key");
        DaxKeys.copy(keys.get(i), schemas.get(i), json);
        json.writeEndObject();
        json.writeEndObject();
        json.writeEndObject();
      }
      json.writeEndArray();
      DaxMetrics.request(options, json);
    });
    JsonArray responses = (JsonArray) response.get("Responses");
    out.array(2).array(tables.size());
    for (int i = 0; i < tables.size(); i++) {
      JsonObject item = responses == null ? null : (JsonObject) ((JsonObject) responses.get(i)).get("Item");
      if (item == null) {
        out.nil();
      } else if (projections.get(i) != null) {
        DaxItems.writeProjected(item, Expressions.projectionPaths(projections.get(i)), out);
      } else {
        out.bytes(dax.items.attributes(item, schemas.get(i)));
      }
    }
    DaxMetrics.writeCapacities(response, true, out);
  }

  /** TransactWriteItems; {@code authorize} refuses an action an item needs that the caller may not perform. */
  void write(CborReader in, CborWriter out, String requestId, java.util.function.Consumer<String> authorize) {
    List<Long> operations = longs(in);
    List<String> tables = texts(in);
    List<byte[]> keys = bytesOrNulls(in);
    List<byte[]> values = bytesOrNulls(in);
    in.skip(); // ReturnValues: none for a transaction
    List<Long> returnOnFailure = longs(in);
    List<byte[]> conditions = bytesOrNulls(in);
    List<byte[]> updates = bytesOrNulls(in);
    DaxOptions options = DaxOptions.read(in);
    DaxMetrics.validate(options);
    for (long operation : operations) {
      authorize.accept(switch ((int) operation) {
        case PUT -> "dax:PutItem";
        case DELETE -> "dax:DeleteItem";
        case UPDATE -> "dax:UpdateItem";
        default -> "dax:ConditionCheckItem";
      });
    }
    List<KeySchema> schemas = new ArrayList<>();
    List<JsonObject> items = new ArrayList<>();
    for (int i = 0; i < tables.size(); i++) {
      KeySchema schema = dax.keySchema(tables.get(i));
      schemas.add(schema);
      byte[] key = keys.get(i);
      byte[] attributes = values.get(i);
      items.add(operations.get(i) != PUT ? null : dax.items.item(key, schema, attributes));
    }
    WrittenItems.Capture written = dax.written.start(dax.region(), new java.util.HashSet<>(tables));
    JsonObject response;
    try {
      response = dax.call("TransactWriteItems", requestId, json -> {
        json.writeArrayFieldStart("TransactItems");
        for (int i = 0; i < tables.size(); i++) {
          int operation = operations.get(i).intValue();
          Expressions expressions = new Expressions();
          json.writeStartObject();
          json.writeObjectFieldStart(switch (operation) {
            case PUT -> "Put";
            case DELETE -> "Delete";
            case UPDATE -> "Update";
            case CHECK -> "ConditionCheck";
            default -> throw DaxError.notImplemented("Transaction operation " + operation);
          });
          json.writeStringField("TableName", tables.get(i));
          if (operation == PUT) {
            json.writeFieldName("Item");
            Json.write(json, items.get(i));
          } else {
            json.writeObjectFieldStart("Key");
            DaxKeys.copy(keys.get(i), schemas.get(i), json);
            json.writeEndObject();
          }
          if (conditions.get(i) != null) {
            json.writeStringField("ConditionExpression", expressions.condition(conditions.get(i), "c"));
          }
          if (updates.get(i) != null) {
            json.writeStringField("UpdateExpression", expressions.update(updates.get(i)));
          }
          expressions.writePlaceholders(json);
          if (i < returnOnFailure.size() && returnOnFailure.get(i) == 2) {
            json.writeStringField("ReturnValuesOnConditionCheckFailure", "ALL_OLD");
          }
          json.writeEndObject();
          json.writeEndObject();
        }
        json.writeEndArray();
        if (options.clientRequestToken != null) {
          json.writeStringField("ClientRequestToken", options.clientRequestToken);
        }
        DaxMetrics.request(options, json);
      });
    } finally {
      dax.written.stop();
    }
    Map<String, Map<ByteBuffer, JsonObject>> updated = new HashMap<>();
    for (int i = 0; i < tables.size(); i++) {
      switch (operations.get(i).intValue()) {
        case PUT -> dax.cache.putItem(tables.get(i), keys.get(i), items.get(i));
        case DELETE -> dax.cache.putItem(tables.get(i), keys.get(i), null);
        case UPDATE -> {
          KeySchema schema = schemas.get(i);
          writeThrough(updated.computeIfAbsent(tables.get(i), t -> byKey(written.written(t), schema)), tables.get(i),
              keys.get(i));
        }
        default -> { }
      }
    }
    out.array(3).array(0); // no return values
    DaxMetrics.writeCapacities(response, true, out);
    DaxMetrics.writeCollectionMetrics(response, out);
  }

  /** The items a transaction wrote to one table, by their encoded key: each made JSON and encoded once. */
  private static Map<ByteBuffer, JsonObject> byKey(List<JsonObject> items, KeySchema schema) {
    Map<ByteBuffer, JsonObject> byKey = new HashMap<>();
    for (JsonObject item : items) {
      byKey.putIfAbsent(ByteBuffer.wrap(DaxKeys.encode(item, schema)), item);
    }
    return byKey;
  }

  /** Caches the item an update of the transaction left, or forgets the key when it changed nothing. */
  private void writeThrough(Map<ByteBuffer, JsonObject> written, String table, byte[] key) {
    JsonObject item = written.get(ByteBuffer.wrap(key));
    if (item != null) {
      dax.cache.putItem(table, key, item);
    } else {
      dax.cache.evictItem(table, key);
    }
  }

  private static List<Long> longs(CborReader in) {
    int size = in.readArrayHeader();
    List<Long> list = new ArrayList<>();
    for (int i = 0; i < size; i++) {
      list.add(in.readLong());
    }
    return list;
  }

  private static List<String> texts(CborReader in) {
    int size = in.readArrayHeader();
    List<String> list = new ArrayList<>();
    for (int i = 0; i < size; i++) {
      list.add(in.readTextOrBytes());
    }
    return list;
  }

  private static List<byte[]> bytesOrNulls(CborReader in) {
    int size = in.readArrayHeader();
    List<byte[]> list = new ArrayList<>();
    for (int i = 0; i < size; i++) {
      list.add(in.tryNull() ? null : in.readBytes());
    }
    return list;
  }
}
