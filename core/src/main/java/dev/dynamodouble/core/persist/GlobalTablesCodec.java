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
    out.writeInt(state.legacy().size());
    for (LegacyGlobalTables.Entry entry : state.legacy()) {
      out.writeString(entry.name());
      out.writeString(entry.arn());
      SettingsCodec.writeInstant(out, entry.created());
      out.writeString(entry.status().name());
    }
    out.writeInt(state.strong().size());
    for (GlobalTableState.Strong strong : state.strong()) {
      out.writeString(strong.name());
      out.writeString(strong.origin());
      out.writeNullable(strong.witness());
      out.writeBoolean(strong.dissolving());
    }
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
    n = in.readInt();
    List<LegacyGlobalTables.Entry> legacy = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      legacy.add(new LegacyGlobalTables.Entry(in.readString(), in.readString(), SettingsCodec.readInstant(in),
          SettingsCodec.enumOf(LegacyGlobalTables.Status.class, in.readString())));
    }
    n = in.readInt();
    List<GlobalTableState.Strong> strong = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      strong.add(new GlobalTableState.Strong(in.readString(), in.readString(), in.readNullable(), in.readBoolean()));
    }
    return new GlobalTableState(List.copyOf(groups), List.copyOf(legacy), List.copyOf(strong));
  }

  private static void writeReplica(ByteSink out, ReplicaSettings s) {
    out.writeNullable(s.kmsMasterKeyId());
    writeLong(out, s.readCapacityOverride());
    writeLong(out, s.maxReadRequestUnits());
    out.writeInt(s.indexes().size());
    for (ReplicaSettings.IndexOverride index : s.indexes()) {
      out.writeString(index.indexName());
      writeLong(out, index.readCapacityOverride());
      writeLong(out, index.maxReadRequestUnits());
    }
    out.writeNullable(s.tableClassOverride());
  }

  private static ReplicaSettings readReplica(ByteSource in) {
    String kms = in.readNullable();
    Long read = readLong(in);
    Long maxRead = readLong(in);
    int n = in.readInt();
    List<ReplicaSettings.IndexOverride> indexes = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      indexes.add(new ReplicaSettings.IndexOverride(in.readString(), readLong(in), readLong(in)));
    }
    return new ReplicaSettings(kms, read, maxRead, List.copyOf(indexes), in.readNullable());
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
    out.writeInt(s.policies().size());
    for (AutoScalingSettings.Policy p : s.policies()) {
      out.writeNullable(p.name());
      out.writeByte(p.disableScaleIn() == null ? 2 : p.disableScaleIn() ? 1 : 0);
      writeLong(out, p.scaleInCooldown() == null ? null : (long) p.scaleInCooldown());
      writeLong(out, p.scaleOutCooldown() == null ? null : (long) p.scaleOutCooldown());
      out.writeLong(Double.doubleToLongBits(p.targetValue()));
    }
  }

  private static AutoScalingSettings readScaling(ByteSource in) {
    if (!in.readBoolean()) {
      return null;
    }
    Long min = readLong(in);
    Long max = readLong(in);
    Boolean disabled = readFlag(in);
    String role = in.readNullable();
    int n = in.readInt();
    List<AutoScalingSettings.Policy> policies = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      String name = in.readNullable();
      Boolean disableScaleIn = readFlag(in);
      Long scaleIn = readLong(in);
      Long scaleOut = readLong(in);
      policies.add(new AutoScalingSettings.Policy(name, disableScaleIn, scaleIn == null ? null : scaleIn.intValue(),
          scaleOut == null ? null : scaleOut.intValue(), Double.longBitsToDouble(in.readLong())));
    }
    return new AutoScalingSettings(min, max, disabled, role, List.copyOf(policies));
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
