package dev.dynamodouble.core.expression;

import dev.dynamodouble.core.error.DynamoException;
import dev.dynamodouble.core.value.AttributeType;
import dev.dynamodouble.core.value.AttributeValue;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The legacy parameters (Expected, AttributeUpdates, AttributesToGet, KeyConditions, QueryFilter,
 * ScanFilter), validated with DynamoDB's messages and translated into the same executable forms
 * as expressions. Maps are read in their iteration order, which is the request's order when the
 * decoder builds them as LinkedHashMaps.
 */
public final class Legacy {
  private Legacy() {}

  /**
   * Expected (PutItem, UpdateItem, DeleteItem).
   *
   * @param expected null when absent
   * @param conditionalOperator "AND", "OR" or null (AND)
   * @return a condition that always holds when {@code expected} is null or empty
   */
  public static Condition expected(Map<String, ExpectedAttributeValue> expected,
      String conditionalOperator) {
    checkConditionalOperator(conditionalOperator, expected);
    List<Cond> conditions = new ArrayList<>();
    if (expected != null) {
      for (Map.Entry<String, ExpectedAttributeValue> e : expected.entrySet()) {
        conditions.add(expectedCondition(e.getKey(), e.getValue()));
      }
    }
    return new Condition(combine(conditions, conditionalOperator), "Filter Expression");
  }

  /** QueryFilter; the condition's {@link Condition#requireNoKeyAttributes} speaks of QueryFilter. */
  public static Condition queryFilter(Map<String, LegacyCondition> filter, String conditionalOperator) {
    return filter(filter, conditionalOperator, "QueryFilter");
  }

  /** ScanFilter. */
  public static Condition scanFilter(Map<String, LegacyCondition> filter, String conditionalOperator) {
    return filter(filter, conditionalOperator, "ScanFilter");
  }

  private static Condition filter(Map<String, LegacyCondition> filter, String conditionalOperator,
      String name) {
    checkConditionalOperator(conditionalOperator, filter);
    List<Cond> conditions = new ArrayList<>();
    if (filter != null) {
      for (Map.Entry<String, LegacyCondition> e : filter.entrySet()) {
        LegacyCondition c = e.getValue();
        List<AttributeValue> values = c.attributeValueList() == null ? List.of() : c.attributeValueList();
        checkArguments(c.comparisonOperator(), values);
        conditions.add(comparison(e.getKey(), c.comparisonOperator(), values));
      }
    }
    return new Condition(combine(conditions, conditionalOperator), name);
  }

  /**
   * DynamoDB's check of ConditionalOperator against the conditions it combines: it needs at least
   * two. Call it with the QueryFilter of a Query even when only KeyConditions are present.
   */
  public static void checkConditionalOperator(String conditionalOperator, Map<String, ?> conditions) {
    if (conditionalOperator == null) {
      return;
    }
    if (conditions == null || conditions.isEmpty()) {
      throw DynamoException.validation("ConditionalOperator cannot be used without Filter or Expected");
    }
    if (conditions.size() == 1) {
      throw DynamoException.validation(
          "ConditionalOperator can only be used when Filter or Expected has two or more elements");
    }
  }

  /** KeyConditions (Query). Bind the result to the key schema as for a KeyConditionExpression. */
  public static KeyCondition keyConditions(Map<String, LegacyCondition> conditions) {
    List<KeyCondition.Part> parts = new ArrayList<>();
    if (conditions != null) {
      for (Map.Entry<String, LegacyCondition> e : conditions.entrySet()) {
        LegacyCondition c = e.getValue();
        List<AttributeValue> values = c.attributeValueList() == null ? List.of() : c.attributeValueList();
        checkArguments(c.comparisonOperator(), values);
        parts.add(new KeyCondition.Part(e.getKey(),
            KeyCondition.Operator.valueOf(c.comparisonOperator().name()), values));
      }
    }
    if (parts.isEmpty()) { // more than two: refused when bound to a key schema that is not multi-attribute
      throw DynamoException.validation("Conditions can be of length 1 or 2 only");
    }
    return new KeyCondition(parts);
  }

  /** AttributeUpdates (UpdateItem). */
  public static Update attributeUpdates(Map<String, AttributeValueUpdate> updates) {
    List<Update.Action> actions = new ArrayList<>();
    if (updates != null) {
      for (Map.Entry<String, AttributeValueUpdate> e : updates.entrySet()) {
        AttributeValueUpdate u = e.getValue();
        AttributeValueUpdate.Action action =
            u.action() == null ? AttributeValueUpdate.Action.PUT : u.action();
        AttributeValue value = u.value();
        DocumentPath path = DocumentPath.of(e.getKey());
        if (value == null) {
          if (action != AttributeValueUpdate.Action.DELETE) {
            throw DynamoException.invalidParameter(
                "Only DELETE action is allowed when no attribute value is specified");
          }
          actions.add(new Update.Action(Syntax.Clause.REMOVE, path, null));
          continue;
        }
        AttributeType type = value.type();
        switch (action) {
          case PUT:
            actions.add(new Update.Action(Syntax.Clause.SET, path, new Operand.Literal(value)));
            break;
          case ADD:
            if (type != AttributeType.N && type != AttributeType.L && !type.isSet()) {
              throw DynamoException.invalidParameter("ADD action is not supported for the type " + type);
            }
            actions.add(new Update.Action(Syntax.Clause.ADD, path, new Operand.Literal(value)));
            break;
          default:
            if (!type.isSet()) {
              throw DynamoException.invalidParameter(
                  "DELETE action with value is not supported for the type " + type);
            }
            actions.add(new Update.Action(Syntax.Clause.DELETE, path, new Operand.Literal(value)));
        }
      }
    }
    return new Update(actions, true);
  }

  /** AttributesToGet (GetItem, BatchGetItem, Query, Scan). */
  public static Projection attributesToGet(List<String> attributeNames) {
    Set<String> seen = new HashSet<>();
    for (String name : attributeNames) {
      if (!seen.add(name)) {
        throw DynamoException.invalidParameter("Duplicate value in attribute name: " + name);
      }
    }
    return Projection.ofAttributes(attributeNames);
  }

  // ---------------------------------------------------------------- conditions

  private static Cond expectedCondition(String attribute, ExpectedAttributeValue e) {
    if (e.comparisonOperator() != null) {
      if (e.exists() != null) {
        throw DynamoException.invalidParameter(
            "Exists and ComparisonOperator cannot be used together for Attribute: " + attribute);
      }
      if (e.attributeValueList() != null && e.value() != null) {
        throw DynamoException.invalidParameter(
            "Value and AttributeValueList cannot be used together for Attribute: " + attribute);
      }
      List<AttributeValue> values = e.attributeValueList() != null ? e.attributeValueList()
          : e.value() != null ? List.of(e.value()) : List.of();
      checkArguments(e.comparisonOperator(), values);
      return comparison(attribute, e.comparisonOperator(), values);
    }
    if (e.attributeValueList() != null) {
      throw DynamoException.invalidParameter(
          "AttributeValueList can only be used with a ComparisonOperator for Attribute: " + attribute);
    }
    boolean exists = e.exists() == null || e.exists();
    if (exists && e.value() == null) {
      throw DynamoException.invalidParameter("Value must be provided when Exists is "
          + (e.exists() == null ? "null" : "true") + " for Attribute: " + attribute);
    }
    if (!exists && e.value() != null) {
      throw DynamoException.invalidParameter(
          "Value cannot be used when Exists is false for Attribute: " + attribute);
    }
    DocumentPath path = DocumentPath.of(attribute);
    return exists
        ? new Cond.Comparison(Cond.Comparator.EQ, new Operand.Path(path), new Operand.Literal(e.value()))
        : new Cond.Exists(path, false);
  }

  /** DynamoDB's argument count and type rules for each ComparisonOperator. */
  static void checkArguments(ComparisonOperator op, List<AttributeValue> values) {
    int n = values.size();
    boolean countOk;
    switch (op) {
      case NULL:
      case NOT_NULL:
        countOk = n == 0;
        break;
      case IN:
        countOk = n >= 1;
        break;
      case BETWEEN:
        countOk = n == 2;
        break;
      default:
        countOk = n == 1;
    }
    if (!countOk) {
      throw DynamoException.invalidParameter(
          "Invalid number of argument(s) for the " + op + " ComparisonOperator");
    }
    for (AttributeValue v : values) {
      if (!typeAllowed(op, v.type())) {
        throw DynamoException.invalidParameter(
            "ComparisonOperator " + op + " is not valid for " + v.type() + " AttributeValue type");
      }
    }
    if ((op == ComparisonOperator.IN || op == ComparisonOperator.BETWEEN) && n > 1) {
      for (AttributeValue v : values) {
        if (v.type() != values.get(0).type()) {
          throw DynamoException.invalidParameter(
              "AttributeValues inside AttributeValueList must be of same type");
        }
      }
    }
    if (op == ComparisonOperator.BETWEEN && Values.compare(values.get(0), values.get(1)) > 0) {
      throw DynamoException.validation(
          "The BETWEEN condition was provided a range where the lower bound is greater than the upper bound");
    }
  }

  private static boolean typeAllowed(ComparisonOperator op, AttributeType type) {
    switch (op) {
      case EQ:
      case NE:
        return true;
      case CONTAINS:
      case NOT_CONTAINS:
        return !type.isSet() && type != AttributeType.M && type != AttributeType.L;
      case BEGINS_WITH:
        return type == AttributeType.S || type == AttributeType.B;
      default:
        return Values.orderable(type);
    }
  }

  private static Cond comparison(String attribute, ComparisonOperator op, List<AttributeValue> values) {
    DocumentPath path = DocumentPath.of(attribute);
    Operand subject = new Operand.Path(path);
    switch (op) {
      case NULL:
        return new Cond.Exists(path, false);
      case NOT_NULL:
        return new Cond.Exists(path, true);
      case CONTAINS:
        return new Cond.Contains(subject, new Operand.Literal(values.get(0)));
      case NOT_CONTAINS: // a missing attribute does not satisfy NOT_CONTAINS
        return new Cond.And(new Cond.Exists(path, true),
            new Cond.Not(new Cond.Contains(subject, new Operand.Literal(values.get(0)))));
      case BEGINS_WITH:
        return new Cond.BeginsWith(subject, new Operand.Literal(values.get(0)));
      case IN: {
        List<Operand> candidates = new ArrayList<>();
        for (AttributeValue v : values) {
          candidates.add(new Operand.Literal(v));
        }
        return new Cond.In(subject, candidates);
      }
      case BETWEEN:
        return new Cond.Between(subject, new Operand.Literal(values.get(0)),
            new Operand.Literal(values.get(1)));
      default:
        return new Cond.Comparison(Cond.Comparator.valueOf(op.name()), subject,
            new Operand.Literal(values.get(0)));
    }
  }

  private static Cond combine(List<Cond> conditions, String conditionalOperator) {
    if (conditions.isEmpty()) {
      return new Cond.Always();
    }
    boolean or = "OR".equals(conditionalOperator);
    Cond result = conditions.get(0);
    for (int i = 1; i < conditions.size(); i++) {
      result = or ? new Cond.Or(result, conditions.get(i)) : new Cond.And(result, conditions.get(i));
    }
    return result;
  }
}
