package dev.dynamodouble.core.export;

import dev.dynamodouble.core.storage.PersistentSortedMap;
import dev.dynamodouble.core.storage.Version;
import dev.dynamodouble.core.table.ItemKey;
import dev.dynamodouble.core.table.StoredItem;
import dev.dynamodouble.core.table.TableData;
import dev.dynamodouble.core.value.AttributeValue;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The records of an incremental export: every item whose state at the end of the period differs
 * from its state at the start, found by diffing the two PITR roots (so the cost follows the number
 * of changes, not the table's size), each with the time of its last write in the period.
 *
 * <p>That time comes from the PITR history, which keeps one version a second: a binary search over
 * the period's seconds finds the first kept version that holds the item's final state, and the
 * record carries that version's commit time (exact when the second had one commit).
 */
final class IncrementalChanges {
  private IncrementalChanges() {}

  @FunctionalInterface
  interface Sink {
    void accept(ExportWriter.Change change) throws IOException;
  }

  static void forEach(Exports.Source source, Instant from, Instant to, Sink sink) throws IOException {
    PersistentSortedMap<ItemKey, StoredItem> before = source.before() == null
        ? PersistentSortedMap.empty(ItemKey.ORDER) : source.before().items();
    PersistentSortedMap<ItemKey, StoredItem> after = source.after() == null
        ? PersistentSortedMap.empty(ItemKey.ORDER) : source.after().items();
    try {
      before.diff(after, (key, old, current) -> {
        Map<String, AttributeValue> any = (current != null ? current : old).attributes();
        Map<String, AttributeValue> keys = new LinkedHashMap<>();
        for (String name : source.keyNames()) {
          keys.put(name, any.get(name));
        }
        long micros = writeTime(source, key, current, from, to);
        try {
          sink.accept(new ExportWriter.Change(keys, old == null ? null : old.attributes(),
              current == null ? null : current.attributes(), micros));
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  /** The commit time, in microseconds, of the first kept version in [from, to) holding {@code last}. */
  private static long writeTime(Exports.Source source, ItemKey key, StoredItem last, Instant from, Instant to) {
    long low = from.getEpochSecond();
    long high = to.minusNanos(1).getEpochSecond() + 1; // a whole second at or after the period's last instant
    while (low < high) {
      long mid = low + (high - low) / 2;
      if (holds(source, key, last, Instant.ofEpochSecond(mid))) {
        high = mid;
      } else {
        low = mid + 1;
      }
    }
    Instant at = Instant.ofEpochSecond(low);
    if (at.isAfter(to.minusNanos(1))) {
      at = to.minusNanos(1);
    }
    Version<TableData> version = source.versions().asOf(at);
    Instant written = version == null || version.committedAt().isBefore(from) ? at : version.committedAt();
    return written.getEpochSecond() * 1_000_000L + written.getNano() / 1_000;
  }

  private static boolean holds(Exports.Source source, ItemKey key, StoredItem last, Instant at) {
    Version<TableData> version = source.versions().asOf(at);
    return (version == null ? null : version.root().get(key)) == last;
  }
}
