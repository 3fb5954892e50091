package dev.dynamodouble.core.operation;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.dynamodouble.core.error.DynamoException;
import dev.dynamodouble.core.protocol.JsonRequest;
import dev.dynamodouble.core.table.BillingMode;
import dev.dynamodouble.core.table.OnDemandThroughput;
import dev.dynamodouble.core.table.Table;
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
   * out keeps {@code current}'s. -1 removes a maximum; 0 or below -1 is out of range.
   */
  static OnDemandThroughput onDemand(JsonRequest request, BillingMode mode, OnDemandThroughput current) {
    JsonRequest requested = request.structure("OnDemandThroughput");
    if (requested == null) {
      return null;
    }
    if (mode != BillingMode.PAY_PER_REQUEST) {
      throw DynamoException.invalidParameter("OnDemandThroughput can only be specified when BillingMode is PAY_PER_REQUEST");
    }
    long read = side(requested, "MaxReadRequestUnits", current.maxRead());
    long write = side(requested, "MaxWriteRequestUnits", current.maxWrite());
    return new OnDemandThroughput(read, write);
  }

  private static long side(JsonRequest requested, String field, long current) {
    Long value = requested.longValue(field);
    if (value == null) {
      return current;
    }
    if (value == 0 || value < -1) {
      throw DynamoException.invalidParameter("Requested " + field + " for OnDemandThroughput for table is outside of valid range");
    }
    return value;
  }

  /** The warm throughput a request asks for as {read, write} (0 for a side left out), or null. */
  static long[] warm(JsonRequest request) {
    JsonRequest warm = request.structure("WarmThroughput");
    if (warm == null) {
      return null;
    }
    Long read = warm.longValue("ReadUnitsPerSecond");
    Long write = warm.longValue("WriteUnitsPerSecond");
    if (read == null && write == null) {
      throw DynamoException.invalidParameter("At least one of ReadUnitsPerSecond or WriteUnitsPerSecond must be specified for WarmThroughput");
    }
    for (Long value : new Long[] {read, write}) {
      if (value != null && value < 1) {
        throw DynamoException.invalidParameter("WarmThroughput values must be greater than or equal to 1");
      }
    }
    return new long[] {read == null ? 0 : read, write == null ? 0 : write};
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
