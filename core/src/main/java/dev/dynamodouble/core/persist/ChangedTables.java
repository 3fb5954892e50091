package dev.dynamodouble.core.persist;

import dev.dynamodouble.core.engine.Catalog;
import dev.dynamodouble.core.pipeline.Call;
import dev.dynamodouble.core.protocol.JsonRequest;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Which tables a control-plane request can have changed, so that the log compares only those with
 * what it holds: the tables of the names the request gives, in every region (a replica, a
 * replica's TTL or an MRSC group has its table's name). An operation not listed here may change
 * any table: every table is compared then.
 */
final class ChangedTables {
  /** Where each operation names the tables it may change: a member of the request, or of one of its structures. */
  private static final Map<String, String[]> NAMED = Map.ofEntries(
      Map.entry("CreateTable", new String[] {"TableName"}),
      Map.entry("UpdateTable", new String[] {"TableName"}),
      Map.entry("DeleteTable", new String[] {"TableName"}),
      Map.entry("UpdateTimeToLive", new String[] {"TableName"}),
      Map.entry("UpdateContinuousBackups", new String[] {"TableName"}),
      Map.entry("UpdateContributorInsights", new String[] {"TableName"}),
      Map.entry("EnableKinesisStreamingDestination", new String[] {"TableName"}),
      Map.entry("DisableKinesisStreamingDestination", new String[] {"TableName"}),
      Map.entry("UpdateKinesisStreamingDestination", new String[] {"TableName"}),
      Map.entry("UpdateTableReplicaAutoScaling", new String[] {"TableName"}),
      Map.entry("TagResource", new String[] {"ResourceArn"}),
      Map.entry("UntagResource", new String[] {"ResourceArn"}),
      Map.entry("PutResourcePolicy", new String[] {"ResourceArn"}),
      Map.entry("DeleteResourcePolicy", new String[] {"ResourceArn"}),
      Map.entry("CreateBackup", new String[] {}),
      Map.entry("DeleteBackup", new String[] {}),
      Map.entry("ExportTableToPointInTime", new String[] {}),
      Map.entry("RestoreTableFromBackup", new String[] {"TargetTableName"}),
      Map.entry("RestoreTableToPointInTime", new String[] {"TargetTableName"}),
      Map.entry("ImportTable", new String[] {"TableCreationParameters.TableName"}),
      Map.entry("CreateGlobalTable", new String[] {"GlobalTableName"}),
      Map.entry("UpdateGlobalTable", new String[] {"GlobalTableName"}),
      Map.entry("UpdateGlobalTableSettings", new String[] {"GlobalTableName"}));

  private ChangedTables() {}

  /** The names of the tables the request may have changed, or null when it may have changed any. */
  static Set<String> of(Call call) {
    String[] members = NAMED.get(call.operation());
    if (members == null) {
      return null;
    }
    Set<String> names = new HashSet<>(2);
    for (String member : members) {
      JsonRequest request = call.request();
      int dot = member.indexOf('.');
      if (dot > 0) {
        request = request.structure(member.substring(0, dot));
        member = member.substring(dot + 1);
      }
      String value;
      try {
        value = request == null ? null : request.string(member);
      } catch (RuntimeException e) {
        return null; // not a string: compare every table rather than guess
      }
      if (value != null) {
        names.add(Catalog.nameOf(value));
      }
    }
    return names;
  }
}
