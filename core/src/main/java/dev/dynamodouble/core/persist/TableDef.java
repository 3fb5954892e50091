package dev.dynamodouble.core.persist;

import dev.dynamodouble.core.auth.ResourcePolicies;
import dev.dynamodouble.core.engine.Engine;
import dev.dynamodouble.core.stream.Streams;
import dev.dynamodouble.core.stream.TableStream;
import dev.dynamodouble.core.table.BillingMode;
import dev.dynamodouble.core.table.IndexDefinition;
import dev.dynamodouble.core.table.KeySchema;
import dev.dynamodouble.core.table.Table;
import dev.dynamodouble.core.table.TableStatus;
import dev.dynamodouble.core.table.Throughput;
import dev.dynamodouble.core.ttl.TtlDescription;
import dev.dynamodouble.core.ttl.TtlStatus;
import java.time.Instant;
import java.util.List;

/**
 * What the log keeps of a table besides its items: identity, schema, settings, and the settings
 * other services keep for it (TTL, PITR, stream, resource policy). Captured under the engine's write
 * lock as an immutable value, encoded later off the lock.
 *
 * @param incarnation the log's own number for this table object (a table deleted and created again
 *     under the same name is a new incarnation)
 * @param ttlAttribute the TTL attribute while TTL is enabled (or enabling), else null
 * @param pitrDays the PITR recovery period in days while PITR is enabled, else 0
 * @param streamView the stream view type while a stream is enabled, else null
 * @param policy the table's resource policy document, or null
 * @param extras what format 2 added (encryption, insights, Kinesis, PITR history start, stream identity)
 */
record TableDef(long incarnation, String region, String name, String arn, String id, Instant created,
                KeySchema keySchema, List<IndexDefinition> localIndexes, Table.Settings settings,
                String ttlAttribute, int pitrDays, String streamView, String policy, TableExtras extras) {

  static TableDef capture(long incarnation, Table table, Engine engine) {
    TtlDescription ttl = engine.timeToLive().describe(table);
    boolean ttlOn = ttl.status() == TtlStatus.ENABLED || ttl.status() == TtlStatus.ENABLING;
    var pitr = engine.pointInTimeRecovery().describe(table);
    TableStream stream = Streams.latestOf(table);
    ResourcePolicies.Attached policy = engine.resourcePolicies().get(table.arn());
    return new TableDef(incarnation, table.region(), table.name(), table.arn(), table.id(), table.created(),
        table.keySchema(), table.localIndexes(), settled(table), ttlOn ? ttl.attributeName() : null,
        pitr.enabled() ? pitr.periodDays() : 0, stream != null && stream.isEnabled() ? stream.viewType().name() : null,
        policy == null ? null : policy.policy().json(), TableExtras.capture(table, engine));
  }

  /**
   * The table's settings as they stand once an UpdateTable still UPDATING is over: the change was
   * acknowledged, and the clock task that applies it is not logged.
   */
  private static Table.Settings settled(Table table) {
    Table.Settings s = table.settings();
    BillingMode mode = table.pendingBillingMode() != null ? table.pendingBillingMode() : s.billingMode();
    Throughput now = s.throughput();
    Throughput pending = table.pendingThroughput();
    Throughput throughput = mode == BillingMode.PAY_PER_REQUEST ? Throughput.NONE : pending == null ? now
        : new Throughput(pending.read(), pending.write(), now.lastIncrease(), now.lastDecrease(), now.decreasesToday());
    return new Table.Settings(s.attributeDefinitions(), s.tags(), mode, s.lastUpdateToPayPerRequest(), throughput,
        s.warmRead(), s.warmWrite(), s.globalIndexes(), s.deletionProtection(), s.tableClass(),
        s.onDemandThroughput(), TableStatus.ACTIVE, null, null, s.vectorIndexes());
  }

  void write(ByteSink out) {
    out.writeLong(incarnation);
    out.writeString(region);
    out.writeString(name);
    out.writeString(arn);
    out.writeString(id);
    SettingsCodec.writeInstant(out, created);
    SettingsCodec.writeKeySchema(out, keySchema);
    SettingsCodec.writeIndexes(out, localIndexes);
    SettingsCodec.writeSettings(out, settings);
    out.writeNullable(ttlAttribute);
    out.writeInt(pitrDays);
    out.writeNullable(streamView);
    out.writeNullable(policy);
    extras.write(out);
  }

  /** Reads a definition written in format {@code version} (1 had no {@link TableExtras}). */
  static TableDef read(ByteSource in, int version) {
    return new TableDef(in.readLong(), in.readString(), in.readString(), in.readString(), in.readString(),
        SettingsCodec.readInstant(in), SettingsCodec.readKeySchema(in), SettingsCodec.readIndexes(in),
        SettingsCodec.readSettings(in), in.readNullable(), in.readInt(), in.readNullable(), in.readNullable(),
        version >= 2 ? TableExtras.read(in, version) : TableExtras.NONE);
  }
}
