package dev.dynamodouble.core.persist;

import dev.dynamodouble.core.auth.Policy;
import dev.dynamodouble.core.engine.Engine;
import dev.dynamodouble.core.error.DynamoException;
import dev.dynamodouble.core.storage.PersistentSortedMap;
import dev.dynamodouble.core.stream.StreamViewType;
import dev.dynamodouble.core.table.IndexDefinition;
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
  /** A table as the log left it: its last definition and its items. */
  private static final class Replayed {
    TableDef def;
    PersistentSortedMap<ItemKey, StoredItem> items = PersistentSortedMap.empty(ItemKey.ORDER);

    Replayed(TableDef def) {
      this.def = def;
    }
  }

  private Map<Long, Replayed> tables = new LinkedHashMap<>();
  private final Map<Long, PersistentSortedMap.Builder<ItemKey, StoredItem>> images = new HashMap<>();
  private long records;

  @Override
  public void record(int type, ByteSource in) {
    records++;
    switch (type) {
      case SegmentFormat.CATALOG -> catalog(in);
      case SegmentFormat.CHANGES -> changes(in);
      case SegmentFormat.IMAGE_BEGIN -> images.put(in.readLong(), PersistentSortedMap.builder(ItemKey.ORDER));
      case SegmentFormat.IMAGE_ITEMS -> {
        long incarnation = in.readLong();
        PersistentSortedMap.Builder<ItemKey, StoredItem> image = images.get(incarnation);
        Replayed table = tables.get(incarnation);
        if (image == null) {
          throw new CorruptDataException("image items of table " + incarnation + " without a beginning");
        }
        if (table == null) {
          return; // the table was deleted since
        }
        int count = in.readInt();
        for (int i = 0; i < count; i++) {
          StoredItem item = ValueCodec.readItem(in);
          image.put(key(table, item.attributes(), true), item);
        }
      }
      case SegmentFormat.IMAGE_END -> {
        long incarnation = in.readLong();
        PersistentSortedMap.Builder<ItemKey, StoredItem> image = images.remove(incarnation);
        if (image == null) {
          throw new CorruptDataException("image end of table " + incarnation + " without a beginning");
        }
        Replayed table = tables.get(incarnation);
        if (table != null) {
          table.items = image.build();
        }
      }
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

  private void catalog(ByteSource in) {
    int count = in.readInt();
    Map<Long, Replayed> next = new LinkedHashMap<>();
    for (int i = 0; i < count; i++) {
      TableDef def = TableDef.read(in);
      Replayed table = tables.get(def.incarnation());
      if (table == null) {
        table = new Replayed(def);
      } else {
        table.def = def;
      }
      next.put(def.incarnation(), table);
    }
    tables = next; // a table missing from the catalog was deleted
  }

  /** A commit's changes: read whole first, then applied, so a record is applied all or none. */
  private void changes(ByteSource in) {
    record Change(Replayed table, ItemKey key, StoredItem item) {}
    List<Change> changes = new ArrayList<>();
    int tableCount = in.readInt();
    for (int t = 0; t < tableCount; t++) {
      Replayed table = tables.get(in.readLong()); // null: the table was deleted since
      int count = in.readInt();
      for (int i = 0; i < count; i++) {
        boolean put = in.readBoolean();
        StoredItem item = ValueCodec.readItem(in);
        if (table != null) {
          changes.add(new Change(table, key(table, item.attributes(), put), put ? item : null));
        }
      }
    }
    for (Change change : changes) {
      change.table().items = change.item() == null ? change.table().items.remove(change.key())
          : change.table().items.put(change.key(), change.item());
    }
  }

  private static ItemKey key(Replayed table, Map<String, dev.dynamodouble.core.value.AttributeValue> attributes,
                             boolean item) {
    try {
      return item ? table.def.keySchema().keyOfItem(attributes) : table.def.keySchema().keyOfKey(attributes);
    } catch (DynamoException e) {
      throw new CorruptDataException("an item that does not fit table " + table.def.name() + ": " + e.getMessage());
    }
  }

  /** Puts every replayed table into the engine, ACTIVE, with its settings. Call under the write lock. */
  void install(Engine engine) {
    Instant now = engine.clock().now();
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
          TableStatus.ACTIVE, null, null));
      table.status(TableStatus.ACTIVE);
      long size = 0;
      for (Map.Entry<ItemKey, StoredItem> e : replayed.items) {
        size += e.getValue().size();
      }
      TableData data = new TableData(replayed.items, size, Map.of());
      for (IndexDefinition index : locals) {
        data = data.withIndex(index, def.keySchema());
      }
      for (IndexDefinition index : globals) {
        data = data.withIndex(index, def.keySchema());
      }
      engine.region(def.region()).add(table);
      engine.feed().commitSchema(table, data, now); // loaded, not changed: no subscriber hears it
      if (def.ttlAttribute() != null) {
        engine.timeToLive().update(table, def.ttlAttribute(), true);
      }
      if (def.pitrDays() > 0) {
        engine.pointInTimeRecovery().update(table, true, def.pitrDays());
      }
      if (def.streamView() != null) {
        engine.streams().enable(table, StreamViewType.valueOf(def.streamView()));
      }
      if (def.policy() != null) {
        engine.resourcePolicies().put(def.arn(), Policy.parse(def.policy()), now.toEpochMilli());
      }
    }
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
