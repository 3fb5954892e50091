package dev.dynamodouble.core.operation;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.dynamodouble.core.table.BillingMode;
import dev.dynamodouble.core.table.IndexDefinition;
import dev.dynamodouble.core.table.KeyAttribute;
import dev.dynamodouble.core.table.KeySchema;
import dev.dynamodouble.core.table.Projection;
import dev.dynamodouble.core.table.Table;
import dev.dynamodouble.core.table.TableData;
import dev.dynamodouble.core.table.TableStatus;
import dev.dynamodouble.core.table.VectorIndexDefinition;
import dev.dynamodouble.core.table.Throughput;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Writes the TableDescription structure shared by CreateTable, DescribeTable, UpdateTable and DeleteTable. */
public final class TableDescriptions {
  private TableDescriptions() {}

  /** Writes {@code "<field>": {TableDescription}}. */
  public static void write(JsonGenerator out, String field, Table table) throws IOException {
    write(out, field, table, false);
  }

  /**
   * Writes {@code "<field>": {TableDescription}}; the CreateTable answer ({@code createResponse})
   * has no WarmThroughput and no LastUpdateToPayPerRequestDateTime yet, as the service's has none.
   */
  public static void write(JsonGenerator out, String field, Table table, boolean createResponse) throws IOException {
    write(out, field, table, createResponse, createResponse ? TableStatus.CREATING : table.status());
  }

  /**
   * As above, with the table status the operation saw. Responses are written after the operation
   * returns, when a clock task (ACTIVE after a zero status delay, on the system clock's thread) may
   * already have moved the table on; the answer must still say what the operation did.
   */
  public static void write(JsonGenerator out, String field, Table table, boolean createResponse, TableStatus status)
      throws IOException {
    write(out, field, table, createResponse, new Seen(status, table.globalIndexes(), table.vectorIndexes()));
  }

  /**
   * What an operation saw of a table under the engine's lock: its status and its index lists (each
   * replaced whole on a change). Clock tasks may move the table and its indexes on (an index's
   * backfill, its ACTIVE) before the answer is written; the answer says what the operation did.
   */
  public record Seen(TableStatus status, List<IndexDefinition> globalIndexes,
                     List<VectorIndexDefinition> vectorIndexes) {
    /** What the caller sees of {@code table} now; call it under the engine's lock. */
    public static Seen of(Table table) {
      return new Seen(table.status(), table.globalIndexes(), table.vectorIndexes());
    }
  }

  /** As above, with what the operation saw of the table. */
  public static void write(JsonGenerator out, String field, Table table, boolean createResponse, Seen seen)
      throws IOException {
    TableStatus status = seen.status();
    TableData data = table.snapshot();
    out.writeObjectFieldStart(field);
    out.writeArrayFieldStart("AttributeDefinitions");
    List<KeyAttribute> definitions = new ArrayList<>(table.attributeDefinitions());
    definitions.sort(Comparator.comparing(KeyAttribute::name)); // the service lists them by name
    for (KeyAttribute attribute : definitions) {
      out.writeStartObject();
      out.writeStringField("AttributeName", attribute.name());
      out.writeStringField("AttributeType", attribute.type().wireName());
      out.writeEndObject();
    }
    out.writeEndArray();
    out.writeStringField("TableName", table.name());
    writeKeySchema(out, table.keySchema());
    out.writeStringField("TableStatus", status.name());
    writeTime(out, "CreationDateTime", table.created());
    writeThroughput(out, table.throughput());
    out.writeNumberField("TableSizeBytes", data.sizeBytes());
    out.writeNumberField("ItemCount", data.itemCount());
    out.writeStringField("TableArn", table.arn());
    out.writeStringField("TableId", table.id());
    writeBillingSummary(out, table, createResponse);
    ThroughputSettings.writeOnDemand(out, table);
    writeIndexes(out, "LocalSecondaryIndexes", table, status, table.localIndexes(), createResponse);
    writeIndexes(out, "GlobalSecondaryIndexes", table, status, seen.globalIndexes(), createResponse);
    VectorIndexContents.describe(out, table, status, seen.vectorIndexes(), data, createResponse);
    if (!createResponse) {
      long[] warm = table.warmThroughput();
      writeWarmThroughput(out, warm[0], warm[1], TableStatus.ACTIVE.name());
    }
    if (table.tableClass() != null) {
      out.writeObjectFieldStart("TableClassSummary");
      out.writeStringField("TableClass", table.tableClass());
      out.writeEndObject();
    }
    out.writeBooleanField("DeletionProtectionEnabled", table.deletionProtection());
    BackupDescriptions.writeTableExtras(out, table); // RestoreSummary, SSEDescription
    StreamSpecifications.write(out, table);
    ReplicaDescriptions.write(out, table);
    out.writeEndObject();
  }

  /**
   * DeleteTable's description, which the service reduces to the table's identity, status, size and
   * capacity: no key schema, attribute definitions, creation time or indexes.
   */
  public static void writeDeleting(JsonGenerator out, String field, Table table) throws IOException {
    TableData data = table.snapshot();
    out.writeObjectFieldStart(field);
    out.writeStringField("TableName", table.name());
    out.writeStringField("TableStatus", TableStatus.DELETING.name());
    writeThroughput(out, table.throughput());
    out.writeNumberField("TableSizeBytes", data.sizeBytes());
    out.writeNumberField("ItemCount", data.itemCount());
    out.writeStringField("TableArn", table.arn());
    out.writeStringField("TableId", table.id());
    writeBillingSummary(out, table, false);
    out.writeEndObject();
  }

  /**
   * A table that has always been PROVISIONED has no BillingModeSummary; one that was ever
   * on-demand keeps it, with the last switch to on-demand, after a switch back.
   */
  private static void writeBillingSummary(JsonGenerator out, Table table, boolean createResponse) throws IOException {
    if (table.billingMode() == BillingMode.PAY_PER_REQUEST || table.lastUpdateToPayPerRequest() != null) {
      out.writeObjectFieldStart("BillingModeSummary");
      out.writeStringField("BillingMode", table.billingMode().name());
      if (table.lastUpdateToPayPerRequest() != null && !createResponse) {
        writeTime(out, "LastUpdateToPayPerRequestDateTime", table.lastUpdateToPayPerRequest());
      }
      out.writeEndObject();
    }
  }

  private static void writeWarmThroughput(JsonGenerator out, long read, long write, String status) throws IOException {
    out.writeObjectFieldStart("WarmThroughput");
    out.writeNumberField("ReadUnitsPerSecond", read);
    out.writeNumberField("WriteUnitsPerSecond", write);
    out.writeStringField("Status", status);
    out.writeEndObject();
  }

  private static void writeIndexes(JsonGenerator out, String field, Table table, TableStatus tableStatus,
                                   List<IndexDefinition> indexes, boolean createResponse) throws IOException {
    if (indexes.isEmpty()) {
      return;
    }
    out.writeArrayFieldStart(field);
    for (IndexDefinition index : indexes) {
      out.writeStartObject();
      out.writeStringField("IndexName", index.name());
      writeKeySchema(out, index.keySchema());
      writeProjection(out, index.projection());
      if (index.global()) {
        IndexDefinition.IndexStatus indexStatus = createResponse ? IndexDefinition.IndexStatus.CREATING
            : index.describedStatus();
        out.writeStringField("IndexStatus", indexStatus.name());
        if (index.isCreatingOnline(tableStatus)) {
          // only an index added to an existing table backfills: false while it allocates its resources, then
          // true until ACTIVE (described UPDATING, still being created, if its throughput changed meanwhile)
          out.writeBooleanField("Backfilling", index.backfilling());
        }
        writeThroughput(out, index.throughput());
        if (!createResponse) {
          boolean onDemand = table.billingMode() == BillingMode.PAY_PER_REQUEST;
          Throughput t = index.throughput() == null ? Throughput.NONE : index.throughput();
          writeWarmThroughput(out, onDemand ? Table.ON_DEMAND_WARM_READ : t.read(),
              onDemand ? Table.ON_DEMAND_WARM_WRITE : t.write(), IndexDefinition.IndexStatus.ACTIVE.name());
        }
      }
      IndexStatistics stats = IndexStatistics.of(table, index);
      out.writeNumberField("IndexSizeBytes", stats.sizeBytes());
      out.writeNumberField("ItemCount", stats.itemCount());
      out.writeStringField("IndexArn", table.arn() + "/index/" + index.name());
      out.writeEndObject();
    }
    out.writeEndArray();
  }

  static void writeKeySchema(JsonGenerator out, KeySchema schema) throws IOException {
    out.writeArrayFieldStart("KeySchema");
    for (var partition : schema.partitions()) {
      writeKeyElement(out, partition.name(), "HASH");
    }
    for (var sort : schema.sorts()) {
      writeKeyElement(out, sort.name(), "RANGE");
    }
    out.writeEndArray();
  }

  private static void writeKeyElement(JsonGenerator out, String name, String type) throws IOException {
    out.writeStartObject();
    out.writeStringField("AttributeName", name);
    out.writeStringField("KeyType", type);
    out.writeEndObject();
  }

  static void writeProjection(JsonGenerator out, Projection projection) throws IOException {
    out.writeObjectFieldStart("Projection");
    out.writeStringField("ProjectionType", projection.type().name());
    if (projection.nonKeyAttributes() != null && !projection.nonKeyAttributes().isEmpty()) {
      out.writeArrayFieldStart("NonKeyAttributes");
      List<String> sorted = new ArrayList<>(projection.nonKeyAttributes());
      sorted.sort(Comparator.naturalOrder()); // the service lists them by name
      for (String attribute : sorted) {
        out.writeString(attribute);
      }
      out.writeEndArray();
    }
    out.writeEndObject();
  }

  private static void writeThroughput(JsonGenerator out, Throughput throughput) throws IOException {
    Throughput t = throughput == null ? Throughput.NONE : throughput;
    out.writeObjectFieldStart("ProvisionedThroughput");
    if (t.lastIncrease() != null) {
      writeTime(out, "LastIncreaseDateTime", t.lastIncrease());
    }
    if (t.lastDecrease() != null) {
      writeTime(out, "LastDecreaseDateTime", t.lastDecrease());
    }
    out.writeNumberField("NumberOfDecreasesToday", t.decreasesToday());
    out.writeNumberField("ReadCapacityUnits", t.read());
    out.writeNumberField("WriteCapacityUnits", t.write());
    out.writeEndObject();
  }

  /** Writes a timestamp as the protocol does: epoch seconds with a fraction. */
  public static void writeTime(JsonGenerator out, String field, Instant at) throws IOException {
    out.writeFieldName(field);
    out.writeNumber(BigDecimal.valueOf(at.toEpochMilli(), 3));
  }

  /** Item count and size of one index, from its current contents. */
  record IndexStatistics(long itemCount, long sizeBytes) {
    static IndexStatistics of(Table table, IndexDefinition index) {
      var data = table.snapshot().index(index.name());
      return data == null ? new IndexStatistics(0, 0) : new IndexStatistics(data.itemCount(), data.sizeBytes());
    }
  }
}
