package dev.dynamodouble.core.expression;

import dev.dynamodouble.core.error.DynamoException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * DynamoDB's rules on which parameters a request may combine: legacy and expression parameters
 * never mix, and ExpressionAttributeNames/Values need an expression to be used in.
 *
 * <p>Operations are named as in the API ("PutItem", "UpdateItem", "Query", ...); parameters by
 * their wire names ("Expected", "ConditionExpression", ...). DynamoDB lists the parameters of the
 * mixing error in a fixed order per operation, which this class knows.
 */
public final class ExpressionParameters {
  private ExpressionParameters() {}

  private record Rules(List<String> legacy, List<String> expressions, List<String> valueExpressions) {}

  private static final Rules WRITE = new Rules(List.of("Expected", "ConditionalOperator"),
      List.of("ConditionExpression"), List.of("ConditionExpression"));
  private static final Rules READ = new Rules(List.of("AttributesToGet"),
      List.of("ProjectionExpression"), List.of());
  private static final Map<String, Rules> RULES = Map.of(
      "PutItem", WRITE,
      "DeleteItem", WRITE,
      "UpdateItem", new Rules(List.of("AttributeUpdates", "Expected", "ConditionalOperator"),
          List.of("UpdateExpression", "ConditionExpression"),
          List.of("UpdateExpression", "ConditionExpression")),
      "GetItem", READ,
      "SearchVectors", new Rules(List.of(), List.of("ProjectionExpression", "SearchConditionExpression"),
          List.of("SearchConditionExpression")),
      "BatchGetItem", READ,
      "Scan", new Rules(List.of("AttributesToGet", "ScanFilter", "ConditionalOperator"),
          List.of("ProjectionExpression", "FilterExpression"), List.of("FilterExpression")),
      "Query", new Rules(
          List.of("AttributesToGet", "QueryFilter", "ConditionalOperator", "KeyConditions"),
          List.of("ProjectionExpression", "FilterExpression", "KeyConditionExpression"),
          List.of("FilterExpression", "KeyConditionExpression")));

  /**
   * Fails with "Can not use both expression and non-expression parameters in the same request:
   * Non-expression parameters: {Expected} Expression parameters: {ConditionExpression}" when the
   * request carries parameters of both styles. A Query's KeyConditions only counts when a
   * KeyConditionExpression is present too (KeyConditions with a FilterExpression is allowed).
   *
   * @param present the names of the parameters present in the request (others are ignored)
   */
  public static void checkNotMixed(String operation, Collection<String> present) {
    Rules rules = rules(operation);
    List<String> legacy = new ArrayList<>();
    for (String p : rules.legacy()) {
      if (present.contains(p)
          && (!p.equals("KeyConditions") || present.contains("KeyConditionExpression"))) {
        legacy.add(p);
      }
    }
    List<String> expressions = new ArrayList<>();
    for (String p : rules.expressions()) {
      if (present.contains(p)) {
        expressions.add(p);
      }
    }
    checkNotMixed(legacy, expressions);
  }

  /** The mixing error for explicit lists, in the order given. */
  public static void checkNotMixed(List<String> legacyPresent, List<String> expressionsPresent) {
    if (!legacyPresent.isEmpty() && !expressionsPresent.isEmpty()) {
      throw DynamoException.validation(
          "Can not use both expression and non-expression parameters in the same request: "
              + "Non-expression parameters: {" + String.join(", ", legacyPresent) + "} "
              + "Expression parameters: {" + String.join(", ", expressionsPresent) + "}");
    }
  }

  /**
   * Fails when ExpressionAttributeNames or ExpressionAttributeValues come without an expression
   * that could use them: "ExpressionAttributeNames can only be specified when using expressions",
   * "ExpressionAttributeValues can only be specified when using expressions: UpdateExpression and
   * ConditionExpression are null".
   */
  public static void checkPlaceholdersHaveExpressions(String operation, Collection<String> present) {
    Rules rules = rules(operation);
    boolean anyExpression = false;
    for (String p : rules.expressions()) {
      anyExpression |= present.contains(p);
    }
    if (present.contains("ExpressionAttributeNames") && !anyExpression) {
      throw DynamoException.validation(
          "ExpressionAttributeNames can only be specified when using expressions");
    }
    if (present.contains("ExpressionAttributeValues") && !rules.valueExpressions().isEmpty()) {
      for (String p : rules.valueExpressions()) {
        if (present.contains(p)) {
          return;
        }
      }
      List<String> names = rules.valueExpressions();
      throw DynamoException.validation(
          "ExpressionAttributeValues can only be specified when using expressions: "
              + String.join(" and ", names) + (names.size() > 1 ? " are null" : " is null"));
    }
  }

  private static Rules rules(String operation) {
    Rules rules = RULES.get(operation);
    if (rules == null) {
      throw new IllegalArgumentException("no expression parameters for " + operation);
    }
    return rules;
  }
}
