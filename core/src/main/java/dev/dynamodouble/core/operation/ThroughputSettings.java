package dev.dynamodouble.core.operation;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.dynamodouble.core.error.DynamoException;
import dev.dynamodouble.core.protocol.JsonRequest;
import dev.dynamodouble.core.table.BillingMode;
import dev.dynamodouble.core.table.OnDemandThroughput;
import dev.dynamodouble.core.table.Table;
import dev.dynamodouble.core.table.Throughput;
import java.io.IOException;

/**
 * The OnDemandThroughput (maximum request units of an on-demand table) and WarmThroughput
 * parameters of CreateTable and UpdateTable, checked as DynamoDB checks them. Checks come before
 * anything is applied, so a refused request changes nothing.
 */
final class ThroughputSettings {
  private ThroughputSettings() {}

  /**
   * The maximum a request asks for, or null when it has no OnDemandThroughput; a side it leaves
   * out keeps {@code current}'s. On UpdateTable -1 removes a maximum; 0 or below -1 is out of range
   * (CreateTable: anything below 1); above the per-table quota is a LimitExceededException.
   */
  static OnDemandThroughput onDemand(JsonRequest request, BillingMode mode, OnDemandThroughput current, boolean create,
                                     RequestContext context) {
    JsonRequest requested = request.structure("OnDemandThroughput");
    if (requested == null) {
      return null;
    }
    if (mode != BillingMode.PAY_PER_REQUEST) {
      String member = requested.has("MaxReadRequestUnits") || !requested.has("MaxWriteRequestUnits")
          ? "MaxReadRequestUnits" : "MaxWriteRequestUnits";
      throw DynamoException.invalidParameter(member + " for OnDemandThroughput cannot be specified when "
          + (create ? "table BillingMode is PROVISIONED." : "the table BillingMode is PROVISIONED"));
    }
    long read = side(requested, "MaxReadRequestUnits", current.maxRead(), create, context);
    long write = side(requested, "MaxWriteRequestUnits", current.maxWrite(), create, context);
    return new OnDemandThroughput(read, write);
  }

  private static long side(JsonRequest requested, String field, long current, boolean create, RequestContext context) {
    Long value = requested.longValue(field);
    if (value == null) {
      return current;
    }
    if (value == 0 || value < -1 || create && value == -1) {
      throw DynamoException.invalidParameter("Requested " + field + " for OnDemandThroughput for table is outside of valid range");
    }
    ThroughputLimits.requireWithinTableQuota(value, field, "OnDemandThroughput", context);
    return value;
  }

  /**
   * The warm throughput a request asks for as {read, write} (0 for a side left out), or null.
   * UpdateTable's empty WarmThroughput is refused (DynamoDB answers it with an InternalFailure).
   */
  static long[] warm(JsonRequest request, boolean create) {
    JsonRequest warm = request.structure("WarmThroughput");
    if (warm == null) {
      return null;
    }
    Long read = warm.longValue("ReadUnitsPerSecond");
    Long write = warm.longValue("WriteUnitsPerSecond");
    if (read == null && write == null && !create) {
      throw DynamoException.invalidParameter("At least one of ReadUnitsPerSecond or WriteUnitsPerSecond must be specified for WarmThroughput");
    }
    return new long[] {read == null ? -1 : read, write == null ? -1 : write};
  }

  /**
   * DynamoDB's checks of a warm throughput against the table it is for: never below what an
   * on-demand table starts with or the provisioned units, never a decrease, never above the quota.
   * A side left out (-1) is not checked and keeps the current value.
   */
  static void checkWarm(long[] warm, BillingMode mode, Throughput throughput, long[] current,
                         RequestContext context) {
    String[] fields = {"ReadUnitsPerSecond", "WriteUnitsPerSecond"};
    long[] initial = {Table.ON_DEMAND_WARM_READ, Table.ON_DEMAND_WARM_WRITE};
    long[] provisioned = {throughput.read(), throughput.write()};
    String[] units = {"ReadCapacityUnits", "WriteCapacityUnits"};
    for (int i = 0; i < 2; i++) {
      if (warm[i] < 0) {
        continue;
      }
      String prefix = "Requested " + fields[i] + " for WarmThroughput for table is lower than ";
      if (mode == BillingMode.PAY_PER_REQUEST && warm[i] < initial[i]) {
        throw DynamoException.invalidParameter(prefix + "initial throughput for OnDemand. See: "
            + "https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/on-demand-capacity-mode.html"
            + "#on-demand-capacity-mode-initial");
      }
      if (mode == BillingMode.PROVISIONED && warm[i] < provisioned[i]) {
        throw DynamoException.invalidParameter(prefix + units[i] + " of ProvisionedThroughput");
      }
      if (current != null && warm[i] < current[i]) {
        throw DynamoException.invalidParameter(prefix + "current WarmThroughput, decreasing WarmThroughput is not supported");
      }
      ThroughputLimits.requireWithinTableQuota(warm[i], fields[i], "WarmThroughput", context);
    }
  }

  /** Per-index OnDemandThroughput and WarmThroughput are not modelled: refused, never silently ignored. */
  static void refuseIndexSettings(java.util.List<JsonRequest> indexes) {
    if (indexes == null) {
      return;
    }
    for (JsonRequest index : indexes) {
      for (String field : new String[] {"OnDemandThroughput", "WarmThroughput"}) {
        if (index != null && index.has(field)) {
          throw DynamoException.validation(field + " on a global secondary index is not supported by Dynamo Double");
        }
      }
    }
  }

  /** Writes {@code "OnDemandThroughput"} for an on-demand table that has a maximum. */
  static void writeOnDemand(JsonGenerator out, Table table) throws IOException {
    OnDemandThroughput max = table.onDemandThroughput();
    if (table.billingMode() != BillingMode.PAY_PER_REQUEST || max.isNone()) {
      return;
    }
    out.writeObjectFieldStart("OnDemandThroughput");
    out.writeNumberField("MaxReadRequestUnits", max.maxRead());
    out.writeNumberField("MaxWriteRequestUnits", max.maxWrite());
    out.writeEndObject();
  }
}
