package dev.dynamodouble.core.dax;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.dynamodouble.core.protocol.Json;
import dev.dynamodouble.core.protocol.JsonObject;
import dev.dynamodouble.core.table.KeySchema;
import java.io.IOException;
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

  /** What an item request starts with: table, key (a put's attributes), checked options, and the table's key schema. */
  private record Keyed(String table, byte[] key, byte[] attributes, DaxOptions options, KeySchema schema) {
    static Keyed read(CborReader in, boolean withAttributes, DaxService dax) {
      String table = in.readTextOrBytes();
      byte[] key = in.readBytes();
      byte[] attributes = withAttributes ? in.readBytes() : null;
      DaxOptions options = DaxOptions.read(in);
      DaxMetrics.validate(options);
      return new Keyed(table, key, attributes, options, dax.keySchema(table));
    }

    void writeTableAndKey(JsonGenerator json) throws IOException {
      json.writeStringField("TableName", table);
      json.writeObjectFieldStart("Key");
      DaxKeys.copy(key, schema, json);
      json.writeEndObject();
    }
  }

  void get(CborReader in, CborWriter out, String requestId) {
    Keyed r = Keyed.read(in, false, dax);
    DaxOptions options = r.options();
    List<List<Object>> paths = options.projection == null ? null : Expressions.projectionPaths(options.projection);
    JsonObject item;
    JsonObject response = null;
    DaxCache.Hit hit = options.consistent() ? null : dax.cache.item(r.table(), r.key());
    if (hit != null) {
      item = hit.item();
    } else {
      response = dax.call("GetItem", requestId, json -> {
        r.writeTableAndKey(json);
        json.writeBooleanField("ConsistentRead", options.consistent());
        DaxMetrics.request(options, json);
      });
      item = (JsonObject) response.get("Item");
      if (!options.consistent()) {
        dax.cache.putItem(r.table(), r.key(), item);
      }
    }
    out.startMap();
    if (item != null) {
      out.integer(0);
      if (paths == null) {
        out.bytes(dax.items.attributes(item, r.schema()));
      } else {
        DaxItems.writeProjected(item, paths, out);
      }
    }
    if (response == null) {
      DaxMetrics.writeCacheHit(r.table(), options, out);
    } else {
      DaxMetrics.write(response, out);
    }
    out.end();
  }

  void put(CborReader in, CborWriter out, String requestId) {
    Keyed r = Keyed.read(in, true, dax);
    JsonObject item = dax.items.item(r.key(), r.schema(), r.attributes());
    Expressions expressions = new Expressions();
    String condition = r.options().condition == null ? null : expressions.condition(r.options().condition, "c");
    JsonObject response = dax.call("PutItem", requestId, json -> {
      json.writeStringField("TableName", r.table());
      json.writeFieldName("Item");
      Json.write(json, item);
      writeCommon(json, condition, null, expressions, r.options().returnValuesName(), r.options());
    });
    dax.cache.putItem(r.table(), r.key(), item);
    writeAttributes(response, r.schema(), out);
  }

  void delete(CborReader in, CborWriter out, String requestId) {
    Keyed r = Keyed.read(in, false, dax);
    JsonObject response = callKeyed("DeleteItem", r, r.options().returnValuesName(), requestId);
    dax.cache.putItem(r.table(), r.key(), null);
    writeAttributes(response, r.schema(), out);
  }

  void update(CborReader in, CborWriter out, String requestId) {
    Keyed r = Keyed.read(in, false, dax);
    String asked = r.options().returnValuesName();
    // The whole new item comes from the change feed, whatever the caller asked to get back.
    String returned = asked.equals("NONE") ? "ALL_NEW" : asked;
    WrittenItems.Capture written = dax.written.start(dax.region(), List.of(r.table()));
    JsonObject response;
    try {
      response = callKeyed("UpdateItem", r, returned, requestId);
    } finally {
      dax.written.stop();
    }
    JsonObject attributes = (JsonObject) response.get("Attributes");
    if (written.heard()) {
      dax.cache.putItem(r.table(), r.key(), written.after());
    } else if (returned.startsWith("ALL")) {
      dax.cache.putItem(r.table(), r.key(), attributes); // the update changed nothing: old and new are the same item
    } else {
      dax.cache.evictItem(r.table(), r.key()); // an update that changed nothing, answered in part
    }
    out.startMap();
    if (!asked.equals("NONE") && attributes != null) {
      out.integer(2).bytes(asked.startsWith("UPDATED") ? dax.items.attributeProjection(attributes)
          : dax.items.attributes(attributes, r.schema()));
    }
    DaxMetrics.write(response, out);
    out.end();
  }

  /** DeleteItem or UpdateItem of one key, with the request's expressions. */
  private JsonObject callKeyed(String operation, Keyed r, String returnValues, String requestId) {
    Expressions expressions = new Expressions();
    String condition = r.options().condition == null ? null : expressions.condition(r.options().condition, "c");
    String update = r.options().update == null ? null : expressions.update(r.options().update);
    return dax.call(operation, requestId, json -> {
      r.writeTableAndKey(json);
      writeCommon(json, condition, update, expressions, returnValues, r.options());
    });
  }

  private static void writeCommon(JsonGenerator json, String condition, String update, Expressions expressions,
                                  String returnValues, DaxOptions options) throws IOException {
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
