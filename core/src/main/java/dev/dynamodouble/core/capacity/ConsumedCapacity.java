package dev.dynamodouble.core.capacity;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.dynamodouble.core.value.AttributeValue;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The capacity one request consumed on one table, split into the table and its indexes, written
 * as the ConsumedCapacity structure for ReturnConsumedCapacity TOTAL or INDEXES. A write's bytes
 * replicated to vector indexes are reported with INDEXES only, as the developer guide's
 * "Monitoring vector index capacity" says of write requests.
 */
public final class ConsumedCapacity {
  private final String tableName;
  private double tableRead;
  private double tableWrite;
  // Created on first use: most requests touch no index.
  private Map<String, double[]> globalIndexes = Map.of();
  private Map<String, double[]> localIndexes = Map.of();
  // Which partitions of global secondary indexes the units went to (hot index keys are limited too).
  private List<IndexPartitionUnits> indexPartitions = List.of();
  // VectorWriteRequestBytes per vector index: bytes, not units, so never part of the totals.
  private Map<String, double[]> vectorIndexes = Map.of();

  /** Units that went to one partition-key value of a global secondary index. */
  record IndexPartitionUnits(String index, AttributeValue partition, double read, double write) {}

  public ConsumedCapacity(String tableName) {
    this.tableName = tableName;
  }

  public ConsumedCapacity addTableRead(double units) {
    tableRead += units;
    return this;
  }

  public ConsumedCapacity addTableWrite(double units) {
    tableWrite += units;
    return this;
  }

  public ConsumedCapacity addIndex(String indexName, boolean global, double read, double write) {
    if (global && globalIndexes.isEmpty()) {
      globalIndexes = new LinkedHashMap<>();
    } else if (!global && localIndexes.isEmpty()) {
      localIndexes = new LinkedHashMap<>();
    }
    double[] units = (global ? globalIndexes : localIndexes).computeIfAbsent(indexName, k -> new double[2]);
    units[0] += read;
    units[1] += write;
    return this;
  }

  /** Adds {@code bytes} written to vector index {@code indexName} (its VectorWriteRequestBytes). */
  public ConsumedCapacity addVectorWrite(String indexName, double bytes) {
    if (vectorIndexes.isEmpty()) {
      vectorIndexes = new LinkedHashMap<>();
    }
    vectorIndexes.computeIfAbsent(indexName, k -> new double[1])[0] += bytes;
    return this;
  }

  /**
   * Records that {@code read}/{@code write} of the units already added for global secondary index
   * {@code indexName} went to the partition of {@code partition} in that index (not reported, metered).
   */
  public ConsumedCapacity addIndexPartition(String indexName, AttributeValue partition, double read, double write) {
    if (indexPartitions.isEmpty()) {
      indexPartitions = new ArrayList<>(2);
    }
    indexPartitions.add(new IndexPartitionUnits(indexName, partition, read, write));
    return this;
  }

  /** Adds everything {@code other} (of the same table) consumed. */
  public ConsumedCapacity add(ConsumedCapacity other) {
    tableRead += other.tableRead;
    tableWrite += other.tableWrite;
    other.globalIndexes.forEach((name, units) -> addIndex(name, true, units[0], units[1]));
    other.localIndexes.forEach((name, units) -> addIndex(name, false, units[0], units[1]));
    other.vectorIndexes.forEach((name, bytes) -> addVectorWrite(name, bytes[0]));
    for (IndexPartitionUnits units : other.indexPartitions) {
      addIndexPartition(units.index(), units.partition(), units.read(), units.write());
    }
    return this;
  }

  /** The read units added for global secondary index {@code indexName}. */
  public double indexRead(String indexName) {
    double[] units = globalIndexes.get(indexName);
    return units == null ? 0 : units[0];
  }

  List<IndexPartitionUnits> indexPartitionUnits() {
    return indexPartitions;
  }

  /** Read units of the table and its local indexes (what a base table's capacity pays for). */
  double baseRead() {
    if (localIndexes.isEmpty()) {
      return tableRead;
    }
    double read = tableRead;
    for (double[] units : localIndexes.values()) {
      read += units[0];
    }
    return read;
  }

  /** Write units of the table and its local indexes. */
  double baseWrite() {
    if (localIndexes.isEmpty()) {
      return tableWrite;
    }
    double write = tableWrite;
    for (double[] units : localIndexes.values()) {
      write += units[1];
    }
    return write;
  }

  /** Units per global secondary index, {read, write}. */
  Map<String, double[]> globalIndexUnits() {
    return globalIndexes;
  }

  public double total() {
    double total = tableRead + tableWrite;
    for (double[] units : globalIndexes.values()) {
      total += units[0] + units[1];
    }
    for (double[] units : localIndexes.values()) {
      total += units[0] + units[1];
    }
    return total;
  }

  /** Writes the structure; {@code mode} is TOTAL or INDEXES. */
  public void write(JsonGenerator out, String mode) throws IOException {
    out.writeStartObject();
    out.writeStringField("TableName", tableName);
    writeUnits(out, totalRead(), totalWrite());
    if ("INDEXES".equals(mode)) {
      out.writeObjectFieldStart("Table");
      writeUnits(out, tableRead, tableWrite);
      out.writeEndObject();
      writeIndexes(out, "GlobalSecondaryIndexes", globalIndexes);
      writeIndexes(out, "LocalSecondaryIndexes", localIndexes);
      writeVectorIndexes(out);
    }
    out.writeEndObject();
  }

  private double totalRead() {
    double read = tableRead;
    for (double[] units : globalIndexes.values()) {
      read += units[0];
    }
    for (double[] units : localIndexes.values()) {
      read += units[0];
    }
    return read;
  }

  private double totalWrite() {
    return total() - totalRead();
  }

  private static void writeIndexes(JsonGenerator out, String field, Map<String, double[]> indexes)
      throws IOException {
    if (indexes.isEmpty()) {
      return;
    }
    out.writeObjectFieldStart(field);
    for (Map.Entry<String, double[]> e : indexes.entrySet()) {
      out.writeObjectFieldStart(e.getKey());
      writeUnits(out, e.getValue()[0], e.getValue()[1]);
      out.writeEndObject();
    }
    out.writeEndObject();
  }

  private void writeVectorIndexes(JsonGenerator out) throws IOException {
    if (vectorIndexes.isEmpty()) {
      return;
    }
    out.writeObjectFieldStart("VectorIndexes");
    for (Map.Entry<String, double[]> e : vectorIndexes.entrySet()) {
      out.writeObjectFieldStart(e.getKey());
      out.writeNumberField("VectorWriteRequestBytes", e.getValue()[0]);
      out.writeEndObject();
    }
    out.writeEndObject();
  }

  private static void writeUnits(JsonGenerator out, double read, double write) throws IOException {
    out.writeNumberField("CapacityUnits", read + write);
    if (read > 0) {
      out.writeNumberField("ReadCapacityUnits", read);
    }
    if (write > 0) {
      out.writeNumberField("WriteCapacityUnits", write);
    }
  }

  /** Writes {@code "ConsumedCapacity": [...]} (one entry per table) when {@code mode} asks for it. */
  public static void writeList(JsonGenerator out, java.util.Collection<ConsumedCapacity> capacities, String mode)
      throws IOException {
    if (!wanted(mode)) {
      return;
    }
    out.writeArrayFieldStart("ConsumedCapacity");
    for (ConsumedCapacity capacity : capacities) {
      capacity.write(out, mode);
    }
    out.writeEndArray();
  }

  /** Whether a ReturnConsumedCapacity value asks for the structure. */
  public static boolean wanted(String mode) {
    return "TOTAL".equals(mode) || "INDEXES".equals(mode);
  }
}
