package dev.dynamodouble.core.operation;

import dev.dynamodouble.core.error.DynamoException;
import dev.dynamodouble.core.expression.Update;
import dev.dynamodouble.core.protocol.JsonRequest;

/** Reads the legacy AttributeUpdates parameter into an update. */
final class LegacyUpdates {
  private LegacyUpdates() {}

  static Update attributeUpdates(JsonRequest request) {
    // Wired to the expression package's legacy translation when it lands.
    throw DynamoException.validation("AttributeUpdates is not supported yet; use UpdateExpression");
  }
}
