package dev.dynamodouble.core.operation;

import dev.dynamodouble.core.engine.Engine;
import dev.dynamodouble.core.error.DynamoException;
import dev.dynamodouble.core.error.ErrorCode;
import dev.dynamodouble.core.replication.LegacyGlobalTables;
import dev.dynamodouble.core.replication.Regions;
import dev.dynamodouble.core.stream.StreamViewType;
import dev.dynamodouble.core.stream.Streams;
import dev.dynamodouble.core.stream.TableStream;
import dev.dynamodouble.core.table.IndexDefinition;
import dev.dynamodouble.core.table.KeySchema;
import dev.dynamodouble.core.table.Table;
import dev.dynamodouble.core.table.TableStatus;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The preconditions of global tables version 2017.11.29 (CreateGlobalTable, UpdateGlobalTable):
 * the replicas are existing tables of the same name, ACTIVE, empty, with a NEW_AND_OLD_IMAGES
 * stream, the same key schema and the same secondary indexes (names and keys); a replica of a
 * version 2019.11.21 global table cannot join. Checked under the engine's lock, before any change.
 */
final class LegacyGlobalTableRules {
  static final String VERSION = "2017.11.29";

  private LegacyGlobalTableRules() {}

  /** GlobalTableNotFoundException, worded as DescribeGlobalTable and UpdateGlobalTable word it. */
  static LegacyGlobalTables.Entry require(Engine engine, String name) {
    return require(engine, name, "Global table not found: ");
  }

  /** GlobalTableNotFoundException, worded as the settings operations word it. */
  static void requireForSettings(Engine engine, String name) {
    require(engine, name, "");
  }

  private static LegacyGlobalTables.Entry require(Engine engine, String name, String prefix) {
    LegacyGlobalTables.Entry entry = engine.replication().legacy().get(name);
    if (entry == null) {
      throw new DynamoException(ErrorCode.GLOBAL_TABLE_NOT_FOUND,
          prefix + "Global table with name: '" + name + "' does not exist.");
    }
    return entry;
  }

  /**
   * The table of that name in {@code region}, checked fit to join a global table whose other
   * replicas look like {@code reference} (null: it is the first).
   */
  static Table joinable(Engine engine, String name, String region, Table reference) {
    if (!Regions.isKnown(region)) {
      throw DynamoException.validation("Provided region is not supported: " + region);
    }
    Table table = engine.region(region).find(name);
    if (table == null) {
      throw new DynamoException(ErrorCode.TABLE_NOT_FOUND,
          "Table not found: Table: '" + name + "' not found in region: '" + region + "'.");
    }
    String where = "Table: '" + name + "' in region: '" + region + "'";
    if (table.status() != TableStatus.ACTIVE) {
      throw DynamoException.invalidParameter(where + " is not ACTIVE (" + table.status() + ")");
    }
    if (!engine.replication().replicas(table).isEmpty() && !engine.replication().isLegacy(table)) {
      throw DynamoException.invalidParameter(where + " is a replica of a global table version 2019.11.21 and "
          + "cannot join a global table version " + VERSION);
    }
    TableStream stream = Streams.latestOf(table);
    if (stream == null || !stream.isEnabled() || stream.viewType() != StreamViewType.NEW_AND_OLD_IMAGES) {
      throw DynamoException.invalidParameter(where + " must have DynamoDB Streams enabled with StreamViewType "
          + "NEW_AND_OLD_IMAGES");
    }
    requireEmpty(table);
    if (reference != null) {
      if (!table.keySchema().equals(reference.keySchema())) {
        throw DynamoException.invalidParameter(where + " must have the same primary key as the other replicas");
      }
      if (!indexKeys(table.globalIndexes()).equals(indexKeys(reference.globalIndexes()))
          || !indexKeys(table.localIndexes()).equals(indexKeys(reference.localIndexes()))) {
        throw DynamoException.invalidParameter(where + " must have the same secondary indexes (names and keys) as "
            + "the other replicas");
      }
    }
    return table;
  }

  /** None of the replica tables of a global table may contain data when one is added. */
  static void requireEmpty(Table table) {
    if (table.snapshot().itemCount() > 0) {
      throw DynamoException.invalidParameter("Table: '" + table.name() + "' in region: '" + table.region()
          + "' is not empty; the replica tables of a global table version " + VERSION + " must be empty when a "
          + "replica is added");
    }
  }

  private static Map<String, KeySchema> indexKeys(List<IndexDefinition> indexes) {
    Map<String, KeySchema> keys = new HashMap<>();
    for (IndexDefinition index : indexes) {
      keys.put(index.name(), index.keySchema());
    }
    return keys;
  }
}
