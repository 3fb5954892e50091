package dev.dynamodouble.core.operation;

import dev.dynamodouble.core.error.DynamoException;
import dev.dynamodouble.core.expression.Condition;
import dev.dynamodouble.core.expression.KeyCondition;
import dev.dynamodouble.core.protocol.JsonRequest;

/** Reads the legacy condition parameters (KeyConditions, QueryFilter, ScanFilter, Expected). */
final class LegacyConditions {
  private LegacyConditions() {}

  static KeyCondition keyConditions(JsonRequest request) {
    // Wired to the expression package's legacy translation when it lands.
    throw DynamoException.validation("KeyConditions is not supported yet; use KeyConditionExpression");
  }

  static Condition filter(JsonRequest request, String parameter) {
    throw DynamoException.validation(parameter + " is not supported yet; use FilterExpression");
  }
}
