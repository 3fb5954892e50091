package dev.dynamodouble.core.backup;

import dev.dynamodouble.core.engine.Catalog;
import dev.dynamodouble.core.engine.Engine;
import dev.dynamodouble.core.error.DynamoException;
import dev.dynamodouble.core.error.ErrorCode;
import dev.dynamodouble.core.feed.Origin;
import dev.dynamodouble.core.operation.TableLifecycle;
import dev.dynamodouble.core.table.BillingMode;
import dev.dynamodouble.core.table.IndexData;
import dev.dynamodouble.core.table.IndexDefinition;
import dev.dynamodouble.core.table.KeyAttribute;
import dev.dynamodouble.core.table.KeySchema;
import dev.dynamodouble.core.table.Projection;
import dev.dynamodouble.core.table.Table;
import dev.dynamodouble.core.table.TableData;
import dev.dynamodouble.core.table.TableSpec;
import dev.dynamodouble.core.table.TableStatus;
import dev.dynamodouble.core.table.Throughput;
import dev.dynamodouble.core.table.VectorIndexDefinition;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Creates the new table of a restore (from a backup or to a point in time): the recorded key
 * schema and indexes, the recorded or overridden billing, throughput, indexes, vector indexes and
 * encryption, and the recorded contents. The table starts CREATING and goes ACTIVE through the
 * clock like any new table; it does not get the source's TTL, PITR, streams, tags, deletion
 * protection or table class, as in DynamoDB. Its contents are the source root itself (shared, O(1)), with index
 * contents kept, or renamed, or dropped as the overrides say.
 */
public final class TableRestore {
  private TableRestore() {}

  /**
   * Checks that {@code targetName} is free in {@code catalog}: a table whose own restore is still
   * creating it is TableInUseException, any other table TableAlreadyExistsException.
   */
  public static void requireFreeName(Catalog catalog, String targetName) {
    Table existing = catalog.find(targetName);
    if (existing == null) {
      return;
    }
    RestoreOrigin origin = existing.attachment(RestoreOrigin.class);
    if (origin != null && existing.status() == TableStatus.CREATING) {
      String from = origin.sourceBackupArn() != null ? "backup: " + origin.sourceBackupArn()
          : "table: " + origin.sourceTableArn();
      throw new DynamoException(ErrorCode.TABLE_IN_USE, "Table: " + targetName + " is already being restored from " + from);
    }
    throw new DynamoException(ErrorCode.TABLE_ALREADY_EXISTS, "Table already exists: " + targetName);
  }

  /**
   * Creates {@code targetName} in {@code catalog} from {@code source} with contents {@code data}.
   * Call under the engine's write lock, after {@link #requireFreeName}; {@code quotas} checks the
   * restored table's settings (and throws) before anything is applied.
   */
  public static Table restore(Engine engine, Catalog catalog, String targetName, SourceTable source, TableData data,
                              RestoreOverrides overrides, RestoreOrigin origin, Backup backup,
                              java.util.function.Consumer<TableSpec> quotas) {
    BillingMode mode = overrides.billingMode() != null ? overrides.billingMode() : source.billingMode();
    Throughput throughput = tableThroughput(source, overrides, mode);
    if (overrides.onDemandThroughput() && mode != BillingMode.PAY_PER_REQUEST) {
      throw DynamoException.validation("Invalid Request: Cannot override MaxReadRequestUnits for OnDemandThroughput "
          + "unless BillingModeOverride is PAY_PER_REQUEST");
    }
    Map<String, IndexDefinition> globals = indexes(source.globalIndexes(), overrides.globalIndexes(), overrides, mode, source);
    Map<String, IndexDefinition> locals = indexes(source.localIndexes(), overrides.localIndexes(), overrides, mode, source);
    List<VectorIndexDefinition> vectors = VectorIndexRestore.indexes(source.vectorIndexes(), overrides.vectorIndexes());
    if (!vectors.isEmpty() && mode != BillingMode.PAY_PER_REQUEST) {
      throw DynamoException.invalidParameter(VectorIndexDefinition.ON_DEMAND_ONLY);
    }

    Set<String> names = new HashSet<>();
    for (IndexDefinition index : locals.values()) {
      names.add(index.name());
    }
    List<String> others = new ArrayList<>();
    globals.values().forEach(index -> others.add(index.name()));
    vectors.forEach(index -> others.add(index.name()));
    for (String name : others) {
      if (!names.add(name)) {
        throw DynamoException.invalidParameter("Duplicate index name: " + name);
      }
    }

    KeySchema key = source.keySchema();
    Map<String, KeyAttribute> attributes = new LinkedHashMap<>();
    key.attributes().forEach(a -> attributes.put(a.name(), a));
    for (IndexDefinition index : locals.values()) {
      index.keySchema().attributes().forEach(a -> attributes.putIfAbsent(a.name(), a));
    }
    for (IndexDefinition index : globals.values()) {
      index.keySchema().attributes().forEach(a -> attributes.putIfAbsent(a.name(), a));
    }
    Set<String> searched = new HashSet<>();
    vectors.forEach(index -> index.searchSchema().forEach(element -> searched.add(element.attributeName())));
    for (KeyAttribute definition : source.vectorDefinitions()) {
      if (searched.contains(definition.name())) {
        attributes.putIfAbsent(definition.name(), definition);
      }
    }

    Instant now = engine.clock().now();
    String region = catalog.region();
    TableSpec spec = new TableSpec(targetName, key, new ArrayList<>(attributes.values()), mode, throughput,
        new ArrayList<>(locals.values()), new ArrayList<>(globals.values()), Map.of(), false, null);
    quotas.accept(spec); // the account's quotas, as CreateTable checks them: refused before anything is applied
    String arn = "arn:aws:dynamodb:" + region + ":" + engine.options().accountId() + ":table/" + targetName;
    // The same id formula as CreateTable: stable across runs for the same name and clock time.
    String id = UUID.nameUUIDFromBytes((region + "/" + targetName + "/" + now).getBytes(StandardCharsets.UTF_8)).toString();
    Table table = new Table(spec, region, arn, id, now);
    table.vectorIndexes(vectors);

    Map<String, IndexData> contents = new HashMap<>();
    copyIndexes(data, locals, key, contents);
    copyIndexes(data, globals, key, contents);
    engine.feed().replace(table, new TableData(data.items(), data.sizeBytes(), Map.copyOf(contents)), now, Origin.RESTORE);

    table.attachment(RestoreOrigin.class, t -> origin);
    Encryption encryption = overrides.encryptionOverridden() ? overrides.encryption() : source.encryption();
    if (encryption != null) {
      table.attachment(Encryption.class, t -> encryption);
    }
    catalog.add(table);
    if (backup != null) {
      backup.restoringInto(table);
    }
    TableLifecycle.scheduleActive(engine, table);
    return table;
  }

  private static Throughput tableThroughput(SourceTable source, RestoreOverrides overrides, BillingMode mode) {
    if (overrides.throughput() != null) {
      if (mode == BillingMode.PAY_PER_REQUEST) {
        throw DynamoException.validation(overrides.billingMode() == BillingMode.PAY_PER_REQUEST
            ? "Invalid Request: Cannot override ProvisionedThroughput if BillingMode is overridden to PAY_PER_REQUEST"
            : "Invalid Request: Cannot override ProvisionedThroughput unless BillingMode is PROVISIONED");
      }
      return overrides.throughput();
    }
    if (overrides.billingMode() == BillingMode.PROVISIONED) {
      throw DynamoException.validation(
          "Invalid Request: Must override ProvisionedThroughput if BillingMode is overridden to PROVISIONED");
    }
    return mode == BillingMode.PAY_PER_REQUEST ? Throughput.NONE : source.throughput();
  }

  /**
   * The indexes of the new table by source index name: all of {@code recorded} when
   * {@code requested} is null, else each requested one matched to a recorded index by key schema
   * and projection (preferring one of the same name).
   */
  private static Map<String, IndexDefinition> indexes(List<IndexDefinition> recorded, List<IndexOverride> requested,
                                                      RestoreOverrides overrides, BillingMode mode, SourceTable source) {
    Map<String, IndexDefinition> result = new LinkedHashMap<>();
    if (requested == null) {
      for (IndexDefinition index : recorded) {
        result.put(index.name(), index.withThroughput(index.global() ? indexThroughput(index, null, overrides, mode, source)
            : index.throughput()));
      }
      return result;
    }
    for (IndexOverride wanted : requested) {
      IndexDefinition match = null;
      for (IndexDefinition index : recorded) {
        if (result.containsKey(index.name()) || !wanted.matches(index.keySchema())
            || !sameProjection(index.projection(), wanted.projection())) {
          continue;
        }
        if (match == null || index.name().equals(wanted.name())) {
          match = index;
        }
      }
      if (match == null) {
        throw DynamoException.validation("Invalid Request: Index " + wanted.name() + " does not match a secondary index "
            + "that existed in the source table and cannot be created during the restore operation");
      }
      Throughput throughput = match.global() ? indexThroughput(match, wanted, overrides, mode, source) : match.throughput();
      result.put(match.name(), new IndexDefinition(wanted.name(), match.keySchema(), match.projection(), match.global(),
          throughput, IndexDefinition.IndexStatus.ACTIVE));
    }
    return result;
  }

  static boolean sameProjection(Projection a, Projection b) {
    return a.type() == b.type() && new HashSet<>(a.nonKeyAttributes()).equals(new HashSet<>(b.nonKeyAttributes()));
  }

  private static Throughput indexThroughput(IndexDefinition index, IndexOverride wanted, RestoreOverrides overrides,
                                            BillingMode mode, SourceTable source) {
    String name = wanted == null ? index.name() : wanted.name();
    Throughput requested = wanted == null ? null : wanted.throughput();
    if (mode == BillingMode.PAY_PER_REQUEST) {
      if (requested != null) {
        throw DynamoException.validation(overrides.billingMode() == BillingMode.PAY_PER_REQUEST
            ? "Invalid Request: Cannot override ProvisionedThroughput if BillingMode is overridden to PAY_PER_REQUEST "
                + "for index " + name
            : "Invalid Request: Cannot override ProvisionedThroughput unless BillingMode is PROVISIONED for index " + name);
      }
      return Throughput.NONE;
    }
    if (requested != null) {
      return requested;
    }
    if (source.billingMode() == BillingMode.PROVISIONED && index.throughput() != null && index.throughput().read() > 0) {
      return index.throughput();
    }
    throw DynamoException.validation("Invalid Request: Must specify provisioned throughput for index " + name);
  }

  private static void copyIndexes(TableData data, Map<String, IndexDefinition> kept, KeySchema key,
                                  Map<String, IndexData> into) {
    for (Map.Entry<String, IndexDefinition> e : kept.entrySet()) {
      IndexData recorded = data.index(e.getKey());
      IndexDefinition definition = e.getValue();
      into.put(definition.name(), recorded == null
          ? IndexData.backfill(definition, key, data.items())
          : new IndexData(definition, key, recorded.entries(), recorded.sizeBytes()));
    }
  }
}
