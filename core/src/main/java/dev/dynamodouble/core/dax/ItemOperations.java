package dev.dynamodouble.core.dax;

import dev.dynamodouble.core.protocol.Json;
import dev.dynamodouble.core.protocol.JsonObject;
import dev.dynamodouble.core.table.KeySchema;
import java.util.List;

/**
 * GetItem, PutItem, UpdateItem and DeleteItem through DAX. An eventually consistent GetItem is
 * served from the item cache (a cached miss included) or fetched and cached; a consistent one
 * passes through uncached. A write goes to the table, then DAX writes its result through to the
 * item cache, so a read via DAX sees it at once; the query cache is left alone.
 */
final class ItemOperations {
  private final DaxService dax;

  ItemOperations(DaxService dax) {
    this.dax = dax;
  }

  void get(CborReader in, CborWriter out, String requestId) {
    String table = in.readTextOrBytes();
    byte[] key = in.readBytes();
    DaxOptions options = DaxOptions.read(in);
    DaxMetrics.validate(options);
    KeySchema schema = dax.keySchema(table);
    List<List<Object>> paths = options.projection == null ? null : Expressions.projectionPaths(options.projection);
    JsonObject item;
    JsonObject response = null;
    DaxCache.Hit hit = options.consistent() ? null : dax.cache.item(table, key);
    if (hit != null) {
      item = hit.item();
    } else {
      response = dax.call("GetItem", requestId, json -> {
        json.writeStringField("TableName", table);
        json.writeObjectFieldStart("Key");
        DaxKeys.copy(key, schema, json);
        json.writeEndObject();
        json.writeBooleanField("ConsistentRead", options.consistent());
        DaxMetrics.request(options, json);
      });
      item = (JsonObject) response.get("Item");
      if (!options.consistent()) {
        dax.cache.putItem(table, key, item);
      }
    }
    out.startMap();
    if (item != null) {
      out.integer(0);
      if (paths == null) {
        out.bytes(dax.items.attributes(item, schema));
      } else {
        DaxItems.writeProjected(item, paths, out);
      }
    }
    if (response == null) {
      DaxMetrics.writeCacheHit(table, options, out);
    } else {
      DaxMetrics.write(response, out);
    }
    out.end();
  }

  void put(CborReader in, CborWriter out, String requestId) {
    String table = in.readTextOrBytes();
    byte[] key = in.readBytes();
    byte[] attributes = in.readBytes();
    DaxOptions options = DaxOptions.read(in);
    DaxMetrics.validate(options);
    KeySchema schema = dax.keySchema(table);
    JsonObject item = DaxItems.item(json -> {
      DaxKeys.copy(key, schema, json);
      dax.items.copyAttributes(attributes, json);
    });
    Expressions expressions = new Expressions();
    String condition = options.condition == null ? null : expressions.condition(options.condition, "c");
    JsonObject response = dax.call("PutItem", requestId, json -> {
      json.writeStringField("TableName", table);
      json.writeFieldName("Item");
      Json.write(json, item);
      writeCommon(json, condition, null, expressions, options.returnValuesName(), options);
    });
    dax.cache.putItem(table, key, item);
    writeAttributes(response, schema, out);
  }

  void delete(CborReader in, CborWriter out, String requestId) {
    String table = in.readTextOrBytes();
    byte[] key = in.readBytes();
    DaxOptions options = DaxOptions.read(in);
    DaxMetrics.validate(options);
    KeySchema schema = dax.keySchema(table);
    JsonObject response = callKeyed("DeleteItem", table, key, schema, options, options.returnValuesName(), requestId);
    dax.cache.putItem(table, key, null);
    writeAttributes(response, schema, out);
  }

  void update(CborReader in, CborWriter out, String requestId) {
    String table = in.readTextOrBytes();
    byte[] key = in.readBytes();
    DaxOptions options = DaxOptions.read(in);
    DaxMetrics.validate(options);
    KeySchema schema = dax.keySchema(table);
    String asked = options.returnValuesName();
    // The whole new item comes from the change feed, whatever the caller asked to get back.
    String returned = asked.equals("NONE") ? "ALL_NEW" : asked;
    WrittenItems.Capture written = dax.written.start(dax.region(), List.of(table));
    JsonObject response;
    try {
      response = callKeyed("UpdateItem", table, key, schema, options, returned, requestId);
    } finally {
      dax.written.stop();
    }
    JsonObject attributes = (JsonObject) response.get("Attributes");
    if (written.heard()) {
      dax.cache.putItem(table, key, written.after());
    } else if (returned.startsWith("ALL")) {
      dax.cache.putItem(table, key, attributes); // the update changed nothing: old and new are the same item
    } else {
      dax.cache.evictItem(table, key); // an update that changed nothing, answered in part
    }
    out.startMap();
    if (!asked.equals("NONE") && attributes != null) {
      out.integer(2).bytes(asked.startsWith("UPDATED") ? dax.items.attributeProjection(attributes)
          : dax.items.attributes(attributes, schema));
    }
    DaxMetrics.write(response, out);
    out.end();
  }

  /** DeleteItem or UpdateItem of one key, with the request's expressions. */
  private JsonObject callKeyed(String operation, String table, byte[] key, KeySchema schema, DaxOptions options,
                               String returnValues, String requestId) {
    Expressions expressions = new Expressions();
    String condition = options.condition == null ? null : expressions.condition(options.condition, "c");
    String update = options.update == null ? null : expressions.update(options.update);
    return dax.call(operation, requestId, json -> {
      json.writeStringField("TableName", table);
      json.writeObjectFieldStart("Key");
      DaxKeys.copy(key, schema, json);
      json.writeEndObject();
      writeCommon(json, condition, update, expressions, returnValues, options);
    });
  }

  private static void writeCommon(com.fasterxml.jackson.core.JsonGenerator json, String condition, String update,
                                  Expressions expressions, String returnValues, DaxOptions options)
      throws java.io.IOException {
    if (condition != null) {
      json.writeStringField("ConditionExpression", condition);
    }
    if (update != null) {
      json.writeStringField("UpdateExpression", update);
    }
    expressions.writePlaceholders(json);
    json.writeStringField("ReturnValues", returnValues);
    DaxMetrics.request(options, json);
  }

  private void writeAttributes(JsonObject response, KeySchema schema, CborWriter out) {
    JsonObject attributes = (JsonObject) response.get("Attributes");
    out.startMap();
    if (attributes != null) {
      out.integer(2).bytes(dax.items.attributes(attributes, schema));
    }
    DaxMetrics.write(response, out);
    out.end();
  }
}
