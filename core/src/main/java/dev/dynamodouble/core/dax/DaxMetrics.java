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

  /**
   * Writes the consumed capacity of a batch or transaction: an array with one entry per table
   * DynamoDB read or wrote ({@code response} null: none), each as a byte string or, for a
   * transaction ({@code extended}), as a map from field number to value.
   */
  static void writeCapacities(JsonObject response, boolean extended, CborWriter out) {
    if (response == null || !(response.get("ConsumedCapacity") instanceof JsonArray capacities)) {
      out.array(0);
      return;
    }
    out.array(capacities.size());
    for (Object element : capacities) {
      JsonObject capacity = (JsonObject) element;
      if (extended) {
        extendedCapacity(capacity, out);
      } else {
        out.bytes(capacity(capacity));
      }
    }
  }

  /** Writes the item collection metrics of a batch or transaction: a map from table to a list of them. */
  static void writeCollectionMetrics(JsonObject response, CborWriter out) {
    if (!(response.get("ItemCollectionMetrics") instanceof JsonObject byTable)) {
      out.map(0);
      return;
    }
    out.map(byTable.size());
    for (int i = 0; i < byTable.size(); i++) {
      JsonArray metrics = (JsonArray) byTable.value(i);
      out.text(byTable.name(i)).array(metrics.size());
      for (Object each : metrics) {
        out.bytes(collectionMetrics((JsonObject) each));
      }
    }
  }

  /** A transaction's capacity entry: field numbers 1 to 7 (units, read units, write units, table name, table, GSIs, LSIs). */
  private static void extendedCapacity(JsonObject capacity, CborWriter out) {
    out.startMap();
    out.integer(4).text((String) capacity.get("TableName"));
    out.integer(1).float64(units(capacity));
    unitsOf(capacity, out);
    if (capacity.get("Table") instanceof JsonObject table) {
      out.integer(5);
      unitMap(table, out);
    }
    for (String kind : new String[] {"GlobalSecondaryIndexes", "LocalSecondaryIndexes"}) {
      if (capacity.get(kind) instanceof JsonObject indexes) {
        out.integer(kind.startsWith("Global") ? 6 : 7).map(indexes.size());
        for (int i = 0; i < indexes.size(); i++) {
          out.text(indexes.name(i));
          unitMap((JsonObject) indexes.value(i), out);
        }
      }
    }
    out.end();
  }

  /** A capacity as a map of definite size (the client reads it whole, as an object). */
  private static void unitMap(JsonObject capacity, CborWriter out) {
    boolean read = capacity.get("ReadCapacityUnits") instanceof Number;
    boolean write = capacity.get("WriteCapacityUnits") instanceof Number;
    out.map(1 + (read ? 1 : 0) + (write ? 1 : 0));
    out.integer(1).float64(units(capacity));
    unitsOf(capacity, out);
  }

  /** The read and write units of a capacity, the ones DynamoDB answered. */
  private static void unitsOf(JsonObject capacity, CborWriter out) {
    if (capacity.get("ReadCapacityUnits") instanceof Number read) {
      out.integer(2).float64(read.doubleValue());
    }
    if (capacity.get("WriteCapacityUnits") instanceof Number write) {
      out.integer(3).float64(write.doubleValue());
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
      out.text(byName.name(i)).float64(units((JsonObject) byName.value(i)));
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
