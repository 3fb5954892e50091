package dev.dynamodouble.core.backup;

import dev.dynamodouble.core.engine.Engine;
import dev.dynamodouble.core.error.DynamoException;
import dev.dynamodouble.core.error.ErrorCode;
import dev.dynamodouble.core.table.IndexData;
import dev.dynamodouble.core.table.IndexDefinition;
import dev.dynamodouble.core.table.KeyAttribute;
import dev.dynamodouble.core.table.Table;
import dev.dynamodouble.core.table.TableData;
import dev.dynamodouble.core.table.VectorIndexDefinition;
import dev.dynamodouble.core.ttl.TtlDescription;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/**
 * The on-demand and system backups of every region of an engine. A backup outlives its table (it
 * holds the table's root, not the table), is found by its ARN within the region it was taken in,
 * and is listed in creation order. Mutations happen under the engine's write lock; lookups and
 * listings read concurrent maps.
 */
public final class Backups {
  /** How long DynamoDB keeps the SYSTEM backup of a deleted PITR table. */
  public static final Duration SYSTEM_BACKUP_RETENTION = Duration.ofDays(35);
  private static final String SYSTEM_SUFFIX = "00000000";

  /** Listing order: creation time, then ARN. */
  private record Position(Instant created, String arn) {}

  private static final Comparator<Position> ORDER =
      Comparator.comparing(Position::created).thenComparing(Position::arn);

  /** The backups of one region. */
  private static final class RegionBackups {
    final ConcurrentSkipListMap<Position, Backup> ordered = new ConcurrentSkipListMap<>(ORDER);
    /** By the ARN's resource part, "table/NAME/backup/ID": DynamoDB ignores the ARN's region. */
    final Map<String, Backup> byResource = new ConcurrentHashMap<>();
  }

  /** One page of ListBackups. */
  public record Page(List<Backup> backups, String lastEvaluatedArn) {}

  private final Engine engine;
  private final Map<String, RegionBackups> regions = new ConcurrentHashMap<>();
  private final AtomicLong sequence = new AtomicLong();
  /** Hears every backup added or removed, under the engine's write lock (a data directory), or null. */
  private volatile Listener listener;

  /** What a data directory hears of the backups, under the engine's write lock. */
  public interface Listener {
    void backupAdded(Backup backup);

    void backupRemoved(Backup backup);

    /** Every backup was replaced at once (a reset to a snapshot). */
    void backupsReplaced();
  }

  public Backups(Engine engine) {
    this.engine = Objects.requireNonNull(engine, "engine");
  }

  private RegionBackups region(String region) {
    return regions.computeIfAbsent(region, r -> new RegionBackups());
  }

  /** Every backup now (an engine snapshot's part): O(backups), not O(items) — a backup is a root. */
  public Object capture() {
    java.util.List<Backup> all = new java.util.ArrayList<>();
    for (RegionBackups backups : regions.values()) {
      all.addAll(backups.ordered.values());
    }
    return all;
  }

  /** Puts back the backups of a {@link #capture()}: those created since are gone, those deleted since are back. */
  @SuppressWarnings("unchecked")
  public void restore(Object captured) {
    regions.clear();
    for (Backup backup : (java.util.List<Backup>) captured) {
      put(backup);
    }
    Listener heard = listener;
    if (heard != null) {
      heard.backupsReplaced();
    }
  }

  /** Makes {@code listener} (null: none) hear every backup added or removed from now on. */
  public void listen(Listener listener) {
    this.listener = listener;
  }

  /** CreateBackup: a USER backup of the table as it is now. Call under the engine's write lock. */
  public Backup create(Table table, String name) {
    Instant now = engine.clock().now();
    long n = sequence.incrementAndGet();
    String hash = UUID.nameUUIDFromBytes((table.id() + "/" + name + "/" + now + "/" + n).getBytes(StandardCharsets.UTF_8))
        .toString().substring(0, 8);
    if (hash.equals(SYSTEM_SUFFIX)) {
      hash = "00000001";
    }
    TableData data = table.snapshot();
    TtlDescription ttl = engine.timeToLive().describe(table);
    Backup backup = new Backup(arn(table, now, hash), table.region(), name, BackupType.USER, now, null,
        sourceOf(table, data, ttl.status().isActive() ? ttl : null, true), data);
    add(backup);
    return backup;
  }

  /**
   * The SYSTEM backup DynamoDB leaves when a table with PITR enabled is deleted:
   * {@code <table>$DeletedTableBackup}, a snapshot of the table right before deletion, kept 35 days
   * and not deletable by users. Call under the engine's write lock.
   */
  public Backup createSystemBackup(Table table) {
    Instant now = engine.clock().now();
    String suffix = SYSTEM_SUFFIX;
    while (region(table.region()).byResource.containsKey(resourceOf(arn(table, now, suffix)))) {
      suffix = String.format("%08x", Long.parseLong(suffix, 16) + 1); // the same table deleted twice in a millisecond
    }
    TableData data = table.snapshot();
    Instant expires = now.plus(SYSTEM_BACKUP_RETENTION);
    Backup backup = new Backup(arn(table, now, suffix), table.region(), table.name() + "$DeletedTableBackup",
        BackupType.SYSTEM, now, expires, sourceOf(table, data, null, false), data);
    add(backup);
    engine.clock().schedule(expires, () -> engine.write(() -> remove(backup)));
    return backup;
  }

  /**
   * Puts back a backup a data directory kept; a SYSTEM backup expires on its date (at once when
   * that has passed). Call under the engine's write lock.
   */
  public Backup recovered(String arn, String region, String name, BackupType type, Instant created, Instant expires,
                          SourceTable source, TableData data) {
    Backup backup = new Backup(arn, region, name, type, created, expires, source, data);
    if (expires != null && !expires.isAfter(engine.clock().now())) {
      return backup;
    }
    add(backup);
    if (expires != null) {
      engine.clock().schedule(expires, () -> engine.write(() -> remove(backup)));
    }
    return backup;
  }

  private static String arn(Table table, Instant created, String suffix) {
    return table.arn() + "/backup/" + String.format("%014d", created.toEpochMilli()) + "-" + suffix;
  }

  private void add(Backup backup) {
    put(backup);
    Listener heard = listener;
    if (heard != null) {
      heard.backupAdded(backup);
    }
  }

  private void put(Backup backup) {
    RegionBackups backups = region(backup.region());
    backups.ordered.put(new Position(backup.created(), backup.arn()), backup);
    backups.byResource.put(resourceOf(backup.arn()), backup);
  }

  private void remove(Backup backup) {
    RegionBackups backups = region(backup.region());
    boolean removed = backups.ordered.remove(new Position(backup.created(), backup.arn()), backup);
    backups.byResource.remove(resourceOf(backup.arn()), backup);
    Listener heard = listener;
    if (removed && heard != null) {
      heard.backupRemoved(backup);
    }
  }

  /** The backup of that ARN in {@code region} (the ARN's own region is not compared), or null. */
  public Backup find(String region, String arn) {
    String resource = resourceOf(arn);
    return resource == null ? null : region(region).byResource.get(resource);
  }

  /**
   * DeleteBackup: removes a USER backup. A SYSTEM backup cannot be deleted, and a backup feeding a
   * restore that is still creating its table is in use. Call under the engine's write lock.
   */
  public void delete(Backup backup) {
    if (backup.type() == BackupType.SYSTEM) {
      throw DynamoException.validation("Invalid Request: User is not allowed to delete the system backup with arn "
          + backup.arn() + ". It will automatically expire on " + backup.expires());
    }
    if (backup.inUse()) {
      throw new DynamoException(ErrorCode.BACKUP_IN_USE, "Backup is being used to restore table: " + backup.arn());
    }
    remove(backup);
  }

  /**
   * ListBackups: the backups of {@code region} accepted by {@code filter}, in creation order,
   * after {@code exclusiveStartArn} (a pure cursor: it need not name an existing backup), at most
   * {@code limit} of them, with the ARN to continue from when more remain.
   */
  public Page list(String region, Predicate<Backup> filter, String exclusiveStartArn, int limit) {
    ConcurrentSkipListMap<Position, Backup> ordered = region(region).ordered;
    Iterator<Backup> candidates;
    if (exclusiveStartArn == null) {
      candidates = ordered.values().iterator();
    } else {
      Backup start = find(region, exclusiveStartArn);
      Position from = start != null ? new Position(start.created(), start.arn()) : positionOf(exclusiveStartArn);
      candidates = ordered.tailMap(from, false).values().iterator();
    }
    List<Backup> page = new ArrayList<>();
    while (candidates.hasNext()) {
      Backup backup = candidates.next();
      if (!filter.test(backup)) {
        continue;
      }
      if (page.size() == limit) {
        return new Page(page, page.get(page.size() - 1).arn());
      }
      page.add(backup);
    }
    return new Page(page, null);
  }

  /** The listing position of an ARN that names no backup: its creation millis are in its id. */
  private static Position positionOf(String arn) {
    String resource = resourceOf(arn);
    long millis = 0;
    if (resource != null) {
      String id = resource.substring(resource.lastIndexOf('/') + 1);
      int dash = id.indexOf('-');
      try {
        millis = Long.parseLong(dash > 0 ? id.substring(0, dash) : id);
      } catch (NumberFormatException e) {
        millis = 0;
      }
    }
    return new Position(Instant.ofEpochMilli(millis), arn);
  }

  /** "table/NAME/backup/ID" of a backup ARN, or null when it is not one. */
  static String resourceOf(String arn) {
    int table = arn.indexOf(":table/");
    if (table < 0 || arn.indexOf("/backup/", table) < 0) {
      return null;
    }
    return arn.substring(table + 1);
  }

  /** The number of backups kept in {@code region}, all types; for inspection. */
  public int count(String region) {
    return region(region).ordered.size();
  }

  /**
   * What a backup or a restore records of {@code table} with contents {@code data}: the current
   * settings, and the secondary indexes present in {@code data} (for a point in time, those of that
   * moment), in the table's order, with a GSI's current throughput when it still exists; and the
   * table's current vector indexes (they have no contents of their own to date them by).
   */
  public static SourceTable sourceOf(Table table, TableData data, TtlDescription ttl, boolean features) {
    List<IndexDefinition> local = new ArrayList<>();
    List<IndexDefinition> global = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    List<IndexDefinition> current = new ArrayList<>(table.localIndexes());
    current.addAll(table.globalIndexes());
    for (IndexDefinition definition : current) {
      IndexData present = data.index(definition.name());
      if (present != null && seen.add(definition.name())) {
        (definition.global() ? global : local).add(definition.withStatus(IndexDefinition.IndexStatus.ACTIVE));
      }
    }
    List<String> others = new ArrayList<>(data.indexes().keySet());
    others.sort(Comparator.naturalOrder());
    for (String name : others) {
      if (seen.add(name)) { // an index dropped since that moment: as it was
        IndexDefinition definition = data.index(name).definition().withStatus(IndexDefinition.IndexStatus.ACTIVE);
        (definition.global() ? global : local).add(definition);
      }
    }
    List<VectorIndexDefinition> vectors = new ArrayList<>();
    Set<String> searched = new HashSet<>();
    for (VectorIndexDefinition index : table.vectorIndexes()) {
      if (index.status() != IndexDefinition.IndexStatus.DELETING) { // one still being built is kept, as a GSI's is
        vectors.add(index.withStatus(IndexDefinition.IndexStatus.ACTIVE));
        index.searchSchema().forEach(key -> searched.add(key.attributeName()));
      }
    }
    List<KeyAttribute> vectorDefinitions = table.attributeDefinitions().stream()
        .filter(a -> searched.contains(a.name())).toList();
    return new SourceTable(table.name(), table.id(), table.arn(), table.region(), table.created(), table.keySchema(),
        table.billingMode(), table.throughput(), List.copyOf(local), List.copyOf(global), data.itemCount(),
        data.sizeBytes(), ttl, table.attachment(Encryption.class), features, List.copyOf(vectors), vectorDefinitions);
  }
}
