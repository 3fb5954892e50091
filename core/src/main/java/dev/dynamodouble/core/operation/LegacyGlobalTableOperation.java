package dev.dynamodouble.core.operation;

import dev.dynamodouble.core.error.DynamoException;
import dev.dynamodouble.core.protocol.JsonRequest;
import dev.dynamodouble.core.protocol.JsonWritable;

/**
 * The global tables version 2017.11.29 (legacy) operations — CreateGlobalTable,
 * DescribeGlobalTable, UpdateGlobalTable, ListGlobalTables, DescribeGlobalTableSettings,
 * UpdateGlobalTableSettings — which Dynamo Double does not build: each is refused by name with a
 * ValidationException that points at version 2019.11.21 (UpdateTable ReplicaUpdates), rather than
 * answered as an unknown operation.
 */
final class LegacyGlobalTableOperation implements Operation {
  private final String name;

  LegacyGlobalTableOperation(String name) {
    this.name = name;
  }

  @Override
  public JsonWritable execute(RequestContext context, JsonRequest request) {
    throw DynamoException.validation(name + " (global tables version 2017.11.29) is not supported by Dynamo Double; "
        + "create global tables version 2019.11.21 with UpdateTable ReplicaUpdates");
  }
}
