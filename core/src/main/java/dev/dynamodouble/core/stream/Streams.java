package dev.dynamodouble.core.stream;

import dev.dynamodouble.core.engine.EngineOptions;
import dev.dynamodouble.core.error.DynamoException;
import dev.dynamodouble.core.fault.FaultEffect;
import dev.dynamodouble.core.fault.FaultHandle;
import dev.dynamodouble.core.fault.Faults;
import dev.dynamodouble.core.feed.ChangeFeed;
import dev.dynamodouble.core.feed.FeedSubscriber;
import dev.dynamodouble.core.feed.ItemChange;
import dev.dynamodouble.core.table.Table;
import dev.dynamodouble.core.time.DynamoClock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * DynamoDB Streams for every table of an engine: the first consumer of the change feed. A table
 * with an enabled stream gets one record per item change, appended under the engine's write lock
 * in commit order; everything else (rollover, retention, status) follows the engine clock.
 */
public final class Streams implements FeedSubscriber {
  private static final DateTimeFormatter LABEL =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS").withZone(ZoneOffset.UTC);

  private final DynamoClock clock;
  private final ChangeFeed feed;
  private final EngineOptions options;
  private final Faults faults;
  private volatile StreamSettings settings = StreamSettings.defaults();
  private final ConcurrentSkipListMap<String, TableStream> byArn = new ConcurrentSkipListMap<>();
  private final List<StreamListener> listeners = new CopyOnWriteArrayList<>();

  /** @param faults consulted once per commit recorded ({@code streamDelay} rules) */
  public Streams(DynamoClock clock, ChangeFeed feed, EngineOptions options, Faults faults) {
    this.clock = clock;
    this.feed = feed;
    this.options = options;
    this.faults = faults;
    feed.subscribe(this);
  }

  public StreamSettings settings() {
    return settings;
  }

  /** Changes the settings of streams enabled from now on. */
  public Streams settings(StreamSettings newSettings) {
    this.settings = Objects.requireNonNull(newSettings, "settings");
    return this;
  }

  public void addListener(StreamListener listener) {
    listeners.add(Objects.requireNonNull(listener, "listener"));
  }

  /** The first listener of that type (the in-JVM triggers, for the control API's drain), or null. */
  public <T extends StreamListener> T listener(Class<T> type) {
    for (StreamListener listener : listeners) {
      if (type.isInstance(listener)) {
        return type.cast(listener);
      }
    }
    return null;
  }

  public boolean removeListener(StreamListener listener) {
    return listeners.remove(listener);
  }

  /** How long ENABLING and DISABLING last. */
  public Duration statusDelay() {
    return options.statusDelay();
  }

  /** Enables a new stream on the table; call under the engine's write lock. */
  public TableStream enable(Table table, StreamViewType viewType) {
    TableStream current = latestOf(table);
    if (current != null && current.isEnabled()) {
      throw DynamoException.validation("Table already has an enabled stream: TableName: " + table.name());
    }
    Instant now = clock.now();
    Instant labelTime = now;
    while (byArn.containsKey(table.arn() + "/stream/" + LABEL.format(labelTime))) {
      labelTime = labelTime.plusMillis(1); // two streams enabled within one millisecond of clock time
    }
    return register(table, new TableStream(table, LABEL.format(labelTime), viewType, now, settings,
        () -> feed.lastSequence() + 1));
  }

  /**
   * Puts back a stream a data directory kept, with its ARN, creation time, generation and retained
   * records (oldest first), disabled at {@code disabledAt} unless that is null. Streams are put back
   * oldest first: the last is the table's latest. Call under the engine's write lock.
   */
  public TableStream recovered(Table table, StreamViewType viewType, String label, Instant createdAt, int generation,
                               Instant disabledAt, List<ItemChange> records) {
    TableStream stream = new TableStream(table, label, viewType, createdAt, settings, () -> feed.lastSequence() + 1,
        generation);
    for (ItemChange record : records) {
      stream.replay(record);
    }
    if (disabledAt != null) {
      stream.disable(disabledAt);
    }
    return register(table, stream);
  }

  /** Every stream still registered, of live and deleted tables (a data directory's checkpoint). */
  public List<TableStream> all() {
    return List.copyOf(byArn.values());
  }

  /** Every stream of the table, oldest first (the last is the latest). */
  public static List<TableStream> allOf(Table table) {
    Latest holder = table.attachment(Latest.class);
    return holder == null ? List.of() : List.copyOf(holder.all);
  }

  private TableStream register(Table table, TableStream stream) {
    Latest holder = table.attachment(Latest.class, t -> new Latest());
    holder.stream = stream;
    holder.all.add(stream);
    byArn.put(stream.arn(), stream);
    return stream;
  }

  /** Disables the table's stream; call under the engine's write lock. */
  public void disable(Table table) {
    TableStream current = latestOf(table);
    if (current == null || !current.isEnabled()) {
      throw DynamoException.validation("Table does not have an enabled stream: TableName: " + table.name());
    }
    current.disable(clock.now());
  }

  /** A deleted table's stream stops recording; its records stay readable until they age out. */
  public void tableDeleted(Table table) {
    TableStream current = latestOf(table);
    if (current != null) {
      current.disable(clock.now());
    }
  }

  /** The table's latest stream (enabled or not), or null when it never had one. */
  public static TableStream latestOf(Table table) {
    Latest holder = table.attachment(Latest.class);
    return holder == null ? null : holder.stream;
  }

  /** The table's latest stream, kept beside the table (it lives and dies with it). */
  private static final class Latest {
    volatile TableStream stream;
    /** Every stream the table had, oldest first. */
    final List<TableStream> all = new CopyOnWriteArrayList<>();
  }

  /** The stream of that ARN, or ResourceNotFoundException. */
  public TableStream stream(String arn) {
    TableStream stream = arn == null ? null : byArn.get(arn);
    if (stream == null || stream.expired(clock.now())) {
      throw DynamoException.resourceNotFound("Requested resource not found: Stream: " + arn + " not found");
    }
    return stream;
  }

  /** The readable streams of a region after {@code exclusiveStartArn}, in ARN order, optionally of one table. */
  public List<TableStream> list(String region, String tableName, String exclusiveStartArn) {
    Instant now = clock.now();
    byArn.values().removeIf(stream -> stream.expired(now));
    Map<String, TableStream> after = exclusiveStartArn == null ? byArn : byArn.tailMap(exclusiveStartArn, false);
    List<TableStream> result = new ArrayList<>();
    for (TableStream stream : after.values()) {
      if (stream.table().region().equals(region) && (tableName == null || stream.table().name().equals(tableName))) {
        result.add(stream);
      }
    }
    return result;
  }

  @Override
  public boolean wants(Table table) {
    TableStream stream = latestOf(table);
    return stream != null && stream.isEnabled();
  }

  @Override
  public void committed(Table table, List<ItemChange> changes) {
    TableStream stream = latestOf(table);
    if (stream == null) {
      return;
    }
    List<dev.dynamodouble.core.value.AttributeValue> keys = new ArrayList<>(changes.size());
    for (ItemChange change : changes) {
      keys.add(change.key().partition());
    }
    FaultHandle delay = faults.streamFault(table.name(), table.region(), keys, Faults.StreamFault.DELAY);
    if (delay == null) {
      stream.append(changes, null);
      appended(stream);
      return;
    }
    Instant readableAt = changes.get(0).at().plus(((FaultEffect.Stream) delay.rule().effect()).delay());
    stream.append(changes, readableAt);
    clock.schedule(readableAt, () -> appended(stream)); // consumers look again once the records show
  }

  private void appended(TableStream stream) {
    for (StreamListener listener : listeners) {
      listener.appended(stream);
    }
  }

  /** The table's streams, the latest one and whether it was enabled, for a reset to put back. */
  private record Captured(List<TableStream> all, TableStream latest, boolean enabled) {}

  @Override
  public Object capture(Table table) {
    Latest holder = table.attachment(Latest.class);
    TableStream stream = holder == null ? null : holder.stream;
    return stream == null ? null : new Captured(List.copyOf(holder.all), stream, stream.isEnabled());
  }

  /**
   * A reset puts the table's streams back as they were at the snapshot: streams enabled since are
   * gone, a stream disabled since is enabled again (with its ARN), and every stream left is empty,
   * so a test sees only its own records. A table the reset drops (null) loses its streams.
   */
  @Override
  public void reset(Table table, Instant at, Object captured) {
    Latest holder = table.attachment(Latest.class);
    if (holder == null) {
      return; // never had a stream, so neither had it at the snapshot
    }
    Captured then = (Captured) captured;
    List<TableStream> kept = then == null ? List.of() : then.all();
    for (TableStream stream : holder.all) {
      if (!kept.contains(stream)) {
        stream.disable(at);
        byArn.remove(stream.arn(), stream);
      }
    }
    holder.all.retainAll(kept);
    holder.stream = then == null ? null : then.latest();
    if (then != null) {
      then.latest().reopen(then.enabled());
    }
    for (TableStream stream : kept) {
      byArn.putIfAbsent(stream.arn(), stream);
      stream.clear(at);
      for (StreamListener listener : listeners) {
        listener.cleared(stream);
      }
    }
  }
}
