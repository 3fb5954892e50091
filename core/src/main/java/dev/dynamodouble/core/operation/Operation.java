package dev.dynamodouble.core.operation;

import dev.dynamodouble.core.protocol.JsonRequest;
import dev.dynamodouble.core.protocol.JsonWritable;

/** One DynamoDB API operation: validates its request, does its work, returns its response body. */
@FunctionalInterface
public interface Operation {
  JsonWritable execute(RequestContext context, JsonRequest request);
}
