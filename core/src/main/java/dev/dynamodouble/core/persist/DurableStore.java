package dev.dynamodouble.core.persist;

import dev.dynamodouble.core.backup.Backup;
import dev.dynamodouble.core.engine.Catalog;
import dev.dynamodouble.core.engine.Engine;
import dev.dynamodouble.core.feed.FeedSubscriber;
import dev.dynamodouble.core.feed.ItemChange;
import dev.dynamodouble.core.feed.Origin;
import dev.dynamodouble.core.pipeline.Call;
import dev.dynamodouble.core.pipeline.RequestStage;
import dev.dynamodouble.core.protocol.JsonWritable;
import dev.dynamodouble.core.stream.Streams;
import dev.dynamodouble.core.stream.TableStream;
import dev.dynamodouble.core.table.Table;
import dev.dynamodouble.core.table.TableStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The change feed's durable consumer: it hands every commit to the log in commit order, and holds a
 * request's answer until what the request changed is on the device.
 *
 * <p>Item changes are logged as they commit (a transaction as one record). Control-plane state
 * (tables, their settings, TTL, PITR, stream and policy settings) is logged whole, as a catalog,
 * after each request that may change it, before the request is answered; the first time the log
 * meets a table (a new table, a restored one) it also logs the table's contents. All of it is
 * captured under the engine's write lock, so the log's order is the engine's.
 */
final class DurableStore implements FeedSubscriber, RequestStage {
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
      appendCatalog(); // logs the table and its contents, this commit included
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
      appendCatalog();
    } else {
      append(new LogEntry.Image(known.id(), table.snapshot(), at));
    }
  }

  @Override
  public void reset(Table table, Instant at, Object captured) {
    appendCatalog(); // a reset may also add and drop tables
    replaced(table, Origin.RESET, at);
  }

  /** Whether the catalog the log keeps holds this table object. */
  private boolean listed(Table table) {
    return table.status() != TableStatus.DELETING && engine.region(table.region()).find(table.name()) == table;
  }

  // --- the request pipeline ---

  @Override
  public void before(Call call) {
    LAST_APPENDED.get()[0] = 0;
  }

  @Override
  public JsonWritable after(Call call, JsonWritable response) {
    if (call.api() == Call.Api.DYNAMODB && mayChangeControlPlane(call.operation())) {
      engine.write(this::appendCatalog);
    }
    long[] last = LAST_APPENDED.get();
    if (last[0] > 0 && last[1] == 0) { // deferred: the transport answers once the log has it
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
    for (Catalog catalog : engine.regions()) {
      for (Table table : catalog.tables()) {
        if (listed(table)) {
          long id = nextIncarnation++;
          table.replaceAttachment(Incarnation.class, new Incarnation(id));
          tables.add(TableDef.capture(id, table, engine));
          images.add(table.versions().isHistoryEnabled()
              ? new LogEntry.History(id, table.keySchema(), table.versions().retained()) : image(id, table));
          images.addAll(streams(id, table));
        }
      }
    }
    append(catalogOf(tables));
    images.forEach(this::append);
    backups.clear();
    appendBackups();
    append(new LogEntry.CheckpointEnd());
  }

  /** Appends every table's definition, and the contents of tables the log has not met yet. */
  private void appendCatalog() {
    List<TableDef> tables = new ArrayList<>();
    List<LogEntry.Image> images = new ArrayList<>();
    for (Catalog catalog : engine.regions()) {
      for (Table table : catalog.tables()) {
        if (!listed(table)) {
          continue; // being deleted: as good as gone, nothing brings it back
        }
        Incarnation known = table.attachment(Incarnation.class);
        if (known == null) {
          known = new Incarnation(nextIncarnation++);
          table.replaceAttachment(Incarnation.class, known);
          images.add(image(known.id(), table));
        }
        tables.add(TableDef.capture(known.id(), table, engine));
      }
    }
    append(catalogOf(tables));
    images.forEach(this::append);
    appendBackups();
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

  private LogEntry.Catalog catalogOf(List<TableDef> tables) {
    return new LogEntry.Catalog(List.copyOf(tables), engine.clock().now(), engine.feed().lastSequence());
  }

  private static LogEntry.Image image(long id, Table table) {
    var current = table.versions().current();
    return new LogEntry.Image(id, current.root(), current.committedAt());
  }

  /** Logs the backups created since the log last looked, and drops those deleted or expired. */
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
    for (Backup backup : all) {
      if (!backups.containsKey(backup)) {
        long id = nextIncarnation++;
        backups.put(backup, id);
        append(new LogEntry.BackupAdded(id, backup));
      }
    }
  }

  /** Appends the catalog (under the engine's write lock) and returns its log position. */
  long appendCatalogNow() {
    appendCatalog();
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
