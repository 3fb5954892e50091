package dev.dynamodouble.core.persist;

import dev.dynamodouble.core.engine.Engine;
import dev.dynamodouble.core.feed.ItemChange;
import dev.dynamodouble.core.stream.StreamViewType;
import dev.dynamodouble.core.table.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The streams of the tables a {@link Recovery} replays: each stream's identity and records as the
 * log left them (a checkpoint's, then every change logged whole since), put back into the engine
 * with the table.
 */
final class StreamReplay {
  /** One stream: the label in its ARN, its view type, times, generation and records, oldest first. */
  private static final class Replayed {
    final String label;
    final String viewType;
    final Instant created;
    int generation;
    Instant disabledAt;
    List<ChangeCodec.Recorded> records = new ArrayList<>();

    Replayed(String label, String viewType, Instant created, int generation, Instant disabledAt) {
      this.label = label;
      this.viewType = viewType;
      this.created = created;
      this.generation = generation;
      this.disabledAt = disabledAt;
    }
  }

  /** By table incarnation, then label, oldest first. */
  private final Map<Long, Map<String, Replayed>> byTable = new HashMap<>();

  /** STREAM_BEGIN: a stream of a checkpoint. */
  void begin(ByteSource in) {
    long table = in.readLong();
    String label = in.readString();
    String view = in.readString();
    Instant created = SettingsCodec.readInstant(in);
    int generation = in.readInt();
    Instant disabledAt = SettingsCodec.readInstant(in);
    streams(table).put(label, new Replayed(label, view, created, generation, disabledAt));
  }

  /** STREAM_RECORDS: some of a checkpoint stream's records. */
  void records(ByteSource in) {
    long table = in.readLong();
    Replayed stream = streams(table).get(in.readString());
    if (stream == null) {
      throw new CorruptDataException("stream records of table " + table + " without a beginning");
    }
    int count = in.readInt();
    for (int i = 0; i < count; i++) {
      stream.records.add(ChangeCodec.read(in));
    }
  }

  /**
   * A catalog's word on a table at {@code now}: its enabled stream (a new one starts, one reset
   * since loses its records), every other stream disabled.
   */
  void catalog(long table, TableDef def, Instant now) {
    Map<String, Replayed> streams = streams(table);
    String enabled = def.streamView() != null ? def.extras().streamLabel() : null;
    for (Replayed stream : streams.values()) {
      if (stream.disabledAt == null && !stream.label.equals(enabled)) {
        stream.disabledAt = now != null ? now : stream.created;
      }
    }
    if (enabled == null) {
      return;
    }
    Replayed current = streams.get(enabled);
    if (current == null) {
      streams.put(enabled, new Replayed(enabled, def.streamView(), def.extras().streamCreated(),
          def.extras().streamGeneration(), null));
    } else if (current.generation < def.extras().streamGeneration()) {
      current.generation = def.extras().streamGeneration();
      current.records = new ArrayList<>();
    }
  }

  /** The table was deleted at {@code now}: its streams stop. Whether it had any. */
  boolean dropped(long table, Instant now) {
    Map<String, Replayed> streams = byTable.get(table);
    if (streams == null || streams.isEmpty()) {
      return false;
    }
    for (Replayed stream : streams.values()) {
      if (stream.disabledAt == null) {
        stream.disabledAt = now != null ? now : stream.created;
      }
    }
    return true;
  }

  /** A change logged whole: a record of the table's enabled stream. */
  void recorded(long table, ChangeCodec.Recorded record) {
    Map<String, Replayed> streams = byTable.get(table);
    if (streams != null) {
      for (Replayed stream : streams.values()) {
        if (stream.disabledAt == null) {
          stream.records.add(record);
          return;
        }
      }
    }
  }

  /** Forgets the streams of tables no longer in the catalog. */
  void retainTables(Collection<Long> tables) {
    byTable.keySet().retainAll(tables);
  }

  /**
   * Puts back the streams of a recovered table, oldest first; true when it had one (else a
   * format-1 definition's stream must be enabled anew). Call under the engine's write lock.
   */
  boolean install(long incarnation, Table table, Engine engine) {
    Map<String, Replayed> streams = byTable.getOrDefault(incarnation, Map.of());
    for (Replayed stream : streams.values()) {
      List<ItemChange> records = new ArrayList<>(stream.records.size());
      for (ChangeCodec.Recorded r : stream.records) {
        records.add(new ItemChange(r.sequence(), table, table.keySchema().keyOfItem(r.any().attributes()), r.oldItem(),
            r.newItem(), r.at(), r.origin(), r.createdAt()));
      }
      engine.streams().recovered(table, StreamViewType.valueOf(stream.viewType), stream.label, stream.created,
          stream.generation, stream.disabledAt, records);
    }
    return !streams.isEmpty();
  }

  private Map<String, Replayed> streams(long table) {
    return byTable.computeIfAbsent(table, t -> new LinkedHashMap<>());
  }
}
