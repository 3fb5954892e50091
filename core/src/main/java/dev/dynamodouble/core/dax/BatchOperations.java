package dev.dynamodouble.core.dax;

import dev.dynamodouble.core.protocol.Json;
import dev.dynamodouble.core.protocol.JsonArray;
import dev.dynamodouble.core.protocol.JsonObject;
import dev.dynamodouble.core.table.KeySchema;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * BatchGetItem and BatchWriteItem through DAX. A batch read takes what it can from the item cache
 * and asks the table for the rest in one call, caching what comes back (absent keys as misses);
 * a batch write writes its processed requests through to the item cache.
 */
final class BatchOperations {
  private final DaxService dax;

  BatchOperations(DaxService dax) {
    this.dax = dax;
  }

  /** What one table of a BatchGetItem asks for. */
  private record TableRead(String table, KeySchema schema, boolean consistent, List<List<Object>> paths,
                           List<byte[]> keys, List<JsonObject> found, List<byte[]> misses) {}

  void get(CborReader in, CborWriter out, String requestId) {
    int tables = in.readMapHeader();
    List<TableRead> reads = new ArrayList<>();
    for (int t = 0; t < tables; t++) {
      String table = in.readTextOrBytes();
      in.readArrayHeader();
      boolean consistent = in.readBoolean();
      byte[] projection = in.tryNull() ? null : in.readBytes();
      int count = in.readArrayHeader();
      List<byte[]> keys = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        keys.add(in.readBytes());
      }
      reads.add(new TableRead(table, dax.keySchema(table), consistent,
          projection == null ? null : Expressions.projectionPaths(projection), keys, new ArrayList<>(), new ArrayList<>()));
    }
    DaxOptions options = DaxOptions.read(in);
    DaxMetrics.validate(options);
    for (TableRead read : reads) {
      for (byte[] key : read.keys()) {
        DaxCache.Hit hit = read.consistent() ? null : dax.cache.item(read.table(), key);
        if (hit == null) {
          read.misses().add(key);
        } else if (hit.item() != null) {
          read.found().add(hit.item());
        }
      }
    }
    Map<String, List<byte[]>> unprocessed = new LinkedHashMap<>();
    JsonObject response = fetch(reads, options, requestId, unprocessed);
    out.array(2).map(reads.size());
    for (TableRead read : reads) {
      out.text(read.table()).array(read.found().size() * (read.paths() == null ? 2 : 1));
      for (JsonObject item : read.found()) {
        if (read.paths() == null) {
          out.bytes(DaxKeys.encode(item, read.schema())).bytes(dax.items.attributes(item, read.schema()));
        } else {
          DaxItems.writeProjected(item, read.paths(), out);
        }
      }
    }
    out.map(unprocessed.size());
    for (Map.Entry<String, List<byte[]>> table : unprocessed.entrySet()) {
      out.text(table.getKey()).array(table.getValue().size());
      for (byte[] key : table.getValue()) {
        out.bytes(key);
      }
    }
    // Only the tables read consumed anything; the client counts the others' zero itself.
    DaxMetrics.writeCapacities(response, false, out);
  }

  /**
   * Reads the keys no cache answered in one BatchGetItem, putting the unprocessed keys by table in
   * {@code unprocessed}; returns DynamoDB's answer, or null when the caches answered everything.
   */
  private JsonObject fetch(List<TableRead> reads, DaxOptions options, String requestId,
                           Map<String, List<byte[]>> unprocessed) {
    if (reads.stream().allMatch(read -> read.misses().isEmpty())) {
      return null;
    }
    JsonObject response = dax.call("BatchGetItem", requestId, json -> {
      json.writeObjectFieldStart("RequestItems");
      for (TableRead read : reads) {
        if (!read.misses().isEmpty()) {
          json.writeObjectFieldStart(read.table());
          json.writeArrayFieldStart("Keys");
          for (byte[] key : read.misses()) {
            json.writeStartObject();
            DaxKeys.copy(key, read.schema(), json);
            json.writeEndObject();
          }
          json.writeEndArray();
          json.writeBooleanField("ConsistentRead", read.consistent());
          json.writeEndObject();
        }
      }
      json.writeEndObject();
      DaxMetrics.request(options, json);
    });
    JsonObject responses = (JsonObject) response.get("Responses");
    JsonObject left = (JsonObject) response.get("UnprocessedKeys");
    for (TableRead read : reads) {
      Set<ByteBuffer> answered = new HashSet<>();
      if (responses != null && responses.get(read.table()) instanceof JsonArray items) {
        for (Object element : items) {
          JsonObject item = (JsonObject) element;
          byte[] key = DaxKeys.encode(item, read.schema());
          answered.add(ByteBuffer.wrap(key));
          read.found().add(item);
          if (!read.consistent()) {
            dax.cache.putItem(read.table(), key, item);
          }
        }
      }
      if (left != null && left.get(read.table()) instanceof JsonObject keys) {
        List<byte[]> pending = new ArrayList<>();
        for (Object element : (JsonArray) keys.get("Keys")) {
          byte[] key = DaxKeys.encode((JsonObject) element, read.schema());
          answered.add(ByteBuffer.wrap(key));
          pending.add(key);
        }
        unprocessed.put(read.table(), pending);
      }
      if (!read.consistent()) {
        for (byte[] key : read.misses()) {
          if (!answered.contains(ByteBuffer.wrap(key))) {
            dax.cache.putItem(read.table(), key, null); // a miss is cached too
          }
        }
      }
    }
    return response;
  }

  /** One put (item set) or delete (item null) of a BatchWriteItem. */
  private record Write(byte[] key, JsonObject item) {}

  void write(CborReader in, CborWriter out, String requestId) {
    int tables = in.readMapHeader();
    Map<String, List<Write>> writes = new LinkedHashMap<>();
    Map<String, KeySchema> schemas = new LinkedHashMap<>();
    for (int t = 0; t < tables; t++) {
      String table = in.readTextOrBytes();
      KeySchema schema = dax.keySchema(table);
      schemas.put(table, schema);
      int count = in.readArrayHeader() / 2;
      List<Write> list = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        byte[] key = in.readBytes();
        byte[] attributes = in.tryNull() ? null : in.readBytes();
        list.add(new Write(key, attributes == null ? null : dax.items.item(key, schema, attributes)));
      }
      writes.put(table, list);
    }
    DaxOptions options = DaxOptions.read(in);
    DaxMetrics.validate(options);
    JsonObject response = dax.call("BatchWriteItem", requestId, json -> {
      json.writeObjectFieldStart("RequestItems");
      for (Map.Entry<String, List<Write>> table : writes.entrySet()) {
        json.writeArrayFieldStart(table.getKey());
        for (Write write : table.getValue()) {
          json.writeStartObject();
          if (write.item() != null) {
            json.writeObjectFieldStart("PutRequest");
            json.writeFieldName("Item");
            Json.write(json, write.item());
          } else {
            json.writeObjectFieldStart("DeleteRequest");
            json.writeObjectFieldStart("Key");
            DaxKeys.copy(write.key(), schemas.get(table.getKey()), json);
            json.writeEndObject();
          }
          json.writeEndObject();
          json.writeEndObject();
        }
        json.writeEndArray();
      }
      json.writeEndObject();
      DaxMetrics.request(options, json);
    });
    JsonObject left = (JsonObject) response.get("UnprocessedItems");
    Map<String, List<Write>> unprocessed = new LinkedHashMap<>();
    for (Map.Entry<String, List<Write>> table : writes.entrySet()) {
      KeySchema schema = schemas.get(table.getKey());
      Set<ByteBuffer> pending = new HashSet<>();
      if (left != null && left.get(table.getKey()) instanceof JsonArray requests) {
        for (Object element : requests) {
          JsonObject request = (JsonObject) element;
          JsonObject put = (JsonObject) request.get("PutRequest");
          JsonObject key = put != null ? (JsonObject) put.get("Item")
              : (JsonObject) ((JsonObject) request.get("DeleteRequest")).get("Key");
          pending.add(ByteBuffer.wrap(DaxKeys.encode(key, schema)));
        }
      }
      for (Write write : table.getValue()) {
        if (pending.contains(ByteBuffer.wrap(write.key()))) {
          unprocessed.computeIfAbsent(table.getKey(), k -> new ArrayList<>()).add(write);
        } else {
          dax.cache.putItem(table.getKey(), write.key(), write.item());
        }
      }
    }
    out.map(unprocessed.size());
    for (Map.Entry<String, List<Write>> table : unprocessed.entrySet()) {
      out.text(table.getKey()).array(table.getValue().size() * 2);
      for (Write write : table.getValue()) {
        out.bytes(write.key());
        if (write.item() == null) {
          out.nil();
        } else {
          out.bytes(dax.items.attributes(write.item(), schemas.get(table.getKey())));
        }
      }
    }
    DaxMetrics.writeCapacities(response, false, out);
    DaxMetrics.writeCollectionMetrics(response, out);
  }
}
