package dev.dynamodouble.core.dax;

import dev.dynamodouble.core.feed.FeedSubscriber;
import dev.dynamodouble.core.feed.ItemChange;
import dev.dynamodouble.core.protocol.AttributeValues;
import dev.dynamodouble.core.protocol.JsonObject;
import dev.dynamodouble.core.table.StoredItem;
import dev.dynamodouble.core.table.Table;
import dev.dynamodouble.core.value.AttributeValue;
import java.util.ArrayList;
import java.util.Collection;
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
  /** The changes a request is waiting for: those of some tables of a region. */
  static final class Capture {
    private record Change(String table, StoredItem after) {}

    private final String region;
    private final Collection<String> tables;
    private final List<Change> changes = new ArrayList<>();

    private Capture(String region, Collection<String> tables) {
      this.region = region;
      this.tables = tables;
    }

    /** Whether the write changed anything (an unchanging write publishes nothing). */
    boolean heard() {
      return !changes.isEmpty();
    }

    /** The whole item after the last change, or null when it deleted the item. */
    JsonObject after() {
      return json(changes.get(changes.size() - 1).after());
    }

    /** The items written to {@code table} (deletions left out), whole. */
    List<JsonObject> written(String table) {
      List<JsonObject> items = new ArrayList<>();
      for (Change change : changes) {
        if (change.table().equals(table) && change.after() != null) {
          items.add(json(change.after()));
        }
      }
      return items;
    }

    private static JsonObject json(StoredItem item) {
      return item == null ? null : DaxItems.item(json -> {
        for (Map.Entry<String, AttributeValue> attribute : item.attributes().entrySet()) {
          json.writeFieldName(attribute.getKey());
          AttributeValues.write(json, attribute.getValue());
        }
      });
    }
  }

  private final ThreadLocal<Capture> current = new ThreadLocal<>();

  /** Listens for the writes the calling thread is about to make to {@code tables}; end with {@link #stop}. */
  Capture start(String region, Collection<String> tables) {
    Capture capture = new Capture(region, tables);
    current.set(capture);
    return capture;
  }

  void stop() {
    current.remove();
  }

  @Override
  public boolean wants(Table table) {
    Capture capture = current.get();
    return capture != null && capture.tables.contains(table.name()) && capture.region.equals(table.region());
  }

  @Override
  public void committed(Table table, List<ItemChange> changes) {
    Capture capture = current.get();
    if (capture == null) {
      return;
    }
    for (ItemChange change : changes) {
      capture.changes.add(new Capture.Change(table.name(), change.newItem())); // made JSON later, unlocked
    }
  }
}
