package dev.dynamodouble.core.persist;

import dev.dynamodouble.core.feed.ItemChange;
import dev.dynamodouble.core.storage.Version;
import dev.dynamodouble.core.table.ItemKey;
import dev.dynamodouble.core.table.KeySchema;
import dev.dynamodouble.core.table.StoredItem;
import dev.dynamodouble.core.table.TableData;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** Appends framed records to one segment file; used by the group commit's leader only. */
final class SegmentWriter implements AutoCloseable {
  private static final int FLUSH_AT = 1 << 20;
  private static final int IMAGE_CHUNK = 256 << 10;

  private final FileChannel channel;
  private final long number;
  /** Seals each record when the directory is encrypted, else null. */
  private final DataKey.Sealing sealing;
  private int records;
  private final ByteSink sink = new ByteSink(64 << 10);
  private long written;

  private SegmentWriter(FileChannel channel, long number, DataKey key) {
    this.channel = channel;
    this.number = number;
    this.sealing = key == null ? null : key.newSegment();
  }

  /** Creates segment {@code number} (it must not exist) and writes its header; {@code key} null: plain. */
  static SegmentWriter create(Path dir, long number, DataKey key) throws IOException {
    FileChannel channel = FileChannel.open(dir.resolve(SegmentFormat.fileName(number)),
        StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
    SegmentWriter writer = new SegmentWriter(channel, number, key);
    for (byte b : SegmentFormat.MAGIC) {
      writer.sink.writeByte(b);
    }
    writer.sink.writeInt(SegmentFormat.VERSION);
    if (writer.sealing == null) {
      writer.sink.writeByte(SegmentFormat.PLAIN);
    } else {
      writer.sink.writeByte(SegmentFormat.SEALED);
      writer.sink.writeRaw(writer.sealing.salt());
      writer.sink.writeRaw(writer.sealing.check());
    }
    return writer;
  }

  long number() {
    return number;
  }

  /** Bytes in the file once everything appended is flushed. */
  long size() {
    return written + sink.size();
  }

  void append(LogEntry entry) throws IOException {
    if (entry instanceof LogEntry.Catalog catalog) {
      int at = begin(SegmentFormat.CATALOG);
      sink.writeInt(catalog.tables().size());
      catalog.tables().forEach(table -> table.write(sink));
      SettingsCodec.writeInstant(sink, catalog.now());
      sink.writeLong(catalog.lastSequence());
      end(at);
    } else if (entry instanceof LogEntry.Changes changes) {
      int at = begin(SegmentFormat.CHANGES);
      SettingsCodec.writeInstant(sink, changes.at());
      sink.writeLong(changes.lastSequence());
      sink.writeInt(changes.tables().size());
      for (LogEntry.TableChanges table : changes.tables()) {
        sink.writeLong(table.incarnation());
        sink.writeBoolean(table.streamed());
        sink.writeInt(table.changes().size());
        for (ItemChange change : table.changes()) {
          if (table.streamed()) {
            ChangeCodec.write(sink, change);
          } else {
            writeChange(table.keySchema(), change.oldItem(), change.newItem());
          }
        }
      }
      end(at);
    } else if (entry instanceof LogEntry.Image image) {
      writeImage(image.incarnation(), image.data().items().iterator(), image.at());
    } else if (entry instanceof LogEntry.History history) {
      writeHistory(history);
    } else if (entry instanceof LogEntry.Stream stream) {
      writeStream(stream);
    } else if (entry instanceof LogEntry.BackupAdded added) {
      int at = begin(SegmentFormat.BACKUP);
      sink.writeLong(added.id());
      BackupCodec.write(sink, added.backup());
      end(at);
      writeImage(added.id(), added.backup().data().items().iterator(), added.backup().created());
    } else if (entry instanceof LogEntry.BackupDropped dropped) {
      int at = begin(SegmentFormat.BACKUP_DROPPED);
      sink.writeLong(dropped.id());
      end(at);
    } else if (entry instanceof LogEntry.Tables tables) {
      int at = begin(SegmentFormat.TABLES);
      sink.writeInt(tables.changed().size());
      tables.changed().forEach(table -> table.write(sink));
      sink.writeInt(tables.dropped().size());
      tables.dropped().forEach(sink::writeLong);
      SettingsCodec.writeInstant(sink, tables.now());
      sink.writeLong(tables.lastSequence());
      end(at);
    } else if (entry instanceof LogEntry.GlobalTables global) {
      int at = begin(SegmentFormat.GLOBAL_TABLES);
      GlobalTablesCodec.write(sink, global.state());
      end(at);
    } else if (entry instanceof LogEntry.Transfers transfers) {
      int at = begin(SegmentFormat.TRANSFERS);
      TransferCodec.write(sink, transfers);
      end(at);
    } else if (entry instanceof LogEntry.DeletedTable deleted) {
      int at = begin(SegmentFormat.DELETED_TABLE);
      sink.writeLong(deleted.incarnation());
      sink.writeString(deleted.region());
      sink.writeString(deleted.name());
      sink.writeString(deleted.arn());
      sink.writeString(deleted.id());
      SettingsCodec.writeInstant(sink, deleted.created());
      SettingsCodec.writeKeySchema(sink, deleted.keySchema());
      end(at);
    } else if (entry instanceof LogEntry.CheckpointEnd) {
      end(begin(SegmentFormat.CHECKPOINT_END));
    } else {
      throw new IllegalArgumentException("not a record: " + entry);
    }
    if (sink.size() >= FLUSH_AT) {
      flush();
    }
  }

  /** One item change: the new item, or the key of the deleted one. */
  private void writeChange(KeySchema keySchema, StoredItem before, StoredItem after) {
    sink.writeBoolean(after != null);
    if (after != null) {
      ValueCodec.writeItem(sink, after.attributes());
    } else {
      ValueCodec.writeItem(sink, keySchema.keyMap(before.attributes()));
    }
  }

  /** An image as several records, so that no record grows with the table. */
  private void writeImage(long id, Iterator<Map.Entry<ItemKey, StoredItem>> items, Instant stamp) throws IOException {
    int at = begin(SegmentFormat.IMAGE_BEGIN);
    sink.writeLong(id);
    SettingsCodec.writeInstant(sink, stamp);
    end(at);
    if (items.hasNext()) {
      writeChunks(SegmentFormat.IMAGE_ITEMS, () -> sink.writeLong(id), items,
          item -> ValueCodec.writeItem(sink, item.getValue().attributes()));
    }
    at = begin(SegmentFormat.IMAGE_END);
    sink.writeLong(id);
    end(at);
  }

  /**
   * A PITR history: the oldest version as an image, then each later one as its difference from the
   * one before (shared subtrees unread: O(changes)), in chunks stamped with the version's time.
   */
  private void writeHistory(LogEntry.History history) throws IOException {
    List<Version<TableData>> versions = history.versions();
    writeImage(history.incarnation(), versions.get(0).root().items().iterator(), versions.get(0).committedAt());
    for (int v = 1; v < versions.size(); v++) {
      List<StoredItem[]> edits = new ArrayList<>();
      versions.get(v - 1).root().items().diff(versions.get(v).root().items(),
          (key, before, after) -> edits.add(new StoredItem[] {before, after}));
      Instant committedAt = versions.get(v).committedAt();
      writeChunks(SegmentFormat.VERSION_DELTA, () -> {
        sink.writeLong(history.incarnation());
        SettingsCodec.writeInstant(sink, committedAt);
      }, edits.iterator(), edit -> writeChange(history.keySchema(), edit[0], edit[1]));
    }
  }

  /** A stream's identity, then its records in chunks. */
  private void writeStream(LogEntry.Stream stream) throws IOException {
    int at = begin(SegmentFormat.STREAM_BEGIN);
    sink.writeLong(stream.incarnation());
    sink.writeString(stream.label());
    sink.writeString(stream.viewType());
    SettingsCodec.writeInstant(sink, stream.createdAt());
    sink.writeInt(stream.generation());
    SettingsCodec.writeInstant(sink, stream.disabledAt());
    end(at);
    Iterator<ItemChange> records = stream.records().iterator();
    if (records.hasNext()) {
      writeChunks(SegmentFormat.STREAM_RECORDS, () -> {
        sink.writeLong(stream.incarnation());
        sink.writeString(stream.label());
      }, records, record -> ChangeCodec.write(sink, record));
    }
  }

  /**
   * Writes {@code items} as one or more records of {@code type}, each the header, a count and as
   * many items as fit in about {@link #IMAGE_CHUNK} bytes: no record grows with the table. At least
   * one record, even with no items.
   */
  private <T> void writeChunks(int type, Runnable header, Iterator<T> items, Consumer<T> item) throws IOException {
    do {
      int at = begin(type);
      header.run();
      int countAt = sink.size();
      sink.writeInt(0);
      int count = 0;
      while (items.hasNext() && sink.size() - at < IMAGE_CHUNK) {
        item.accept(items.next());
        count++;
      }
      sink.putInt(countAt, count);
      end(at);
      if (sink.size() >= FLUSH_AT) {
        flush();
      }
    } while (items.hasNext());
  }

  private int begin(int type) {
    int at = sink.size();
    sink.writeInt(0); // length and checksum, filled in by end()
    sink.writeInt(0);
    sink.writeByte(type);
    return at;
  }

  private void end(int at) {
    int payload = at + SegmentFormat.FRAME_BYTES;
    if (sealing != null) {
      byte[] sealed = sealing.seal(records, sink.array(), payload, sink.size() - payload);
      sink.truncate(payload);
      sink.writeRaw(sealed);
    }
    records++;
    int length = sink.size() - payload;
    if (length > SegmentFormat.MAX_PAYLOAD) {
      throw new IllegalStateException("a log record of " + length + " bytes is larger than the format allows");
    }
    sink.putInt(at, length);
    sink.putInt(at + 4, SegmentFormat.checksum(sink.array(), payload, length));
  }

  void flush() throws IOException {
    ByteBuffer buffer = sink.buffer();
    while (buffer.hasRemaining()) {
      channel.write(buffer);
    }
    written += sink.size();
    sink.clear();
  }

  /** Flushes and forces the file's contents to the device. */
  void force() throws IOException {
    flush();
    channel.force(false);
  }

  @Override
  public void close() throws IOException {
    channel.close();
  }
}
