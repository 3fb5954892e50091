package dev.dynamodouble.core.dax;

import dev.dynamodouble.core.feed.FeedSubscriber;
import dev.dynamodouble.core.feed.ItemChange;
import dev.dynamodouble.core.protocol.AttributeValues;
import dev.dynamodouble.core.protocol.JsonObject;
import dev.dynamodouble.core.table.StoredItem;
import dev.dynamodouble.core.table.Table;
import dev.dynamodouble.core.value.AttributeValue;
import java.util.List;
import java.util.Map;

/**
 * What a write made via DAX left in the table: the item after the write, heard on the change feed.
 * DAX writes that item through to its item cache whatever ReturnValues the caller asked for (an
 * UpdateItem answering ALL_OLD or UPDATED_NEW still caches the whole new item). The feed runs its
 * subscribers on the committing thread, which is the DAX request's own, so a thread-local capture
 * hears exactly the request's change and nobody else's.
 */
final class WrittenItems implements FeedSubscriber {
  /** The change a request is waiting for. */
  static final class Capture {
    private final String region;
    private final String table;
    private boolean heard;
    private StoredItem after;

    private Capture(String region, String table) {
      this.region = region;
      this.table = table;
    }

    /** Whether the write changed the item (an unchanging write publishes nothing). */
    boolean heard() {
      return heard;
    }

    /** The whole item after the write, or null when the write deleted it. */
    JsonObject after() {
      return after == null ? null : DaxItems.item(json -> {
        for (Map.Entry<String, AttributeValue> attribute : after.attributes().entrySet()) {
          json.writeFieldName(attribute.getKey());
          AttributeValues.write(json, attribute.getValue());
        }
      });
    }
  }

  private final ThreadLocal<Capture> current = new ThreadLocal<>();

  /** Listens for the write the calling thread is about to make to {@code table}; end with {@link #stop}. */
  Capture start(String region, String table) {
    Capture capture = new Capture(region, table);
    current.set(capture);
    return capture;
  }

  void stop() {
    current.remove();
  }

  @Override
  public boolean wants(Table table) {
    Capture capture = current.get();
    return capture != null && capture.table.equals(table.name()) && capture.region.equals(table.region());
  }

  @Override
  public void committed(Table table, List<ItemChange> changes) {
    Capture capture = current.get();
    if (capture == null) {
      return;
    }
    ItemChange last = changes.get(changes.size() - 1);
    capture.heard = true;
    capture.after = last.newItem(); // converted later, outside the engine's write lock
  }
}
