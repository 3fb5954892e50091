package dev.dynamodouble.core.persist;

import dev.dynamodouble.core.engine.Engine;
import dev.dynamodouble.core.export.Export;
import dev.dynamodouble.core.export.Import;
import dev.dynamodouble.core.replication.GlobalTableState;
import dev.dynamodouble.core.table.BillingMode;
import dev.dynamodouble.core.table.Table;
import dev.dynamodouble.core.table.TableSpec;
import dev.dynamodouble.core.table.TableStatus;
import dev.dynamodouble.core.table.Throughput;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a {@link Recovery} replays besides tables, items and backups (format 3): the global tables,
 * the exports and imports, and the deleted tables whose streams are still readable.
 */
final class ControlReplay {
  private GlobalTableState global = GlobalTableState.NONE;
  private final Map<String, Export> exports = new LinkedHashMap<>();
  private final Map<String, Import> imports = new LinkedHashMap<>();
  /** Deleted tables by incarnation: their streams stay readable until their records age out. */
  private final Map<Long, LogEntry.DeletedTable> deleted = new LinkedHashMap<>();

  void global(ByteSource in) {
    global = GlobalTablesCodec.read(in);
  }

  void transfers(ByteSource in) {
    LogEntry.Transfers transfers = TransferCodec.read(in);
    if (transfers.whole()) {
      exports.clear();
      imports.clear();
    }
    transfers.exports().forEach(e -> exports.put(e.arn(), e));
    transfers.imports().forEach(i -> imports.put(i.arn(), i));
  }

  /** DELETED_TABLE: a checkpoint's deleted table (its streams follow). */
  void deleted(ByteSource in) {
    LogEntry.DeletedTable table = new LogEntry.DeletedTable(in.readLong(), in.readString(), in.readString(),
        in.readString(), in.readString(), SettingsCodec.readInstant(in), SettingsCodec.readKeySchema(in));
    deleted.put(table.incarnation(), table);
  }

  /** A table the catalog dropped: its streams, if any, are kept as a deleted table's. */
  void dropped(TableDef def) {
    deleted.put(def.incarnation(), new LogEntry.DeletedTable(def.incarnation(), def.region(), def.name(), def.arn(),
        def.id(), def.created(), def.keySchema()));
  }

  java.util.Set<Long> deletedTables() {
    return deleted.keySet();
  }

  /** Puts back the global tables (once every table is back), the transfers and the deleted tables' streams. */
  void install(Engine engine, StreamReplay streams) {
    engine.replication().recovered(global);
    exports.values().forEach(engine.transfers().exports()::recovered);
    imports.values().forEach(engine.transfers().imports()::recovered);
    for (LogEntry.DeletedTable d : deleted.values()) {
      TableSpec spec = new TableSpec(d.name(), d.keySchema(), d.keySchema().attributes(), BillingMode.PAY_PER_REQUEST,
          Throughput.NONE, List.of(), List.of(), Map.of(), false, null);
      Table table = new Table(spec, d.region(), d.arn(), d.id(), d.created()); // in no catalog: gone, as it is
      table.status(TableStatus.DELETING);
      streams.install(d.incarnation(), table, engine);
    }
  }
}
