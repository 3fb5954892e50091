package dev.dynamodouble.core.persist;

import dev.dynamodouble.core.autoscaling.ReplicaAutoScaling;
import dev.dynamodouble.core.backup.Encryption;
import dev.dynamodouble.core.engine.Engine;
import dev.dynamodouble.core.insights.ContributorInsights;
import dev.dynamodouble.core.kinesis.DestinationStatus;
import dev.dynamodouble.core.kinesis.KinesisDestination;
import dev.dynamodouble.core.kinesis.Precision;
import dev.dynamodouble.core.stream.Streams;
import dev.dynamodouble.core.stream.TableStream;
import dev.dynamodouble.core.table.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The table settings format 2 added to {@link TableDef}: encryption, Contributor Insights, Kinesis
 * streaming destinations, the first second of the PITR history, and the identity of the latest
 * stream (so its ARN survives a restart). A format-1 definition has none of them ({@link #NONE}).
 *
 * @param insights by index name ("" for the table itself)
 * @param kinesis the destinations, each in the status its transition settles in
 * @param pitrHistoryStart the first restorable second since PITR was enabled, or null
 * @param streamLabel the label of the enabled stream, or null
 * @param streamGeneration how many times a reset emptied the enabled stream
 * @param autoScaling the replica auto-scaling settings (format 3)
 */
record TableExtras(Encryption encryption, Map<String, ContributorInsights.Settings> insights,
                   List<KinesisDestination> kinesis, Instant pitrHistoryStart, String streamLabel,
                   Instant streamCreated, int streamGeneration, ReplicaAutoScaling.TableSettings autoScaling) {
  static final TableExtras NONE = new TableExtras(null, Map.of(), List.of(), null, null, null, 0,
      ReplicaAutoScaling.NONE);

  static TableExtras capture(Table table, Engine engine) {
    Map<String, ContributorInsights.Settings> insights = new LinkedHashMap<>();
    for (ContributorInsights.Summary summary : engine.contributorInsights().list(List.of(table))) {
      insights.put(summary.indexName() == null ? "" : summary.indexName(), summary.settings());
    }
    List<KinesisDestination> kinesis = new ArrayList<>();
    for (KinesisDestination destination : engine.kinesis().describe(table)) {
      kinesis.add(settled(destination));
    }
    TableStream stream = Streams.latestOf(table);
    boolean streaming = stream != null && stream.isEnabled();
    return new TableExtras(table.attachment(Encryption.class), Map.copyOf(insights), List.copyOf(kinesis),
        engine.pointInTimeRecovery().historyStart(table), streaming ? stream.label() : null,
        streaming ? stream.createdAt() : null, streaming ? stream.generation() : 0, ReplicaAutoScaling.of(table));
  }

  /** A destination as it stands once its transition (a clock task, not logged) is over. */
  private static KinesisDestination settled(KinesisDestination d) {
    DestinationStatus status = switch (d.status()) {
      case ENABLING, UPDATING -> DestinationStatus.ACTIVE;
      case DISABLING -> DestinationStatus.DISABLED;
      default -> d.status();
    };
    return new KinesisDestination(d.streamArn(), status, d.precision());
  }

  void write(ByteSink out) {
    out.writeBoolean(encryption != null);
    if (encryption != null) {
      out.writeString(encryption.sseType());
      out.writeNullable(encryption.kmsKeyArn());
    }
    out.writeMap(insights, (o, s) -> {
      o.writeString(s.status());
      o.writeNullable(s.mode());
      SettingsCodec.writeInstant(o, s.lastUpdate());
      o.writeList(s.rules(), ByteSink::writeString);
    });
    out.writeList(kinesis, (o, d) -> {
      o.writeString(d.streamArn());
      o.writeString(d.status().name());
      o.writeString(d.precision().name());
    });
    SettingsCodec.writeInstant(out, pitrHistoryStart);
    out.writeNullable(streamLabel);
    SettingsCodec.writeInstant(out, streamCreated);
    out.writeInt(streamGeneration);
    GlobalTablesCodec.writeAutoScaling(out, autoScaling);
  }

  /** Reads what format {@code version} (2 or later) wrote. */
  static TableExtras read(ByteSource in, int version) {
    Encryption encryption = in.readBoolean() ? new Encryption(in.readString(), in.readNullable()) : null;
    Map<String, ContributorInsights.Settings> insights = in.readMap(i -> new ContributorInsights.Settings(i.readString(),
        i.readNullable(), SettingsCodec.readInstant(i), i.readList(ByteSource::readString)));
    List<KinesisDestination> kinesis = in.readList(i -> new KinesisDestination(i.readString(),
        SettingsCodec.enumOf(DestinationStatus.class, i.readString()), SettingsCodec.enumOf(Precision.class, i.readString())));
    return new TableExtras(encryption, insights, kinesis, SettingsCodec.readInstant(in),
        in.readNullable(), SettingsCodec.readInstant(in), in.readInt(),
        version >= 3 ? GlobalTablesCodec.readAutoScaling(in) : ReplicaAutoScaling.NONE);
  }

  /** Puts these settings back on a recovered table. Call under the engine's write lock. */
  void install(Table table, Engine engine) {
    table.replaceAttachment(Encryption.class, encryption);
    insights.forEach((index, s) -> engine.contributorInsights().recovered(table, index.isEmpty() ? null : index, s));
    if (!kinesis.isEmpty()) {
      engine.kinesis().recovered(table, kinesis);
    }
    if (!autoScaling.equals(ReplicaAutoScaling.NONE)) {
      ReplicaAutoScaling.put(table, autoScaling);
    }
  }
}
