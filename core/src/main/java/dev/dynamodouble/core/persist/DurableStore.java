package dev.dynamodouble.core.persist;

import dev.dynamodouble.core.engine.Catalog;
import dev.dynamodouble.core.engine.Engine;
import dev.dynamodouble.core.feed.FeedSubscriber;
import dev.dynamodouble.core.feed.ItemChange;
import dev.dynamodouble.core.feed.Origin;
import dev.dynamodouble.core.pipeline.Call;
import dev.dynamodouble.core.pipeline.RequestStage;
import dev.dynamodouble.core.protocol.JsonWritable;
import dev.dynamodouble.core.table.Table;
import dev.dynamodouble.core.table.TableStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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
  private static final ThreadLocal<long[]> LAST_APPENDED = ThreadLocal.withInitial(() -> new long[1]);

  /** The log's number for a table object, kept beside the table (it dies with it). */
  private record Incarnation(long id) {}

  private final Engine engine;
  private GroupCommitLog log;
  private long nextIncarnation = 1;
  private List<LogEntry.TableChanges> group;

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
    LogEntry.TableChanges entry = new LogEntry.TableChanges(known.id(), table.keySchema(), List.copyOf(changes));
    if (group != null) {
      group.add(entry);
    } else {
      append(new LogEntry.Changes(List.of(entry)));
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
      append(new LogEntry.Changes(List.copyOf(done)));
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
      append(new LogEntry.Image(known.id(), table.snapshot()));
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
    long position = LAST_APPENDED.get()[0];
    if (position > 0) {
      log.awaitDurable(position);
    }
    return response;
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
    List<LogEntry.Image> images = new ArrayList<>();
    for (Catalog catalog : engine.regions()) {
      for (Table table : catalog.tables()) {
        if (listed(table)) {
          long id = nextIncarnation++;
          table.replaceAttachment(Incarnation.class, new Incarnation(id));
          tables.add(TableDef.capture(id, table, engine));
          images.add(new LogEntry.Image(id, table.snapshot()));
        }
      }
    }
    append(new LogEntry.Catalog(List.copyOf(tables)));
    images.forEach(this::append);
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
          images.add(new LogEntry.Image(known.id(), table.snapshot()));
        }
        tables.add(TableDef.capture(known.id(), table, engine));
      }
    }
    append(new LogEntry.Catalog(List.copyOf(tables)));
    images.forEach(this::append);
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
