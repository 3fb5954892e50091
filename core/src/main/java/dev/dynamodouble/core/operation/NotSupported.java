package dev.dynamodouble.core.operation;

import dev.dynamodouble.core.error.DynamoException;
import dev.dynamodouble.core.protocol.JsonRequest;
import dev.dynamodouble.core.protocol.JsonWritable;

/**
 * An operation of the DynamoDB API that Dynamo Double does not serve yet: it answers a
 * ValidationException that names the operation and says why, rather than the
 * UnknownOperationException of a target that does not exist.
 */
final class NotSupported implements Operation {
  private final String name;
  private final String reason;

  NotSupported(String name, String reason) {
    this.name = name;
    this.reason = reason;
  }

  @Override
  public JsonWritable execute(RequestContext context, JsonRequest request) {
    throw DynamoException.validation(name + " is not supported by Dynamo Double yet: " + reason);
  }
}
