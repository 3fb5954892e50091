package dev.dynamodouble.core.operation;

import dev.dynamodouble.core.engine.Quotas;
import dev.dynamodouble.core.protocol.JsonRequest;
import dev.dynamodouble.core.protocol.JsonWritable;

/** DescribeLimits: the account's and each table's maximum read and write capacity (DynamoDB's default quotas unless the engine's {@code Quotas} say otherwise). */
public final class DescribeLimits implements Operation {

  @Override
  public JsonWritable execute(RequestContext context, JsonRequest request) {
    Quotas quotas = context.engine().options().quotas();
    return out -> {
      out.writeStartObject();
      out.writeNumberField("AccountMaxReadCapacityUnits", quotas.accountMaxReadCapacityUnits());
      out.writeNumberField("AccountMaxWriteCapacityUnits", quotas.accountMaxWriteCapacityUnits());
      out.writeNumberField("TableMaxReadCapacityUnits", quotas.tableMaxReadCapacityUnits());
      out.writeNumberField("TableMaxWriteCapacityUnits", quotas.tableMaxWriteCapacityUnits());
      out.writeEndObject();
    };
  }
}
