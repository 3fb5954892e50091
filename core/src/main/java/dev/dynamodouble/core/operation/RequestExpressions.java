package dev.dynamodouble.core.operation;

import dev.dynamodouble.core.error.DynamoException;
import dev.dynamodouble.core.expression.Condition;
import dev.dynamodouble.core.expression.ExpressionContext;
import dev.dynamodouble.core.expression.ExpressionParameters;
import dev.dynamodouble.core.expression.Legacy;
import dev.dynamodouble.core.expression.Projection;
import dev.dynamodouble.core.expression.Update;
import dev.dynamodouble.core.protocol.JsonRequest;
import dev.dynamodouble.core.value.AttributeValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The expressions of one request, parsed in DynamoDB's order against the request's shared
 * ExpressionAttributeNames / ExpressionAttributeValues, with the checks that span them: mixing
 * legacy and expression parameters, placeholder maps without expressions, unused placeholders.
 */
final class RequestExpressions {
  private final JsonRequest request;
  private final ExpressionContext context;

  private RequestExpressions(JsonRequest request, ExpressionContext context) {
    this.request = request;
    this.context = context;
  }

  /**
   * Reads the placeholder maps and checks the parameter combinations by DynamoDB's rules for
   * {@code operation} ("PutItem", "Query", ...): legacy and expression parameters never mix, and
   * placeholder maps need an expression that can use them.
   */
  static RequestExpressions of(JsonRequest request, String operation) {
    List<String> present = new ArrayList<>();
    for (int i = 0; i < request.node().size(); i++) {
      String field = request.node().name(i);
      if (request.has(field)) {
        present.add(field);
      }
    }
    ExpressionParameters.checkNotMixed(operation, present);
    Map<String, String> names = request.stringMap("ExpressionAttributeNames");
    Map<String, AttributeValue> values = request.item("ExpressionAttributeValues");
    ExpressionParameters.checkPlaceholdersHaveExpressions(operation, present);
    return new RequestExpressions(request, new ExpressionContext(names, values));
  }

  /** The ConditionExpression, or null. */
  Condition condition() {
    String text = request.string("ConditionExpression");
    return text == null ? null : context.conditionExpression(text);
  }

  /** The FilterExpression, or null. */
  Condition filter() {
    String text = request.string("FilterExpression");
    return text == null ? null : context.filterExpression(text);
  }

  /** The UpdateExpression, or null. */
  Update update() {
    String text = request.string("UpdateExpression");
    return text == null ? null : context.update(text);
  }

  /** The ProjectionExpression or AttributesToGet, or null when all attributes are wanted. */
  Projection projection() {
    String text = request.string("ProjectionExpression");
    if (text != null) {
      return context.projection(text);
    }
    List<String> attributes = request.strings("AttributesToGet");
    if (attributes != null) {
      if (attributes.isEmpty()) {
        throw DynamoException.validation("1 validation error detected: Value '[]' at 'attributesToGet' failed to "
            + "satisfy constraint: Member must have length greater than or equal to 1");
      }
      if (attributes.contains("")) {
        throw DynamoException.validation(ItemValidation.EMPTY_NAME);
      }
      return Legacy.attributesToGet(attributes);
    }
    return null;
  }

  ExpressionContext context() {
    return context;
  }

  /** Fails on placeholders no expression used; call after every expression was parsed. */
  void checkAllUsed() {
    context.checkAllUsed();
  }
}
