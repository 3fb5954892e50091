package dev.dynamodouble.core.persist;

import dev.dynamodouble.core.table.BillingMode;
import dev.dynamodouble.core.table.IndexDefinition;
import dev.dynamodouble.core.table.KeyAttribute;
import dev.dynamodouble.core.table.KeySchema;
import dev.dynamodouble.core.table.OnDemandThroughput;
import dev.dynamodouble.core.table.Projection;
import dev.dynamodouble.core.table.Table;
import dev.dynamodouble.core.table.TableStatus;
import dev.dynamodouble.core.table.Throughput;
import dev.dynamodouble.core.value.AttributeType;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The binary form of a table's schema and settings (the parts of {@link TableDef}). */
final class SettingsCodec {
  private SettingsCodec() {}

  static void writeInstant(ByteSink out, Instant at) {
    out.writeBoolean(at != null);
    if (at != null) {
      out.writeLong(at.getEpochSecond());
      out.writeInt(at.getNano());
    }
  }

  static Instant readInstant(ByteSource in) {
    return in.readBoolean() ? Instant.ofEpochSecond(in.readLong(), in.readInt()) : null;
  }

  static void writeKeySchema(ByteSink out, KeySchema schema) {
    writeAttribute(out, schema.partition());
    out.writeBoolean(schema.hasSort());
    if (schema.hasSort()) {
      writeAttribute(out, schema.sort());
    }
  }

  static KeySchema readKeySchema(ByteSource in) {
    KeyAttribute partition = readAttribute(in);
    return new KeySchema(partition, in.readBoolean() ? readAttribute(in) : null);
  }

  private static void writeAttribute(ByteSink out, KeyAttribute attribute) {
    out.writeString(attribute.name());
    out.writeString(attribute.type().name());
  }

  private static KeyAttribute readAttribute(ByteSource in) {
    return new KeyAttribute(in.readString(), enumOf(AttributeType.class, in.readString()));
  }

  static void writeIndexes(ByteSink out, List<IndexDefinition> indexes) {
    out.writeList(indexes, SettingsCodec::writeIndex);
  }

  static List<IndexDefinition> readIndexes(ByteSource in) {
    return in.readList(SettingsCodec::readIndex);
  }

  private static void writeIndex(ByteSink out, IndexDefinition index) {
    out.writeString(index.name());
    writeKeySchema(out, index.keySchema());
    out.writeString(index.projection().type().name());
    writeStrings(out, index.projection().nonKeyAttributes());
    out.writeBoolean(index.global());
    writeThroughput(out, index.throughput());
    out.writeString(index.status().name());
  }

  private static IndexDefinition readIndex(ByteSource in) {
    String name = in.readString();
    KeySchema schema = readKeySchema(in);
    Projection projection = new Projection(enumOf(Projection.ProjectionType.class, in.readString()), readStrings(in));
    return new IndexDefinition(name, schema, projection, in.readBoolean(), readThroughput(in),
        enumOf(IndexDefinition.IndexStatus.class, in.readString()));
  }

  /** Transitional state (status, pending capacity) is not written: the log keeps settled settings. */
  static void writeSettings(ByteSink out, Table.Settings s) {
    out.writeList(s.attributeDefinitions(), SettingsCodec::writeAttribute);
    out.writeMap(s.tags(), ByteSink::writeString);
    out.writeString(s.billingMode().name());
    writeInstant(out, s.lastUpdateToPayPerRequest());
    writeThroughput(out, s.throughput());
    out.writeLong(s.warmRead());
    out.writeLong(s.warmWrite());
    writeIndexes(out, s.globalIndexes());
    out.writeBoolean(s.deletionProtection());
    out.writeNullable(s.tableClass());
    out.writeLong(s.onDemandThroughput().maxRead());
    out.writeLong(s.onDemandThroughput().maxWrite());
  }

  static Table.Settings readSettings(ByteSource in) {
    List<KeyAttribute> definitions = in.readList(SettingsCodec::readAttribute);
    Map<String, String> tags = in.readMap(ByteSource::readString);
    BillingMode billing = enumOf(BillingMode.class, in.readString());
    Instant lastPayPerRequest = readInstant(in);
    Throughput throughput = readThroughput(in);
    long warmRead = in.readLong();
    long warmWrite = in.readLong();
    List<IndexDefinition> globals = readIndexes(in);
    boolean deletionProtection = in.readBoolean();
    String tableClass = in.readNullable();
    OnDemandThroughput onDemand = new OnDemandThroughput(in.readLong(), in.readLong());
    return new Table.Settings(definitions, tags, billing, lastPayPerRequest, throughput,
        warmRead, warmWrite, globals, deletionProtection, tableClass, onDemand, TableStatus.ACTIVE, null, null,
        java.util.List.of()); // vector indexes are not written to the data directory: refused there
  }

  static void writeThroughput(ByteSink out, Throughput t) {
    out.writeBoolean(t != null);
    if (t != null) {
      out.writeLong(t.read());
      out.writeLong(t.write());
      writeInstant(out, t.lastIncrease());
      writeInstant(out, t.lastDecrease());
      out.writeInt(t.decreasesToday());
    }
  }

  static Throughput readThroughput(ByteSource in) {
    return in.readBoolean()
        ? new Throughput(in.readLong(), in.readLong(), readInstant(in), readInstant(in), in.readInt()) : null;
  }

  /** A list of strings, or null. */
  static void writeStrings(ByteSink out, List<String> strings) {
    out.writeBoolean(strings != null);
    if (strings != null) {
      out.writeList(strings, ByteSink::writeString);
    }
  }

  static List<String> readStrings(ByteSource in) {
    return in.readBoolean() ? in.readList(ByteSource::readString) : null;
  }

  static <E extends Enum<E>> E enumOf(Class<E> type, String name) {
    try {
      return Enum.valueOf(type, name);
    } catch (IllegalArgumentException e) {
      throw new CorruptDataException("unknown " + type.getSimpleName() + " " + name);
    }
  }
}
