package dev.dynamodouble.core.persist;

import dev.dynamodouble.core.feed.ItemChange;
import dev.dynamodouble.core.table.ItemKey;
import dev.dynamodouble.core.table.StoredItem;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Iterator;
import java.util.Map;

/** Appends framed records to one segment file; used by the group commit's leader only. */
final class SegmentWriter implements AutoCloseable {
  private static final int FLUSH_AT = 1 << 20;
  private static final int IMAGE_CHUNK = 256 << 10;

  private final FileChannel channel;
  private final long number;
  private final ByteSink sink = new ByteSink(64 << 10);
  private long written;

  private SegmentWriter(FileChannel channel, long number) {
    this.channel = channel;
    this.number = number;
  }

  /** Creates segment {@code number} (it must not exist) and writes its header. */
  static SegmentWriter create(Path dir, long number) throws IOException {
    FileChannel channel = FileChannel.open(dir.resolve(SegmentFormat.fileName(number)),
        StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
    SegmentWriter writer = new SegmentWriter(channel, number);
    for (byte b : SegmentFormat.MAGIC) {
      writer.sink.writeByte(b);
    }
    writer.sink.writeInt(SegmentFormat.VERSION);
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
      end(at);
    } else if (entry instanceof LogEntry.Changes changes) {
      int at = begin(SegmentFormat.CHANGES);
      sink.writeInt(changes.tables().size());
      for (LogEntry.TableChanges table : changes.tables()) {
        sink.writeLong(table.incarnation());
        sink.writeInt(table.changes().size());
        for (ItemChange change : table.changes()) {
          writeChange(table, change);
        }
      }
      end(at);
    } else if (entry instanceof LogEntry.Image image) {
      writeImage(image);
    } else if (entry instanceof LogEntry.CheckpointEnd) {
      end(begin(SegmentFormat.CHECKPOINT_END));
    } else {
      throw new IllegalArgumentException("not a record: " + entry);
    }
    if (sink.size() >= FLUSH_AT) {
      flush();
    }
  }

  private void writeChange(LogEntry.TableChanges table, ItemChange change) {
    sink.writeBoolean(change.newItem() != null);
    if (change.newItem() != null) {
      ValueCodec.writeItem(sink, change.newItem().attributes());
    } else {
      ValueCodec.writeItem(sink, table.keySchema().keyMap(change.oldItem().attributes()));
    }
  }

  /** An image as several records, so that no record grows with the table. */
  private void writeImage(LogEntry.Image image) throws IOException {
    int at = begin(SegmentFormat.IMAGE_BEGIN);
    sink.writeLong(image.incarnation());
    end(at);
    Iterator<Map.Entry<ItemKey, StoredItem>> items = image.data().items().iterator();
    while (items.hasNext()) {
      at = begin(SegmentFormat.IMAGE_ITEMS);
      sink.writeLong(image.incarnation());
      int countAt = sink.size();
      sink.writeInt(0);
      int count = 0;
      while (items.hasNext() && sink.size() - at < IMAGE_CHUNK) {
        ValueCodec.writeItem(sink, items.next().getValue().attributes());
        count++;
      }
      sink.putInt(countAt, count);
      end(at);
      if (sink.size() >= FLUSH_AT) {
        flush();
      }
    }
    at = begin(SegmentFormat.IMAGE_END);
    sink.writeLong(image.incarnation());
    end(at);
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
