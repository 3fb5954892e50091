package dev.dynamodouble.core.table;

import dev.dynamodouble.core.storage.VersionedRoot;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A table: its settings and the versioned root of its contents. Settings change only under the
 * engine's write lock; readers read them (and {@link #snapshot()}) without locking.
 */
public final class Table {
  /** The warm throughput DynamoDB reports for an on-demand table or index. */
  public static final long ON_DEMAND_WARM_READ = 12_000;
  public static final long ON_DEMAND_WARM_WRITE = 4_000;
  private final String name;
  private final String region;
  private final String arn;
  private final String id;
  private final Instant created;
  private final KeySchema keySchema;
  private volatile List<KeyAttribute> attributeDefinitions;
  private final VersionedRoot<TableData> data;
  private final Map<String, String> tags = new ConcurrentHashMap<>();
  private final Map<Class<?>, Object> attachments = new ConcurrentHashMap<>();

  private volatile TableStatus status;
  private volatile BillingMode billingMode;
  private volatile Instant lastUpdateToPayPerRequest;
  private volatile Throughput throughput;
  private volatile Throughput pendingThroughput;
  private volatile BillingMode pendingBillingMode;
  private volatile long warmRead;
  private volatile long warmWrite;
  private volatile OnDemandThroughput onDemandThroughput = OnDemandThroughput.NONE;
  private volatile List<IndexDefinition> localIndexes;
  private volatile List<IndexDefinition> globalIndexes;
  private volatile List<VectorIndexDefinition> vectorIndexes = List.of();
  private volatile boolean deletionProtection;
  private volatile String tableClass;

  public Table(TableSpec spec, String region, String arn, String id, Instant created) {
    this.name = spec.name();
    this.region = region;
    this.arn = arn;
    this.id = id;
    this.created = created;
    this.keySchema = spec.keySchema();
    this.attributeDefinitions = List.copyOf(spec.attributeDefinitions());
    this.billingMode = spec.billingMode();
    this.lastUpdateToPayPerRequest = spec.billingMode() == BillingMode.PAY_PER_REQUEST ? created : null;
    this.throughput = spec.throughput();
    this.localIndexes = List.copyOf(spec.localIndexes());
    this.globalIndexes = List.copyOf(spec.globalIndexes());
    this.deletionProtection = spec.deletionProtection();
    this.tableClass = spec.tableClass();
    this.tags.putAll(spec.tags());
    this.status = TableStatus.CREATING;
    raiseWarmThroughput();
    java.util.List<IndexDefinition> indexes = new java.util.ArrayList<>(spec.localIndexes());
    indexes.addAll(spec.globalIndexes());
    this.data = new VersionedRoot<>(TableData.empty(spec.keySchema(), indexes), created);
  }

  public String name() {
    return name;
  }

  public String region() {
    return region;
  }

  public String arn() {
    return arn;
  }

  public String id() {
    return id;
  }

  public Instant created() {
    return created;
  }

  public KeySchema keySchema() {
    return keySchema;
  }

  public List<KeyAttribute> attributeDefinitions() {
    return attributeDefinitions;
  }

  /** Replaces the attribute definitions (UpdateTable adds those of a new index). */
  public void attributeDefinitions(List<KeyAttribute> definitions) {
    this.attributeDefinitions = List.copyOf(definitions);
  }

  /** The current contents; never changes under the reader. */
  public TableData snapshot() {
    return data.current().root();
  }

  /** The versioned root (for commits under the engine's write lock, backups and PITR). */
  public VersionedRoot<TableData> versions() {
    return data;
  }

  public Map<String, String> tags() {
    return tags;
  }

  public TableStatus status() {
    return status;
  }

  public void status(TableStatus newStatus) {
    this.status = newStatus;
  }

  public BillingMode billingMode() {
    return billingMode;
  }

  public Instant lastUpdateToPayPerRequest() {
    return lastUpdateToPayPerRequest;
  }

  public void billingMode(BillingMode mode, Instant at) {
    if (mode == BillingMode.PAY_PER_REQUEST && billingMode != BillingMode.PAY_PER_REQUEST) {
      lastUpdateToPayPerRequest = at;
    }
    this.billingMode = mode;
  }

  public Throughput throughput() {
    return throughput;
  }

  public void throughput(Throughput newThroughput) {
    this.throughput = newThroughput;
  }

  /** Throughput asked for by an UpdateTable still UPDATING (it applies when the table is ACTIVE), or null. */
  public Throughput pendingThroughput() {
    return pendingThroughput;
  }

  public void pendingThroughput(Throughput pending) {
    this.pendingThroughput = pending;
  }

  /** A billing mode asked for by an UpdateTable still UPDATING (it applies when the table is ACTIVE), or null. */
  public BillingMode pendingBillingMode() {
    return pendingBillingMode;
  }

  public void pendingBillingMode(BillingMode pending) {
    this.pendingBillingMode = pending;
  }

  /**
   * The table's warm throughput, {read, write}: the highest throughput it has been ready for, as
   * DynamoDB reports it: 12000/4000 once on-demand, the provisioned units otherwise; it never drops.
   */
  public long[] warmThroughput() {
    return new long[] {warmRead, warmWrite};
  }

  /** Raises the warm throughput to what the current billing mode and throughput provide. */
  public void raiseWarmThroughput() {
    long read = billingMode == BillingMode.PAY_PER_REQUEST ? ON_DEMAND_WARM_READ : throughput.read();
    long write = billingMode == BillingMode.PAY_PER_REQUEST ? ON_DEMAND_WARM_WRITE : throughput.write();
    warmRead = Math.max(warmRead, read);
    warmWrite = Math.max(warmWrite, write);
  }

  /** The on-demand maximum throughput (OnDemandThroughput); {@link OnDemandThroughput#NONE} when unset. */
  public OnDemandThroughput onDemandThroughput() {
    return onDemandThroughput;
  }

  public void onDemandThroughput(OnDemandThroughput maximum) {
    this.onDemandThroughput = maximum;
  }

  /** Raises the warm throughput to at least {@code read}/{@code write} (a WarmThroughput request). */
  public void raiseWarmThroughput(long read, long write) {
    warmRead = Math.max(warmRead, read);
    warmWrite = Math.max(warmWrite, write);
  }

  public List<IndexDefinition> localIndexes() {
    return localIndexes;
  }

  public List<IndexDefinition> globalIndexes() {
    return globalIndexes;
  }

  public void globalIndexes(List<IndexDefinition> indexes) {
    this.globalIndexes = List.copyOf(indexes);
  }

  public List<VectorIndexDefinition> vectorIndexes() {
    return vectorIndexes;
  }

  public void vectorIndexes(List<VectorIndexDefinition> indexes) {
    this.vectorIndexes = List.copyOf(indexes);
  }

  /** The vector index of that name, or null. */
  public VectorIndexDefinition vectorIndex(String indexName) {
    for (VectorIndexDefinition index : vectorIndexes) {
      if (index.name().equals(indexName)) {
        return index;
      }
    }
    return null;
  }

  public boolean deletionProtection() {
    return deletionProtection;
  }

  public void deletionProtection(boolean enabled) {
    this.deletionProtection = enabled;
  }

  public String tableClass() {
    return tableClass;
  }

  public void tableClass(String newClass) {
    this.tableClass = newClass;
  }

  /** The index of that name (local or global), or null. */
  public IndexDefinition index(String indexName) {
    for (IndexDefinition index : localIndexes) {
      if (index.name().equals(indexName)) {
        return index;
      }
    }
    for (IndexDefinition index : globalIndexes) {
      if (index.name().equals(indexName)) {
        return index;
      }
    }
    return null;
  }

  /**
   * The per-table state of an engine feature kept beside the table (TTL settings, PITR, a
   * restore's origin ...), or null when that feature has none for this table. Lives and dies with
   * the table object.
   */
  public <T> T attachment(Class<T> type) {
    return type.cast(attachments.get(type));
  }

  /** Replaces the feature state of that type; null removes it. */
  public <T> void replaceAttachment(Class<T> type, T value) {
    if (value == null) {
      attachments.remove(type);
    } else {
      attachments.put(type, value);
    }
  }

  /** The feature state of that type, created by {@code create} on first use. */
  public <T> T attachment(Class<T> type, java.util.function.Function<? super Table, ? extends T> create) {
    return type.cast(attachments.computeIfAbsent(type, key -> create.apply(this)));
  }

  /**
   * The settings a test may change (UpdateTable, tags), captured so a reset can put them back,
   * with the transitional state (status, index statuses, a pending capacity change): a restore puts
   * the clock's pending tasks back too, so a transition under way at the snapshot finishes again
   * and one started since is gone with its task.
   */
  public record Settings(List<KeyAttribute> attributeDefinitions, Map<String, String> tags, BillingMode billingMode,
                         Instant lastUpdateToPayPerRequest, Throughput throughput, long warmRead, long warmWrite,
                         List<IndexDefinition> globalIndexes, boolean deletionProtection, String tableClass,
                         OnDemandThroughput onDemandThroughput, TableStatus status, Throughput pendingThroughput,
                         BillingMode pendingBillingMode, List<VectorIndexDefinition> vectorIndexes) {}

  /** This table's changeable settings now. */
  public Settings settings() {
    return new Settings(attributeDefinitions, Map.copyOf(tags), billingMode, lastUpdateToPayPerRequest, throughput,
        warmRead, warmWrite, globalIndexes, deletionProtection, tableClass, onDemandThroughput, status,
        pendingThroughput, pendingBillingMode, vectorIndexes);
  }

  /** Puts back settings captured by {@link #settings()}; the caller holds the engine's write lock. */
  public void restore(Settings settings) {
    attributeDefinitions = settings.attributeDefinitions();
    tags.clear();
    tags.putAll(settings.tags());
    billingMode = settings.billingMode();
    lastUpdateToPayPerRequest = settings.lastUpdateToPayPerRequest();
    throughput = settings.throughput();
    warmRead = settings.warmRead();
    warmWrite = settings.warmWrite();
    deletionProtection = settings.deletionProtection();
    tableClass = settings.tableClass();
    onDemandThroughput = settings.onDemandThroughput();
    status = settings.status(); // a table deleted since is back as it was
    pendingThroughput = settings.pendingThroughput();
    pendingBillingMode = settings.pendingBillingMode();
    globalIndexes = settings.globalIndexes();
    vectorIndexes = settings.vectorIndexes();
  }
}
