package dev.dynamodouble.core.persist;

import dev.dynamodouble.core.autoscaling.AutoScalingSettings;
import dev.dynamodouble.core.autoscaling.ReplicaAutoScaling;
import dev.dynamodouble.core.replication.GlobalTableState;
import dev.dynamodouble.core.replication.LegacyGlobalTables;
import dev.dynamodouble.core.replication.ReplicaSettings;
import java.util.List;
import java.util.Map;

/** The binary form of the global tables (format 3) and of a table's replica auto-scaling settings. */
final class GlobalTablesCodec {
  private GlobalTablesCodec() {}

  static void write(ByteSink out, GlobalTableState state) {
    out.writeList(state.groups(), (o, group) -> {
      o.writeString(group.name());
      o.writeMap(group.members(), GlobalTablesCodec::writeReplica);
    });
    out.writeList(state.legacy(), (o, entry) -> {
      o.writeString(entry.name());
      o.writeString(entry.arn());
      SettingsCodec.writeInstant(o, entry.created());
      o.writeString(entry.status().name());
    });
    out.writeList(state.strong(), (o, strong) -> {
      o.writeString(strong.name());
      o.writeString(strong.origin());
      o.writeNullable(strong.witness());
      o.writeBoolean(strong.dissolving());
    });
  }

  static GlobalTableState read(ByteSource in) {
    List<GlobalTableState.Group> groups = in.readList(
        i -> new GlobalTableState.Group(i.readString(), i.readMap(GlobalTablesCodec::readReplica)));
    List<LegacyGlobalTables.Entry> legacy = in.readList(i -> new LegacyGlobalTables.Entry(i.readString(),
        i.readString(), SettingsCodec.readInstant(i), SettingsCodec.enumOf(LegacyGlobalTables.Status.class, i.readString())));
    List<GlobalTableState.Strong> strong = in.readList(
        i -> new GlobalTableState.Strong(i.readString(), i.readString(), i.readNullable(), i.readBoolean()));
    return new GlobalTableState(groups, legacy, strong);
  }

  private static void writeReplica(ByteSink out, ReplicaSettings s) {
    out.writeNullable(s.kmsMasterKeyId());
    writeLong(out, s.readCapacityOverride());
    writeLong(out, s.maxReadRequestUnits());
    out.writeList(s.indexes(), (o, index) -> {
      o.writeString(index.indexName());
      writeLong(o, index.readCapacityOverride());
      writeLong(o, index.maxReadRequestUnits());
    });
    out.writeNullable(s.tableClassOverride());
  }

  private static ReplicaSettings readReplica(ByteSource in) {
    String kms = in.readNullable();
    Long read = readLong(in);
    Long maxRead = readLong(in);
    List<ReplicaSettings.IndexOverride> indexes = in.readList(
        i -> new ReplicaSettings.IndexOverride(i.readString(), readLong(i), readLong(i)));
    return new ReplicaSettings(kms, read, maxRead, indexes, in.readNullable());
  }

  static void writeAutoScaling(ByteSink out, ReplicaAutoScaling.TableSettings s) {
    writeScaling(out, s.write());
    writeScalingMap(out, s.indexWrite());
    writeScalingMap(out, s.replicaRead());
    out.writeMap(s.replicaIndexRead(), GlobalTablesCodec::writeScalingMap);
  }

  static ReplicaAutoScaling.TableSettings readAutoScaling(ByteSource in) {
    AutoScalingSettings write = readScaling(in);
    Map<String, AutoScalingSettings> indexWrite = readScalingMap(in);
    Map<String, AutoScalingSettings> replicaRead = readScalingMap(in);
    Map<String, Map<String, AutoScalingSettings>> replicaIndexRead = in.readMap(GlobalTablesCodec::readScalingMap);
    return new ReplicaAutoScaling.TableSettings(write, indexWrite, replicaRead, replicaIndexRead);
  }

  private static void writeScalingMap(ByteSink out, Map<String, AutoScalingSettings> settings) {
    out.writeMap(settings, GlobalTablesCodec::writeScaling);
  }

  private static Map<String, AutoScalingSettings> readScalingMap(ByteSource in) {
    return in.readMap(GlobalTablesCodec::readScaling);
  }

  private static void writeScaling(ByteSink out, AutoScalingSettings s) {
    out.writeBoolean(s != null);
    if (s == null) {
      return;
    }
    writeLong(out, s.minimumUnits());
    writeLong(out, s.maximumUnits());
    out.writeByte(s.disabled() == null ? 2 : s.disabled() ? 1 : 0);
    out.writeNullable(s.roleArn());
    out.writeList(s.policies(), (o, p) -> {
      o.writeNullable(p.name());
      o.writeByte(p.disableScaleIn() == null ? 2 : p.disableScaleIn() ? 1 : 0);
      writeLong(o, p.scaleInCooldown() == null ? null : (long) p.scaleInCooldown());
      writeLong(o, p.scaleOutCooldown() == null ? null : (long) p.scaleOutCooldown());
      o.writeLong(Double.doubleToLongBits(p.targetValue()));
    });
  }

  private static AutoScalingSettings readScaling(ByteSource in) {
    if (!in.readBoolean()) {
      return null;
    }
    Long min = readLong(in);
    Long max = readLong(in);
    Boolean disabled = readFlag(in);
    String role = in.readNullable();
    List<AutoScalingSettings.Policy> policies = in.readList(GlobalTablesCodec::readPolicy);
    return new AutoScalingSettings(min, max, disabled, role, policies);
  }

  private static AutoScalingSettings.Policy readPolicy(ByteSource in) {
    String name = in.readNullable();
    Boolean disableScaleIn = readFlag(in);
    Long scaleIn = readLong(in);
    Long scaleOut = readLong(in);
    return new AutoScalingSettings.Policy(name, disableScaleIn, scaleIn == null ? null : scaleIn.intValue(),
        scaleOut == null ? null : scaleOut.intValue(), Double.longBitsToDouble(in.readLong()));
  }

  private static Boolean readFlag(ByteSource in) {
    int flag = in.readByte();
    return flag == 2 ? null : flag == 1;
  }

  static void writeLong(ByteSink out, Long value) {
    out.writeBoolean(value != null);
    if (value != null) {
      out.writeLong(value);
    }
  }

  static Long readLong(ByteSource in) {
    return in.readBoolean() ? in.readLong() : null;
  }
}
