package dev.dynamodouble.core.persist;

import dev.dynamodouble.core.backup.Backup;
import dev.dynamodouble.core.backup.Backups;
import dev.dynamodouble.core.engine.Catalog;
import dev.dynamodouble.core.engine.Engine;
import dev.dynamodouble.core.export.Export;
import dev.dynamodouble.core.export.Import;
import dev.dynamodouble.core.feed.FeedSubscriber;
import dev.dynamodouble.core.feed.ItemChange;
import dev.dynamodouble.core.feed.Origin;
import dev.dynamodouble.core.pipeline.Call;
import dev.dynamodouble.core.pipeline.RequestStage;
import dev.dynamodouble.core.protocol.JsonWritable;
import dev.dynamodouble.core.replication.GlobalTableState;
import dev.dynamodouble.core.stream.Streams;
import dev.dynamodouble.core.stream.TableStream;
import dev.dynamodouble.core.table.Table;
import dev.dynamodouble.core.table.TableStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The change feed's durable consumer: it hands every commit to the log in commit order, and holds a
 * request's answer until what the request changed is on the device.
 *
 * <p>Item changes are logged as they commit (a transaction as one record). After each request that
 * may change control-plane state, the store compares what it logged last with the engine's state
 * and logs only the difference, before the request is answered: the definitions of tables that
 * changed or are new (with a new table's contents) and the tables dropped, the global tables when
 * one changed, exports and imports added or changed, backups added or dropped. A checkpoint logs
 * all of it whole. Everything is captured under the engine's write lock, so the log's order is the
 * engine's.
 */
final class DurableStore implements FeedSubscriber, RequestStage, Backups.Listener {
  /** Operations that change no control-plane state: no catalog is logged after them. */
  private static final Set<String> ITEM_OPERATIONS = Set.of("PutItem", "UpdateItem", "DeleteItem", "BatchWriteItem",
      "TransactWriteItems", "BatchGetItem", "TransactGetItems", "Query", "Scan", "ExecuteStatement",
      "BatchExecuteStatement", "ExecuteTransaction");
  /** This thread's last log position, and whether its request is served deferred (1) or waits (0). */
  private static final ThreadLocal<long[]> LAST_APPENDED = ThreadLocal.withInitial(() -> new long[2]);

  /** The log's number for a table object, kept beside the table (it dies with it). */
  private record Incarnation(long id) {}

  private final Engine engine;
  private GroupCommitLog log;
  private long nextIncarnation = 1;
  private List<LogEntry.TableChanges> group;
  private Instant groupAt;
  /** The backups the log holds, by the id it gave them. */
  private final Map<Backup, Long> backups = new IdentityHashMap<>();
  /** The definition the log holds of each listed table, by incarnation, and their incarnations by name. */
  private final Map<Long, TableDef> defined = new HashMap<>();
  private final Map<String, Set<Long>> byName = new HashMap<>();
  /** The global tables the log holds. */
  private GlobalTableState global = GlobalTableState.NONE;
  /** The exports and imports the log holds, by ARN (each is immutable: a change is a new object). */
  private final Map<String, Object> transfers = new HashMap<>();
  /** The change count of the transfers when the log last looked. */
  private long transfersSeen = -1;

  DurableStore(Engine engine) {
    this.engine = engine;
  }

  void log(GroupCommitLog log) {
    this.log = log;
  }

  // --- the feed (under the engine's write lock) ---

  @Override
  public void committed(Table table, List<ItemChange> changes) {
    if (!listed(table)) {
      return; // a table being deleted (a last TTL sweep): it does not come back
    }
    Incarnation known = table.attachment(Incarnation.class);
    if (known == null) {
      appendControlPlane(null); // logs the table and its contents, this commit included
      return;
    }
    LogEntry.TableChanges entry = new LogEntry.TableChanges(known.id(), table.keySchema(), List.copyOf(changes),
        engine.streams().wants(table));
    Instant at = changes.get(changes.size() - 1).at();
    if (group != null) {
      group.add(entry);
      groupAt = at;
    } else {
      append(new LogEntry.Changes(List.of(entry), at, engine.feed().lastSequence()));
    }
  }

  @Override
  public void groupStarted() {
    group = new ArrayList<>();
  }

  @Override
  public void groupEnded() {
    List<LogEntry.TableChanges> done = group;
    group = null;
    if (done != null && !done.isEmpty()) {
      append(new LogEntry.Changes(List.copyOf(done), groupAt, engine.feed().lastSequence()));
    }
  }

  @Override
  public void replaced(Table table, Origin origin, Instant at) {
    if (!listed(table)) {
      return;
    }
    Incarnation known = table.attachment(Incarnation.class);
    if (known == null) {
      appendControlPlane(null);
    } else {
      append(new LogEntry.Image(known.id(), table.snapshot(), at));
    }
  }

  @Override
  public void reset(Table table, Instant at, Object captured) {
    appendControlPlane(null); // a reset may also add and drop tables
    replaced(table, Origin.RESET, at);
  }

  /** Whether the catalog the log keeps holds this table object. */
  private boolean listed(Table table) {
    return table.status() != TableStatus.DELETING && engine.isCurrent(table);
  }

  // --- the request pipeline ---

  @Override
  public void before(Call call) {
    LAST_APPENDED.get()[0] = 0;
  }

  @Override
  public JsonWritable after(Call call, JsonWritable response) {
    if (call.api() == Call.Api.DYNAMODB && mayChangeControlPlane(call.operation())) {
      Set<String> names = ChangedTables.of(call);
      engine.write(() -> appendControlPlane(names));
    }
    long[] last = LAST_APPENDED.get();
    if (last[0] > 0 && last[1] == 0) { // not served deferred: answered once the log has it
      log.awaitDurable(last[0]);
    }
    return response;
  }

  /**
   * Starts ({@code true}) or ends serving this thread's request deferred: no wait in {@link #after};
   * ending returns the log position the request must wait for (0: none).
   */
  long deferring(boolean on) {
    long[] last = LAST_APPENDED.get();
    last[1] = on ? 1 : 0;
    if (on) {
      last[0] = 0;
    }
    return last[0];
  }

  private static boolean mayChangeControlPlane(String operation) {
    return !ITEM_OPERATIONS.contains(operation) && !operation.startsWith("Describe") && !operation.startsWith("List")
        && !operation.startsWith("Get");
  }

  // --- what is appended ---

  /** Appends the whole state: a new segment starts with it. Call under the engine's write lock. */
  void appendCheckpoint() {
    append(new LogEntry.Rotate());
    List<TableDef> tables = new ArrayList<>();
    List<LogEntry> images = new ArrayList<>();
    defined.clear();
    byName.clear();
    for (Catalog catalog : engine.regions()) {
      for (Table table : catalog.tables()) {
        if (listed(table)) {
          long id = nextIncarnation++;
          table.replaceAttachment(Incarnation.class, new Incarnation(id));
          TableDef def = TableDef.capture(id, table, engine);
          define(def);
          tables.add(def);
          images.add(table.versions().isHistoryEnabled()
              ? new LogEntry.History(id, table.keySchema(), table.versions().retained()) : image(id, table));
          images.addAll(streams(id, table));
        }
      }
    }
    append(new LogEntry.Catalog(List.copyOf(tables), engine.clock().now(), engine.feed().lastSequence()));
    images.forEach(this::append);
    appendDeletedTables();
    global = null;
    appendGlobalTables();
    transfers.clear();
    transfersSeen = -1;
    appendTransfers(true);
    backups.clear();
    appendBackups();
    append(new LogEntry.CheckpointEnd());
  }

  /** The deleted tables whose streams are still readable, each with its streams (a checkpoint). */
  private void appendDeletedTables() {
    Map<Table, Long> deleted = new IdentityHashMap<>();
    for (TableStream stream : engine.streams().all()) {
      Table table = stream.table();
      if (!listed(table) && !deleted.containsKey(table)) {
        long id = nextIncarnation++;
        table.replaceAttachment(Incarnation.class, new Incarnation(id));
        deleted.put(table, id);
        append(new LogEntry.DeletedTable(id, table.region(), table.name(), table.arn(), table.id(), table.created(),
            table.keySchema()));
        streams(id, table).forEach(this::append);
      }
    }
  }

  /**
   * Appends what changed in the control plane since the log last looked: the definitions of tables
   * changed or new (and a new table's contents), the tables dropped, and the global tables,
   * transfers and backups that changed. Only the tables of {@code names} (in every region) are
   * compared when given: what a request names is all it can have changed. Call under the engine's
   * write lock.
   */
  private void appendControlPlane(Set<String> names) {
    List<TableDef> changed = new ArrayList<>();
    List<LogEntry.Image> images = new ArrayList<>();
    Set<Long> present = new HashSet<>();
    for (Catalog catalog : engine.regions()) {
      if (names == null) {
        catalog.tables().forEach(table -> compare(table, changed, images, present));
      } else {
        for (String name : names) {
          Table table = catalog.find(name);
          if (table != null) {
            compare(table, changed, images, present);
          }
        }
      }
    }
    List<Long> dropped = new ArrayList<>();
    if (names == null) {
      if (present.size() < defined.size()) {
        List.copyOf(defined.keySet()).forEach(id -> drop(id, present, dropped));
      }
    } else {
      for (String name : names) {
        Set<Long> ids = byName.get(name);
        if (ids != null) {
          List.copyOf(ids).forEach(id -> drop(id, present, dropped));
        }
      }
    }
    if (!changed.isEmpty() || !dropped.isEmpty()) {
      append(new LogEntry.Tables(List.copyOf(changed), List.copyOf(dropped), engine.clock().now(),
          engine.feed().lastSequence()));
    }
    images.forEach(this::append);
    appendGlobalTables();
    appendTransfers(false);
  }

  /** Compares a table with what the log holds of it: a new or changed definition is to be logged. */
  private void compare(Table table, List<TableDef> changed, List<LogEntry.Image> images, Set<Long> present) {
    if (!listed(table)) {
      return; // being deleted: as good as gone, nothing brings it back
    }
    Incarnation known = table.attachment(Incarnation.class);
    if (known == null) {
      known = new Incarnation(nextIncarnation++);
      table.replaceAttachment(Incarnation.class, known);
      images.add(image(known.id(), table));
    }
    present.add(known.id());
    TableDef def = TableDef.capture(known.id(), table, engine);
    if (!def.equals(define(def))) {
      changed.add(def);
    }
  }

  /** Records what the log holds of a table; returns what it held before. */
  private TableDef define(TableDef def) {
    byName.computeIfAbsent(def.name(), n -> new HashSet<>(2)).add(def.incarnation());
    return defined.put(def.incarnation(), def);
  }

  /** Drops a table the log holds unless it is {@code present}. */
  private void drop(Long id, Set<Long> present, List<Long> dropped) {
    if (present.contains(id)) {
      return;
    }
    TableDef gone = defined.remove(id);
    if (gone != null) {
      dropped.add(id);
      Set<Long> ids = byName.get(gone.name());
      ids.remove(id);
      if (ids.isEmpty()) {
        byName.remove(gone.name());
      }
    }
  }

  /** Logs the global tables when they changed. */
  private void appendGlobalTables() {
    GlobalTableState now = engine.replication().state();
    if (!now.equals(global)) {
      global = now;
      append(new LogEntry.GlobalTables(now));
    }
  }

  /** Logs the exports and imports added or changed since the log last looked ({@code whole}: all of them). */
  private void appendTransfers(boolean whole) {
    var service = engine.transfers();
    long seen = service.exports().changes() + service.imports().changes();
    if (!whole && seen == transfersSeen) {
      return;
    }
    transfersSeen = seen;
    List<Export> exports = new ArrayList<>();
    List<Import> imports = new ArrayList<>();
    Set<String> arns = new HashSet<>();
    for (Export export : service.exports().all()) {
      arns.add(export.arn());
      if (transfers.put(export.arn(), export) != export) {
        exports.add(export);
      }
    }
    for (Import imported : service.imports().all()) {
      arns.add(imported.arn());
      if (transfers.put(imported.arn(), imported) != imported) {
        imports.add(imported);
      }
    }
    boolean removed = transfers.keySet().retainAll(arns); // a reset to a snapshot dropped some
    if (removed) {
      whole = true;
      exports = service.exports().all();
      imports = service.imports().all();
    }
    if (whole || !exports.isEmpty() || !imports.isEmpty()) {
      append(new LogEntry.Transfers(whole, List.copyOf(exports), List.copyOf(imports)));
    }
  }

  /** The table's streams that are enabled or still hold records, with those records. */
  private List<LogEntry.Stream> streams(long id, Table table) {
    List<LogEntry.Stream> streams = new ArrayList<>();
    Instant now = engine.clock().now();
    for (TableStream stream : Streams.allOf(table)) {
      List<ItemChange> records = stream.retainedRecords(now);
      if (stream.isEnabled() || !records.isEmpty()) {
        streams.add(new LogEntry.Stream(id, stream.label(), stream.viewType().name(), stream.createdAt(),
            stream.generation(), stream.disabledAt(), records));
      }
    }
    return streams;
  }

  private static LogEntry.Image image(long id, Table table) {
    var current = table.versions().current();
    return new LogEntry.Image(id, current.root(), current.committedAt());
  }

  // --- the backups, as they change (under the engine's write lock) ---

  @Override
  public void backupAdded(Backup backup) {
    if (!backups.containsKey(backup)) {
      long id = nextIncarnation++;
      backups.put(backup, id);
      append(new LogEntry.BackupAdded(id, backup));
    }
  }

  @Override
  public void backupRemoved(Backup backup) {
    Long id = backups.remove(backup);
    if (id != null) {
      append(new LogEntry.BackupDropped(id));
    }
  }

  @Override
  public void backupsReplaced() {
    appendBackups();
  }

  /** Logs the backups the log does not hold yet, and drops those it holds that are gone (O(backups)). */
  @SuppressWarnings("unchecked")
  private void appendBackups() {
    List<Backup> all = (List<Backup>) engine.backups().capture(); // oldest first within a region
    Set<Backup> present = Collections.newSetFromMap(new IdentityHashMap<>());
    present.addAll(all);
    for (var it = backups.entrySet().iterator(); it.hasNext(); ) {
      Map.Entry<Backup, Long> known = it.next();
      if (!present.contains(known.getKey())) {
        append(new LogEntry.BackupDropped(known.getValue()));
        it.remove();
      }
    }
    all.forEach(this::backupAdded);
  }

  /**
   * Appends what changed in the control plane, and the clock's time (a manual clock may have moved),
   * under the engine's write lock; returns the log position.
   */
  long appendControlPlaneNow() {
    appendControlPlane(null);
    append(new LogEntry.Tables(List.of(), List.of(), engine.clock().now(), engine.feed().lastSequence()));
    return lastAppended();
  }

  /** The log position of what this thread appended last. */
  long lastAppended() {
    return LAST_APPENDED.get()[0];
  }

  private void append(LogEntry entry) {
    LAST_APPENDED.get()[0] = log.append(entry);
  }
}
