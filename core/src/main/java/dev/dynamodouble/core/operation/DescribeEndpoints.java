package dev.dynamodouble.core.operation;

import dev.dynamodouble.core.protocol.JsonRequest;
import dev.dynamodouble.core.protocol.JsonWritable;

/**
 * DescribeEndpoints: as DynamoDB answers it, the region's public endpoint, to be cached for a day.
 * (The SDKs only ask when endpoint discovery is on, which an endpoint override turns off.)
 */
public final class DescribeEndpoints implements Operation {
  private static final long CACHE_PERIOD_MINUTES = 1440;

  @Override
  public JsonWritable execute(RequestContext context, JsonRequest request) {
    String address = "dynamodb." + context.region() + ".amazonaws.com";
    return out -> {
      out.writeStartObject();
      out.writeArrayFieldStart("Endpoints");
      out.writeStartObject();
      out.writeStringField("Address", address);
      out.writeNumberField("CachePeriodInMinutes", CACHE_PERIOD_MINUTES);
      out.writeEndObject();
      out.writeEndArray();
      out.writeEndObject();
    };
  }
}
