package dev.dynamodouble.core.persist;

import dev.dynamodouble.core.feed.ItemChange;
import dev.dynamodouble.core.feed.Origin;
import dev.dynamodouble.core.table.StoredItem;
import java.time.Instant;

/**
 * A change as a stream keeps it (format 2): its sequence, times, origin and both images, so that a
 * stream's records come back after a restart with the same sequence numbers, event ids and images.
 */
final class ChangeCodec {
  /** A change read back, its table still to be attached. */
  record Recorded(long sequence, Instant at, Instant createdAt, Origin origin, StoredItem oldItem, StoredItem newItem) {
    StoredItem any() {
      return newItem != null ? newItem : oldItem;
    }
  }

  private ChangeCodec() {}

  static void write(ByteSink out, ItemChange change) {
    out.writeLong(change.sequence());
    SettingsCodec.writeInstant(out, change.at());
    SettingsCodec.writeInstant(out, change.createdAt().equals(change.at()) ? null : change.createdAt());
    out.writeString(change.origin().name());
    writeItem(out, change.oldItem());
    writeItem(out, change.newItem());
  }

  static Recorded read(ByteSource in) {
    long sequence = in.readLong();
    Instant at = SettingsCodec.readInstant(in);
    Instant createdAt = SettingsCodec.readInstant(in);
    Origin origin = SettingsCodec.enumOf(Origin.class, in.readString());
    StoredItem oldItem = readItem(in);
    StoredItem newItem = readItem(in);
    if (oldItem == null && newItem == null) {
      throw new CorruptDataException("a stream record with neither image");
    }
    return new Recorded(sequence, at, createdAt == null ? at : createdAt, origin, oldItem, newItem);
  }

  private static void writeItem(ByteSink out, StoredItem item) {
    out.writeBoolean(item != null);
    if (item != null) {
      ValueCodec.writeItem(out, item.attributes());
    }
  }

  private static StoredItem readItem(ByteSource in) {
    return in.readBoolean() ? ValueCodec.readItem(in) : null;
  }
}
