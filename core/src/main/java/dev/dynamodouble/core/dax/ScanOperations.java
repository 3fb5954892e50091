package dev.dynamodouble.core.dax;

import dev.dynamodouble.core.protocol.JsonArray;
import dev.dynamodouble.core.protocol.JsonObject;
import dev.dynamodouble.core.table.KeySchema;
import java.util.List;

/**
 * Query and Scan through DAX. An eventually consistent request is answered from the query cache
 * when exactly the same request was answered within the TTL; writes, via DAX or not, never
 * refresh it. A consistent request passes through uncached.
 */
final class ScanOperations {
  private static final int ITEMS = 7;
  private static final int COUNT = 8;
  private static final int LAST_EVALUATED_KEY = 9;
  private static final int SCANNED_COUNT = 10;

  private final DaxService dax;

  ScanOperations(DaxService dax) {
    this.dax = dax;
  }

  void query(CborReader in, byte[] request, CborWriter out, String requestId) {
    String table = in.readTextOrBytes();
    byte[] keyCondition = in.readBytes();
    serve("Query", table, keyCondition, DaxOptions.read(in), request, out, requestId);
  }

  void scan(CborReader in, byte[] request, CborWriter out, String requestId) {
    String table = in.readTextOrBytes();
    serve("Scan", table, null, DaxOptions.read(in), request, out, requestId);
  }

  private void serve(String operation, String table, byte[] keyCondition, DaxOptions options, byte[] request,
                     CborWriter out, String requestId) {
    DaxMetrics.validate(options);
    KeySchema schema = dax.keySchema(table);
    List<List<Object>> paths = options.projection == null ? null : Expressions.projectionPaths(options.projection);
    JsonObject response = options.consistent() ? null : dax.cache.query(operation, request);
    boolean hit = response != null;
    if (response == null) {
      response = dax.call(operation, requestId, json -> {
        Expressions expressions = new Expressions();
        json.writeStringField("TableName", table);
        if (options.indexName != null) {
          json.writeStringField("IndexName", options.indexName);
        }
        // A projection is applied here, on whole items, so that its paths find their values.
        String select = options.selectName();
        if (select != null && !(paths != null && select.equals("SPECIFIC_ATTRIBUTES"))) {
          json.writeStringField("Select", select);
        }
        if (options.consistentRead != null) {
          json.writeBooleanField("ConsistentRead", options.consistent());
        }
        if (options.exclusiveStartKey != null) {
          json.writeObjectFieldStart("ExclusiveStartKey");
          if (options.indexName == null) {
            DaxKeys.copy(options.exclusiveStartKey, schema, json);
          } else {
            DaxKeys.copyCompound(options.exclusiveStartKey, json);
          }
          json.writeEndObject();
        }
        if (options.segment != null) {
          json.writeNumberField("Segment", options.segment);
        }
        if (options.totalSegments != null) {
          json.writeNumberField("TotalSegments", options.totalSegments);
        }
        if (options.limit != null) {
          json.writeNumberField("Limit", options.limit);
        }
        if (options.scanIndexForward != null) {
          json.writeBooleanField("ScanIndexForward", options.scanIndexForward);
        }
        if (keyCondition != null) {
          json.writeStringField("KeyConditionExpression", expressions.condition(keyCondition, "k"));
        }
        if (options.filter != null) {
          json.writeStringField("FilterExpression", expressions.condition(options.filter, "f"));
        }
        expressions.writePlaceholders(json);
        DaxMetrics.request(options, json);
      });
      if (!options.consistent()) {
        dax.cache.putQuery(operation, request, response);
      }
    }
    out.startMap();
    if (hit) {
      DaxMetrics.writeCacheHit(table, options, out);
    } else {
      DaxMetrics.write(response, out);
    }
    write(response, schema, paths, options.indexName != null, out);
    out.end();
  }

  /** The members of the answer's map other than the metrics. */
  private void write(JsonObject response, KeySchema schema, List<List<Object>> paths, boolean index, CborWriter out) {
    JsonArray items = (JsonArray) response.get("Items");
    JsonObject last = (JsonObject) response.get("LastEvaluatedKey");
    if (items != null) {
      out.integer(ITEMS).array(items.size());
      for (Object element : items) {
        JsonObject item = (JsonObject) element;
        if (paths != null) {
          DaxItems.writeProjected(item, paths, out);
        } else {
          out.array(2).bytes(DaxKeys.encode(item, schema)).bytes(dax.items.attributes(item, schema));
        }
      }
    }
    out.integer(COUNT).integer(((Number) response.get("Count")).longValue());
    out.integer(SCANNED_COUNT).integer(((Number) response.get("ScannedCount")).longValue());
    if (last != null) {
      out.integer(LAST_EVALUATED_KEY).bytes(index ? DaxKeys.compound(last) : DaxKeys.encode(last, schema));
    }
  }
}
