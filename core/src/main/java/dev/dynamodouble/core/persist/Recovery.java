package dev.dynamodouble.core.persist;

import dev.dynamodouble.core.auth.Policy;
import dev.dynamodouble.core.engine.Engine;
import dev.dynamodouble.core.error.DynamoException;
import dev.dynamodouble.core.storage.PersistentSortedMap;
import dev.dynamodouble.core.stream.StreamViewType;
import dev.dynamodouble.core.table.IndexDefinition;
import dev.dynamodouble.core.table.KeySchema;
import dev.dynamodouble.core.table.ItemKey;
import dev.dynamodouble.core.table.StoredItem;
import dev.dynamodouble.core.table.Table;
import dev.dynamodouble.core.table.TableData;
import dev.dynamodouble.core.table.TableSpec;
import dev.dynamodouble.core.table.TableStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Replays one segment (its checkpoint, then what followed) into a model of the tables, then puts
 * the model into an engine. Replaying touches no engine: a segment that turns out unusable leaves
 * nothing behind.
 */
final class Recovery implements SegmentReader.Visitor {
  /** A table as the log left it: its last definition, its items and, with PITR, its versions. */
  private static final class Replayed {
    TableDef def;
    PersistentSortedMap<ItemKey, StoredItem> items = PersistentSortedMap.empty(ItemKey.ORDER);
    /** When the items last changed (null in format 1, which did not say). */
    Instant at;
    /** While PITR is on: one version per second (the last commit in it), oldest first, the current one last. */
    List<Stamped> history;

    Replayed(TableDef def) {
      this.def = def;
    }

    /** The items changed at {@code when}: a new version, or the last one of its second replaced. */
    void stamp(Instant when) {
      if (when != null) {
        at = when;
      }
      if (history != null) {
        Stamped last = history.isEmpty() ? null : history.get(history.size() - 1);
        if (last != null && sameSecond(last.at(), at)) {
          history.set(history.size() - 1, new Stamped(at, items));
        } else {
          history.add(new Stamped(at, items));
        }
      }
    }
  }

  /** A version of a table's items and when it was committed. */
  private record Stamped(Instant at, PersistentSortedMap<ItemKey, StoredItem> items) {}

  /** A backup as the log left it: its metadata and contents. */
  private static final class ReplayedBackup {
    final BackupCodec.Meta meta;
    PersistentSortedMap<ItemKey, StoredItem> items = PersistentSortedMap.empty(ItemKey.ORDER);

    ReplayedBackup(BackupCodec.Meta meta) {
      this.meta = meta;
    }
  }

  private final int version;
  private Map<Long, Replayed> tables = new LinkedHashMap<>();
  private final Map<Long, ReplayedBackup> backups = new LinkedHashMap<>();
  private final Map<Long, PersistentSortedMap.Builder<ItemKey, StoredItem>> images = new HashMap<>();
  private final Map<Long, Instant> imageStamps = new HashMap<>();
  private final StreamReplay streams = new StreamReplay();
  private final ControlReplay control = new ControlReplay();
  private long records;
  private Instant now;
  private long lastSequence;

  /** @param version the format of the segment to replay */
  Recovery(int version) {
    this.version = version;
  }

  @Override
  public void record(int type, ByteSource in) {
    records++;
    switch (type) {
      case SegmentFormat.CATALOG -> catalog(in);
      case SegmentFormat.CHANGES -> changes(in);
      case SegmentFormat.IMAGE_BEGIN -> {
        long id = in.readLong();
        images.put(id, PersistentSortedMap.builder(ItemKey.ORDER));
        Instant stamp = version >= 2 ? SettingsCodec.readInstant(in) : null;
        if (stamp != null) {
          imageStamps.put(id, stamp);
        }
      }
      case SegmentFormat.IMAGE_ITEMS -> imageItems(in);
      case SegmentFormat.IMAGE_END -> {
        long id = in.readLong();
        PersistentSortedMap.Builder<ItemKey, StoredItem> image = image(id, true);
        Instant stamp = imageStamps.remove(id);
        Replayed table = tables.get(id);
        ReplayedBackup backup = backups.get(id);
        if (table != null) {
          table.items = image.build();
          table.stamp(stamp);
        } else if (backup != null) {
          backup.items = image.build();
        }
      }
      case SegmentFormat.VERSION_DELTA -> {
        Replayed table = tables.get(in.readLong());
        Instant stamp = SettingsCodec.readInstant(in);
        List<Change> changes = new ArrayList<>();
        readChanges(in, table, false, changes);
        apply(changes);
        if (table != null) {
          table.stamp(stamp);
        }
      }
      case SegmentFormat.BACKUP -> {
        long id = in.readLong();
        backups.put(id, new ReplayedBackup(BackupCodec.read(in)));
      }
      case SegmentFormat.BACKUP_DROPPED -> backups.remove(in.readLong());
      case SegmentFormat.STREAM_BEGIN -> streams.begin(in);
      case SegmentFormat.STREAM_RECORDS -> streams.records(in);
      case SegmentFormat.TABLES -> tableChanges(in);
      case SegmentFormat.GLOBAL_TABLES -> control.global(in);
      case SegmentFormat.TRANSFERS -> control.transfers(in);
      case SegmentFormat.DELETED_TABLE -> control.deleted(in);
      case SegmentFormat.CHECKPOINT_END -> { }
      default -> throw new CorruptDataException("unknown record type " + type);
    }
  }

  long records() {
    return records;
  }

  int tableCount() {
    return tables.size();
  }

  int backupCount() {
    return backups.size();
  }

  /** The clock's time the log last recorded, or null (format 1). */
  Instant now() {
    return now;
  }

  /** The image being read for {@code id} (forgotten at its {@code end}); its beginning must have come first. */
  private PersistentSortedMap.Builder<ItemKey, StoredItem> image(long id, boolean end) {
    PersistentSortedMap.Builder<ItemKey, StoredItem> image = end ? images.remove(id) : images.get(id);
    if (image == null) {
      throw new CorruptDataException("image " + (end ? "end" : "items") + " of " + id + " without a beginning");
    }
    return image;
  }

  private void imageItems(ByteSource in) {
    long id = in.readLong();
    PersistentSortedMap.Builder<ItemKey, StoredItem> image = image(id, false);
    Replayed table = tables.get(id);
    ReplayedBackup backup = backups.get(id);
    KeySchema schema = table != null ? table.def.keySchema() : backup != null ? backup.meta.source().keySchema() : null;
    if (schema == null) {
      return; // the table was deleted since
    }
    int count = in.readInt();
    for (int i = 0; i < count; i++) {
      StoredItem item = ValueCodec.readItem(in);
      image.put(key(schema, item.attributes(), true), item);
    }
  }

  /** CATALOG: every table (a checkpoint's, or in format 2 after every control-plane request). */
  private void catalog(ByteSource in) {
    int count = in.readInt();
    Map<Long, Replayed> next = new LinkedHashMap<>();
    for (int i = 0; i < count; i++) {
      Replayed table = define(TableDef.read(in, version));
      next.put(table.def.incarnation(), table);
    }
    List<TableDef> dropped = new ArrayList<>();
    for (Replayed table : tables.values()) {
      if (!next.containsKey(table.def.incarnation())) {
        dropped.add(table.def); // a table missing from the catalog was deleted
      }
    }
    tables = next;
    if (version >= 2) {
      advance(SettingsCodec.readInstant(in), in.readLong());
    }
    settle(tables.values(), dropped);
  }

  /** TABLES (format 3): the tables whose definition changed, then those dropped. */
  private void tableChanges(ByteSource in) {
    int count = in.readInt();
    List<Replayed> changed = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      Replayed table = define(TableDef.read(in, version));
      tables.put(table.def.incarnation(), table);
      changed.add(table);
    }
    count = in.readInt();
    List<TableDef> dropped = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      Replayed gone = tables.remove(in.readLong());
      if (gone != null) {
        dropped.add(gone.def);
      }
    }
    advance(SettingsCodec.readInstant(in), in.readLong());
    settle(changed, dropped);
  }

  /** A table's new definition: PITR enabled now starts its history here, disabled drops it. */
  private Replayed define(TableDef def) {
    Replayed table = tables.get(def.incarnation());
    boolean known = table != null;
    if (!known) {
      table = new Replayed(def);
    } else {
      table.def = def;
    }
    if (def.pitrDays() == 0) {
      table.history = null;
    } else if (table.history == null) {
      table.history = new ArrayList<>();
      if (known) {
        table.history.add(new Stamped(table.at, table.items)); // PITR enabled now: history starts here
      }
    }
    return table;
  }

  /** The streams after a catalog: those of defined tables follow their definition, a dropped table's stop. */
  private void settle(java.util.Collection<Replayed> defined, List<TableDef> dropped) {
    for (TableDef gone : dropped) {
      if (streams.dropped(gone.incarnation(), now)) {
        control.dropped(gone); // its streams stay readable for 24 hours, as DynamoDB's do
      }
    }
    java.util.Set<Long> kept = new java.util.HashSet<>(tables.keySet());
    kept.addAll(control.deletedTables());
    streams.retainTables(kept);
    for (Replayed table : defined) {
      streams.catalog(table.def.incarnation(), table.def, now);
    }
  }

  private void advance(Instant at, long sequence) {
    if (at != null && (now == null || at.isAfter(now))) {
      now = at;
    }
    lastSequence = Math.max(lastSequence, sequence);
  }

  /** An item change to apply; {@code recorded} is the whole change when its stream keeps it. */
  private record Change(Replayed table, ItemKey key, StoredItem item, ChangeCodec.Recorded recorded) {}

  /** A commit's changes: read whole first, then applied, so a record is applied all or none. */
  private void changes(ByteSource in) {
    Instant at = null;
    if (version >= 2) {
      at = SettingsCodec.readInstant(in);
      advance(at, in.readLong());
    }
    List<Change> changes = new ArrayList<>();
    List<Replayed> touched = new ArrayList<>();
    int tableCount = in.readInt();
    for (int t = 0; t < tableCount; t++) {
      long id = in.readLong();
      Replayed table = tables.get(id); // null: the table was deleted since
      boolean streamed = version >= 2 && in.readBoolean();
      int first = changes.size();
      readChanges(in, table, streamed, changes);
      if (streamed && table != null) {
        for (Change change : changes.subList(first, changes.size())) {
          streams.recorded(id, change.recorded());
        }
      }
      if (table != null) {
        touched.add(table);
      }
    }
    apply(changes);
    for (Replayed table : touched) {
      table.stamp(at);
    }
  }

  /**
   * Reads a count, then that many changes of {@code table} (null: skipped): an item put or a key
   * deleted, or with {@code streamed} each change whole, as its stream keeps it.
   */
  private static void readChanges(ByteSource in, Replayed table, boolean streamed, List<Change> into) {
    int count = in.readInt();
    for (int i = 0; i < count; i++) {
      if (streamed) {
        ChangeCodec.Recorded recorded = ChangeCodec.read(in);
        if (table != null) {
          into.add(new Change(table, key(table.def.keySchema(), recorded.any().attributes(), true),
              recorded.newItem(), recorded));
        }
        continue;
      }
      boolean put = in.readBoolean();
      StoredItem item = ValueCodec.readItem(in);
      if (table != null) {
        into.add(new Change(table, key(table.def.keySchema(), item.attributes(), put), put ? item : null, null));
      }
    }
  }

  private static void apply(List<Change> changes) {
    for (Change change : changes) {
      change.table().items = change.item() == null ? change.table().items.remove(change.key())
          : change.table().items.put(change.key(), change.item());
    }
  }

  private static ItemKey key(KeySchema schema, Map<String, dev.dynamodouble.core.value.AttributeValue> attributes,
                             boolean item) {
    try {
      return item ? schema.keyOfItem(attributes) : schema.keyOfKey(attributes);
    } catch (DynamoException e) {
      throw new CorruptDataException("an item that does not fit its key schema: " + e.getMessage());
    }
  }

  private static boolean sameSecond(Instant a, Instant b) {
    return a == null || b == null || secondOf(a) == secondOf(b);
  }

  /** The whole second closing the half-open second holding {@code t}, as the PITR history buckets it. */
  private static long secondOf(Instant t) {
    return t.getNano() == 0 ? t.getEpochSecond() : t.getEpochSecond() + 1;
  }

  /**
   * Puts every replayed table into the engine, ACTIVE, with its settings and (with PITR) its
   * history, then the backups. Call under the write lock, once the clock shows the recorded time.
   */
  void install(Engine engine) {
    engine.feed().continueAfter(lastSequence); // stream sequence numbers go on increasing
    Instant clockNow = engine.clock().now();
    for (Replayed replayed : tables.values()) {
      TableDef def = replayed.def;
      List<IndexDefinition> locals = active(def.localIndexes());
      List<IndexDefinition> globals = active(def.settings().globalIndexes());
      Table.Settings settings = def.settings();
      TableSpec spec = new TableSpec(def.name(), def.keySchema(), settings.attributeDefinitions(),
          settings.billingMode(), settings.throughput(), locals, globals, settings.tags(),
          settings.deletionProtection(), settings.tableClass());
      Table table = new Table(spec, def.region(), def.arn(), def.id(), def.created());
      table.restore(new Table.Settings(settings.attributeDefinitions(), settings.tags(), settings.billingMode(),
          settings.lastUpdateToPayPerRequest(), settings.throughput(), settings.warmRead(), settings.warmWrite(),
          globals, settings.deletionProtection(), settings.tableClass(), settings.onDemandThroughput(),
          TableStatus.ACTIVE, null, null, settings.vectorIndexes()));
      table.status(TableStatus.ACTIVE);
      List<IndexDefinition> indexes = new ArrayList<>(locals);
      indexes.addAll(globals);
      engine.region(def.region()).add(table);
      installContents(engine, table, replayed, indexes, clockNow);
      if (def.ttlAttribute() != null) {
        engine.timeToLive().update(table, def.ttlAttribute(), true);
      }
      if (!streams.install(def.incarnation(), table, engine) && def.streamView() != null) {
        engine.streams().enable(table, StreamViewType.valueOf(def.streamView())); // format 1 kept no stream
      }
      if (def.policy() != null) {
        engine.resourcePolicies().put(def.arn(), Policy.parse(def.policy()), clockNow.toEpochMilli());
      }
      def.extras().install(table, engine);
    }
    for (ReplayedBackup backup : backups.values()) {
      BackupCodec.Meta meta = backup.meta;
      engine.backups().recovered(meta.arn(), meta.region(), meta.name(), meta.type(), meta.created(), meta.expires(),
          meta.source(), contents(backup.items, meta.indexes(), meta.source().keySchema()));
    }
    control.install(engine, streams);
  }

  /**
   * Commits the table's contents, loaded not changed (no subscriber hears it): with PITR, each
   * version of its history at its own time (each from the one before: O(changes), indexes included).
   */
  private static void installContents(Engine engine, Table table, Replayed replayed, List<IndexDefinition> indexes,
                                      Instant clockNow) {
    TableDef def = replayed.def;
    if (replayed.history == null || replayed.history.isEmpty()) {
      engine.feed().commitSchema(table, contents(replayed.items, indexes, def.keySchema()), clockNow);
      if (def.pitrDays() > 0) {
        engine.pointInTimeRecovery().recovered(table, def.pitrDays(), def.extras().pitrHistoryStart());
      }
      return;
    }
    List<Stamped> history = replayed.history;
    TableData data = contents(history.get(0).items(), indexes, def.keySchema());
    engine.feed().commitSchema(table, data, stampOr(history.get(0).at(), clockNow));
    engine.pointInTimeRecovery().recovered(table, def.pitrDays(), def.extras().pitrHistoryStart());
    for (int i = 1; i < history.size(); i++) {
      TableData[] next = {data};
      history.get(i - 1).items().diff(history.get(i).items(), (key, before, after) ->
          next[0] = after == null ? next[0].delete(key) : next[0].put(key, after, before));
      data = next[0];
      engine.feed().commitSchema(table, data, stampOr(history.get(i).at(), clockNow));
    }
  }

  private static Instant stampOr(Instant stamp, Instant fallback) {
    return stamp != null ? stamp : fallback;
  }

  /** A table's (or backup's) contents: the items, and each index filled from them. */
  private static TableData contents(PersistentSortedMap<ItemKey, StoredItem> items, List<IndexDefinition> indexes,
                                    KeySchema keySchema) {
    long size = 0;
    for (Map.Entry<ItemKey, StoredItem> e : items) {
      size += e.getValue().size();
    }
    TableData data = new TableData(items, size, Map.of());
    for (IndexDefinition index : indexes) {
      data = data.withIndex(index, keySchema);
    }
    return data;
  }

  /** Indexes as they stand once their creation is over; one being deleted is gone. */
  private static List<IndexDefinition> active(List<IndexDefinition> indexes) {
    List<IndexDefinition> result = new ArrayList<>();
    for (IndexDefinition index : indexes) {
      if (index.status() != IndexDefinition.IndexStatus.DELETING) {
        result.add(index.status() == null ? index : index.withStatus(IndexDefinition.IndexStatus.ACTIVE));
      }
    }
    return List.copyOf(result);
  }
}
