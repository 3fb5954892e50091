package dev.dynamodouble.core.operation;

import dev.dynamodouble.core.capacity.ThroughputQuotas;
import dev.dynamodouble.core.protocol.JsonRequest;
import dev.dynamodouble.core.protocol.JsonWritable;

/** DescribeLimits: the account's and each table's maximum read and write capacity (DynamoDB's default quotas). */
public final class DescribeLimits implements Operation {

  @Override
  public JsonWritable execute(RequestContext context, JsonRequest request) {
    return out -> {
      out.writeStartObject();
      out.writeNumberField("AccountMaxReadCapacityUnits", ThroughputQuotas.ACCOUNT_MAX_READ);
      out.writeNumberField("AccountMaxWriteCapacityUnits", ThroughputQuotas.ACCOUNT_MAX_WRITE);
      out.writeNumberField("TableMaxReadCapacityUnits", ThroughputQuotas.TABLE_MAX_READ);
      out.writeNumberField("TableMaxWriteCapacityUnits", ThroughputQuotas.TABLE_MAX_WRITE);
      out.writeEndObject();
    };
  }
}
