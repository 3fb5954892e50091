package dev.dynamodouble.core.persist;

import dev.dynamodouble.core.autoscaling.AutoScalingSettings;
import dev.dynamodouble.core.autoscaling.ReplicaAutoScaling;
import dev.dynamodouble.core.replication.GlobalTableState;
import dev.dynamodouble.core.replication.LegacyGlobalTables;
import dev.dynamodouble.core.replication.ReplicaSettings;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The binary form of the global tables (format 3) and of a table's replica auto-scaling settings. */
final class GlobalTablesCodec {
  private GlobalTablesCodec() {}

  static void write(ByteSink out, GlobalTableState state) {
    out.writeInt(state.groups().size());
    for (GlobalTableState.Group group : state.groups()) {
      out.writeString(group.name());
      out.writeInt(group.members().size());
      group.members().forEach((region, settings) -> {
        out.writeString(region);
        writeReplica(out, settings);
      });
    }
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
    int n = in.readInt();
    List<GlobalTableState.Group> groups = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      String name = in.readString();
      int members = in.readInt();
      Map<String, ReplicaSettings> byRegion = new LinkedHashMap<>();
      for (int m = 0; m < members; m++) {
        byRegion.put(in.readString(), readReplica(in));
      }
      groups.add(new GlobalTableState.Group(name, Map.copyOf(byRegion)));
    }
    List<LegacyGlobalTables.Entry> legacy = in.readList(i -> new LegacyGlobalTables.Entry(i.readString(),
        i.readString(), SettingsCodec.readInstant(i), SettingsCodec.enumOf(LegacyGlobalTables.Status.class, i.readString())));
    List<GlobalTableState.Strong> strong = in.readList(
        i -> new GlobalTableState.Strong(i.readString(), i.readString(), i.readNullable(), i.readBoolean()));
    return new GlobalTableState(List.copyOf(groups), legacy, strong);
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
    out.writeInt(s.replicaIndexRead().size());
    s.replicaIndexRead().forEach((region, indexes) -> {
      out.writeString(region);
      writeScalingMap(out, indexes);
    });
  }

  static ReplicaAutoScaling.TableSettings readAutoScaling(ByteSource in) {
    AutoScalingSettings write = readScaling(in);
    Map<String, AutoScalingSettings> indexWrite = readScalingMap(in);
    Map<String, AutoScalingSettings> replicaRead = readScalingMap(in);
    int n = in.readInt();
    Map<String, Map<String, AutoScalingSettings>> replicaIndexRead = new LinkedHashMap<>();
    for (int i = 0; i < n; i++) {
      replicaIndexRead.put(in.readString(), readScalingMap(in));
    }
    return new ReplicaAutoScaling.TableSettings(write, indexWrite, replicaRead, Map.copyOf(replicaIndexRead));
  }

  private static void writeScalingMap(ByteSink out, Map<String, AutoScalingSettings> settings) {
    out.writeInt(settings.size());
    settings.forEach((name, s) -> {
      out.writeString(name);
      writeScaling(out, s);
    });
  }

  private static Map<String, AutoScalingSettings> readScalingMap(ByteSource in) {
    int n = in.readInt();
    Map<String, AutoScalingSettings> settings = new LinkedHashMap<>();
    for (int i = 0; i < n; i++) {
      settings.put(in.readString(), readScaling(in));
    }
    return Map.copyOf(settings);
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
