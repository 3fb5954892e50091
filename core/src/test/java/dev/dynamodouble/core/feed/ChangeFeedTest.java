package dev.dynamodouble.core.feed;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynamodouble.core.table.ItemKey;
import dev.dynamodouble.core.table.StoredItem;
import dev.dynamodouble.core.table.Table;
import dev.dynamodouble.core.table.TableData;
import dev.dynamodouble.core.table.TestTables;
import dev.dynamodouble.core.value.AttributeValue;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The change feed on its own: what subscribers hear, in which order, and when they hear nothing. */
class ChangeFeedTest {
  private static final Instant AT = Instant.parse("2025-01-01T00:00:00Z");
  private final ChangeFeed feed = new ChangeFeed();
  private final Table table = TestTables.active("things", "eu-west-1", AT);
  private final List<ItemChange> heard = new ArrayList<>();
  private final List<Origin> replaced = new ArrayList<>();

  private static StoredItem item(String pk, String v) {
    return StoredItem.of(Map.of("pk", new AttributeValue.S(pk), "v", new AttributeValue.S(v)));
  }

  private void subscribe(boolean wants) {
    feed.subscribe(new FeedSubscriber() {
      @Override
      public boolean wants(Table t) {
        return wants;
      }

      @Override
      public void committed(Table t, List<ItemChange> changes) {
        heard.addAll(changes);
      }

      @Override
      public void replaced(Table t, Origin origin, Instant at) {
        replaced.add(origin);
      }
    });
  }

  private void put(String pk, String v, Origin origin) {
    ItemKey key = ItemKey.of(new AttributeValue.S(pk), null);
    TableData data = table.snapshot();
    StoredItem before = data.get(key);
    StoredItem after = item(pk, v);
    feed.commit(table, data.put(key, after, before), AT, origin, key, before, after);
  }

  @Test
  void subscribersHearEveryRealChangeInOrderWithImagesTimeOriginAndSequence() {
    subscribe(true);
    put("a", "1", Origin.ITEM_WRITE);
    put("a", "1", Origin.ITEM_WRITE); // the same item again: no change
    put("a", "2", Origin.REPLICATION);
    assertThat(heard).extracting(ItemChange::kind).containsExactly(ItemChange.Kind.INSERT, ItemChange.Kind.MODIFY);
    ItemChange modify = heard.get(1);
    assertThat(modify.oldItem().attributes().get("v")).isEqualTo(new AttributeValue.S("1"));
    assertThat(modify.newItem().attributes().get("v")).isEqualTo(new AttributeValue.S("2"));
    assertThat(modify.origin()).isEqualTo(Origin.REPLICATION);
    assertThat(modify.region()).isEqualTo("eu-west-1");
    assertThat(modify.tableName()).isEqualTo("things");
    assertThat(modify.at()).isEqualTo(AT);
    assertThat(modify.sequence()).isGreaterThan(heard.get(0).sequence());
    assertThat(table.snapshot().itemCount()).isEqualTo(1);
  }

  @Test
  void aBatchOfEditsIsOneCommitWithOneChangePerItem() {
    subscribe(true);
    ItemKey a = ItemKey.of(new AttributeValue.S("a"), null);
    ItemKey b = ItemKey.of(new AttributeValue.S("b"), null);
    TableData data = table.snapshot().put(a, item("a", "1")).put(b, item("b", "1"));
    feed.commit(table, data, AT, Origin.BATCH, List.of(new ChangeFeed.Edit(a, null, item("a", "1")),
        new ChangeFeed.Edit(b, null, item("b", "1")), new ChangeFeed.Edit(ItemKey.of(new AttributeValue.S("c"), null),
            null, null)));
    assertThat(heard).hasSize(2).allSatisfy(change -> assertThat(change.origin()).isEqualTo(Origin.BATCH));
    assertThat(table.versions().current().sequence()).isEqualTo(1);
  }

  @Test
  void noSubscriberThatWantsTheTableMeansNoChangesButTheCommitHappens() {
    subscribe(false);
    put("a", "1", Origin.ITEM_WRITE);
    assertThat(heard).isEmpty();
    assertThat(table.snapshot().itemCount()).isEqualTo(1);
    assertThat(feed.lastSequence()).isEqualTo(1);
  }

  @Test
  void aReplacementIsAnnouncedOnceEvenWithoutNewContents() {
    subscribe(true);
    feed.replace(table, table.snapshot(), AT, Origin.RESET);
    assertThat(replaced).containsExactly(Origin.RESET);
    assertThat(heard).isEmpty();
  }
}
