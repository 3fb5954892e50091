package dev.dynamodouble.core.expression;

import dev.dynamodouble.core.error.DynamoException;
import dev.dynamodouble.core.error.Echo;
import dev.dynamodouble.core.value.AttributeValue;
import dev.dynamodouble.core.value.ItemSize;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The expressions of one request, which share its ExpressionAttributeNames and
 * ExpressionAttributeValues. Create one per request, parse each expression the request carries (in
 * DynamoDB's order, see the package documentation), then call {@link #checkAllUsed()}.
 *
 * <p>Parsing is cached by expression text; this object only resolves placeholders and checks what
 * depends on them, which is cheap. It is not thread-safe (one request, one thread).
 */
public final class ExpressionContext {
  private static final int MAX_KEY_BYTES = 255;

  private final Map<String, String> names;
  private final Map<String, AttributeValue> values;
  private final Set<String> usedNames = new HashSet<>();
  private final Set<String> usedValues = new HashSet<>();

  /**
   * @param names the request's ExpressionAttributeNames, or null when absent
   * @param values the request's ExpressionAttributeValues (already decoded and validated as
   *     attribute values), or null when absent
   * @throws DynamoException when a map is empty or has a malformed key or an empty name
   */
  public ExpressionContext(Map<String, String> names, Map<String, AttributeValue> values) {
    this.names = names;
    this.values = values;
    validate();
  }

  /** A context for a request without placeholder maps. */
  public static ExpressionContext empty() {
    return new ExpressionContext(null, null);
  }

  /**
   * Whether {@code key} matches {@code #[A-Za-z0-9_]+} (sigil '#') or {@code :[A-Za-z0-9_]+} (':'),
   * checked per placeholder of every request, so without a regex.
   */
  static boolean isPlaceholder(String key, char sigil) {
    if (key.length() < 2 || key.charAt(0) != sigil) {
      return false;
    }
    for (int i = 1; i < key.length(); i++) {
      char c = key.charAt(i);
      if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')) {
        return false;
      }
    }
    return true;
  }

  private void validate() {
    if (names != null) {
      if (names.isEmpty()) {
        throw DynamoException.validation("ExpressionAttributeNames must not be empty");
      }
      for (Map.Entry<String, String> e : names.entrySet()) {
        String key = e.getKey();
        int bytes = ItemSize.utf8Length(key);
        if (bytes > MAX_KEY_BYTES) {
          throw DynamoException.validation("ExpressionAttributeNames contains invalid key: "
              + "The expression attribute map contains a key that is too long; size of key: " + bytes);
        }
        if (!isPlaceholder(key, '#')) {
          throw DynamoException.validation(
              "ExpressionAttributeNames contains invalid key: Syntax error; key: \"" + key + "\"");
        }
        if (e.getValue() == null || e.getValue().isEmpty()) {
          throw DynamoException.validation(
              "ExpressionAttributeNames contains invalid value: Empty attribute name for key " + key);
        }
      }
    }
    if (values != null) {
      if (values.isEmpty()) {
        throw DynamoException.validation("ExpressionAttributeValues must not be empty");
      }
      for (String key : values.keySet()) {
        if (ItemSize.utf8Length(key) > MAX_KEY_BYTES) {
          throw DynamoException.validation("ExpressionAttributeValues contains invalid key: "
              + "The expression attribute map contains a key that is too long;");
        }
        if (!isPlaceholder(key, ':')) {
          throw DynamoException.validation(
              "ExpressionAttributeValues contains invalid key: Syntax error; key: \"" + key + "\"");
        }
      }
    }
  }

  private Resolver resolver(String parameter) {
    return new Resolver(parameter, names, values, usedNames, usedValues);
  }

  /**
   * Parses and resolves a condition-shaped expression.
   *
   * @param parameterName the request parameter, for messages: "ConditionExpression" or
   *     "FilterExpression"
   */
  public Condition condition(String parameterName, String text) {
    Syntax.Cond syntax = ParseCache.condition(parameterName, text);
    return new Condition(resolver(parameterName).condition(syntax), "Filter Expression");
  }

  /** {@code condition("ConditionExpression", text)}. */
  public Condition conditionExpression(String text) {
    return condition("ConditionExpression", text);
  }

  /** {@code condition("FilterExpression", text)}. */
  public Condition filterExpression(String text) {
    return condition("FilterExpression", text);
  }

  public Update update(String text) {
    Syntax.UpdateTree syntax = ParseCache.update(text);
    return new Update(resolver("UpdateExpression").update(syntax), false);
  }

  public Projection projection(String text) {
    Syntax.ProjectionTree syntax = ParseCache.projection(text);
    return new Projection(resolver("ProjectionExpression").projection(syntax));
  }

  /**
   * Parses, resolves and shape-checks a KeyConditionExpression. Bind it to the key schema with
   * {@link KeyCondition#bind} once the table (or index) is known.
   */
  public KeyCondition keyCondition(String text) {
    return keyConditionResolved(text).get();
  }

  /**
   * A KeyConditionExpression parsed and resolved (its placeholders now count as used), whose shape
   * the supplier checks: DynamoDB reports unused placeholders before a key condition's shape.
   */
  public java.util.function.Supplier<KeyCondition> keyConditionResolved(String text) {
    String parameter = "KeyConditionExpression";
    Cond resolved = resolver(parameter).condition(ParseCache.condition(parameter, text));
    return () -> KeyCondition.of(resolved);
  }

  /** {@code keyCondition(text).bind(partitionKey, sortKey)}. */
  public KeyCondition.Bound keyCondition(String text, String partitionKey, String sortKey) {
    return keyCondition(text).bind(partitionKey, sortKey);
  }

  /**
   * Fails, as DynamoDB does, when a name or value was never used by the request's expressions.
   * Call it after every expression of the request was parsed.
   */
  public void checkAllUsed() {
    if (names != null) {
      List<String> unused = new ArrayList<>();
      for (String key : names.keySet()) {
        if (!usedNames.contains(key)) {
          unused.add(key);
        }
      }
      if (!unused.isEmpty()) {
        throw DynamoException.validation(
            "Value provided in ExpressionAttributeNames unused in expressions: keys: {"
                + Echo.of(String.join(", ", unused)) + "}");
      }
    }
    if (values != null) {
      List<String> unused = new ArrayList<>();
      for (String key : values.keySet()) {
        if (!usedValues.contains(key)) {
          unused.add(key);
        }
      }
      if (!unused.isEmpty()) {
        throw DynamoException.validation(
            "Value provided in ExpressionAttributeValues unused in expressions: keys: {"
                + Echo.of(String.join(", ", unused)) + "}");
      }
    }
  }
}
