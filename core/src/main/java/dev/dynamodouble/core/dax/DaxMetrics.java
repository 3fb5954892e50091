package dev.dynamodouble.core.dax;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.dynamodouble.core.protocol.JsonArray;
import dev.dynamodouble.core.protocol.JsonObject;
import java.io.IOException;

/**
 * ReturnConsumedCapacity and ReturnItemCollectionMetrics through DAX. What the table consumed
 * (a miss, a consistent read, a write) is relayed as DynamoDB answered it; a cache hit consumes
 * nothing of the table, so it answers zero capacity units, as DAX does. In DAX's answers each is
 * a byte string: the consumed capacity holds the table name, the units, the table's units (or
 * null) and the units per global and per local index (maps, or null); the item collection metrics
 * hold the partition key's value and the two bounds of the size estimate.
 */
final class DaxMetrics {
  private static final String[] CAPACITY = {"NONE", "TOTAL", "INDEXES"};
  private static final String[] COLLECTION_METRICS = {"NONE", "SIZE"};
  private static final int CONSUMED_CAPACITY = 1;
  private static final int ITEM_COLLECTION_METRICS = 3;

  private DaxMetrics() {}

  /** Asks DynamoDB for what the DAX request asks for. */
  static void request(DaxOptions options, JsonGenerator json) throws IOException {
    String capacity = name(CAPACITY, options.returnConsumedCapacity, "ReturnConsumedCapacity");
    if (!capacity.equals("NONE")) {
      json.writeStringField("ReturnConsumedCapacity", capacity);
    }
    String metrics = name(COLLECTION_METRICS, options.returnItemCollectionMetrics, "ReturnItemCollectionMetrics");
    if (!metrics.equals("NONE")) {
      json.writeStringField("ReturnItemCollectionMetrics", metrics);
    }
  }

  /** Checks the request's values (before anything is served from a cache). */
  static void validate(DaxOptions options) {
    name(CAPACITY, options.returnConsumedCapacity, "ReturnConsumedCapacity");
    name(COLLECTION_METRICS, options.returnItemCollectionMetrics, "ReturnItemCollectionMetrics");
  }

  /** Writes the response parameters of the metrics DynamoDB answered, if any. */
  static void write(JsonObject response, CborWriter out) {
    if (response.get("ConsumedCapacity") instanceof JsonObject capacity) {
      out.integer(CONSUMED_CAPACITY).bytes(capacity(capacity));
    }
    if (response.get("ItemCollectionMetrics") instanceof JsonObject metrics && metrics.size() > 0) {
      out.integer(ITEM_COLLECTION_METRICS).bytes(collectionMetrics(metrics));
    }
  }

  /** Writes the zero capacity of a request served from a cache, when it asked for capacity. */
  static void writeCacheHit(String table, DaxOptions options, CborWriter out) {
    if (options.returnConsumedCapacity == 0) {
      return;
    }
    CborWriter capacity = new CborWriter().text(table).float64(0);
    if (options.returnConsumedCapacity == 2) {
      capacity.float64(0);
    } else {
      capacity.nil();
    }
    capacity.nil().nil();
    out.integer(CONSUMED_CAPACITY).bytes(capacity.toByteArray());
  }

  private static byte[] capacity(JsonObject capacity) {
    CborWriter out = new CborWriter().text((String) capacity.get("TableName"))
        .float64(units(capacity));
    if (capacity.get("Table") instanceof JsonObject table) {
      out.float64(units(table));
    } else {
      out.nil();
    }
    indexes(capacity.get("GlobalSecondaryIndexes"), out);
    indexes(capacity.get("LocalSecondaryIndexes"), out);
    return out.toByteArray();
  }

  private static void indexes(Object indexes, CborWriter out) {
    if (!(indexes instanceof JsonObject byName)) {
      out.nil();
      return;
    }
    out.map(byName.size());
    for (int i = 0; i < byName.size(); i++) {
      out.text(byName.name(i)).float64(units((JsonObject) byName.get(byName.name(i))));
    }
  }

  private static double units(JsonObject capacity) {
    Object units = capacity.get("CapacityUnits");
    return units == null ? 0 : ((Number) units).doubleValue();
  }

  private static byte[] collectionMetrics(JsonObject metrics) {
    JsonObject key = (JsonObject) metrics.get("ItemCollectionKey");
    JsonArray range = (JsonArray) metrics.get("SizeEstimateRangeGB");
    CborWriter out = new CborWriter();
    DaxValues.write(key.get(key.name(0)), out);
    for (Object bound : range) {
      out.float64(((Number) bound).doubleValue());
    }
    return out.toByteArray();
  }

  private static String name(String[] names, int code, String parameter) {
    if (code < 0 || code >= names.length) {
      throw DaxError.validation("Unknown " + parameter + " " + code);
    }
    return names[code];
  }
}
