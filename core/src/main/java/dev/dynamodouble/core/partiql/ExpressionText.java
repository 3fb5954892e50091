package dev.dynamodouble.core.partiql;

import dev.dynamodouble.core.error.DynamoException;
import dev.dynamodouble.core.expression.DocumentPath;
import dev.dynamodouble.core.value.AttributeType;
import dev.dynamodouble.core.value.AttributeValue;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes statement expressions as DynamoDB expression text in which every attribute name is a
 * {@code #n} placeholder and every value a {@code :v} placeholder, so no name or value needs
 * escaping and the engine's own expression parser builds the AST that is evaluated.
 */
final class ExpressionText {
  private final Map<String, String> names = new LinkedHashMap<>();
  private final Map<String, String> placeholderOfName = new HashMap<>();
  private final Map<String, AttributeValue> values = new LinkedHashMap<>();

  /** ExpressionAttributeNames, or null when no expression named an attribute. */
  Map<String, String> names() {
    return names.isEmpty() ? null : names;
  }

  /** ExpressionAttributeValues, or null when no expression used a value. */
  Map<String, AttributeValue> values() {
    return values.isEmpty() ? null : values;
  }

  String path(DocumentPath path) {
    StringBuilder out = new StringBuilder();
    for (DocumentPath.Element e : path.elements()) {
      if (e instanceof DocumentPath.Name n) {
        if (out.length() > 0) {
          out.append('.');
        }
        out.append(name(n.name()));
      } else {
        out.append('[').append(((DocumentPath.Index) e).index()).append(']');
      }
    }
    return out.toString();
  }

  String name(String attribute) {
    return placeholderOfName.computeIfAbsent(attribute, a -> {
      String placeholder = "#n" + names.size();
      names.put(placeholder, a);
      return placeholder;
    });
  }

  String value(AttributeValue value) {
    String placeholder = ":v" + values.size();
    values.put(placeholder, value);
    return placeholder;
  }

  /** Binds a placeholder of the caller's choosing (it must not look like ours: {@code :v<n>}). */
  void reserve(String placeholder, AttributeValue value) {
    values.put(placeholder, value);
  }

  /** A condition (WHERE) as ConditionExpression / FilterExpression / KeyConditionExpression text. */
  String condition(Expr e) {
    if (e instanceof Expr.And and) {
      return "(" + condition(and.left()) + " AND " + condition(and.right()) + ")";
    }
    if (e instanceof Expr.Or or) {
      return "(" + condition(or.left()) + " OR " + condition(or.right()) + ")";
    }
    if (e instanceof Expr.Not not) {
      return "(NOT " + condition(not.inner()) + ")";
    }
    if (e instanceof Expr.Compare c) {
      return operand(c.left()) + " " + c.op() + " " + operand(c.right());
    }
    if (e instanceof Expr.Between b) {
      return operand(b.subject()) + " BETWEEN " + operand(b.low()) + " AND " + operand(b.high());
    }
    if (e instanceof Expr.In in) {
      return in(in);
    }
    if (e instanceof Expr.IsMissing m) {
      return (m.missing() ? "attribute_not_exists(" : "attribute_exists(") + path(m.subject().path()) + ")";
    }
    if (e instanceof Expr.IsNull n) {
      // PartiQL: a missing attribute IS NULL too.
      String p = path(n.subject().path());
      String text = "(attribute_not_exists(" + p + ") OR attribute_type(" + p + ", "
          + value(new AttributeValue.S(AttributeType.NULL.name())) + "))";
      return n.isNull() ? text : "(NOT " + text + ")";
    }
    if (e instanceof Expr.Call call) {
      return conditionFunction(call);
    }
    throw StatementErrors.unsupported("Unsupported operation: a value is not a condition");
  }

  private String in(Expr.In in) {
    List<Expr> candidates = in.candidates();
    if (candidates.size() == 1 && candidates.get(0) instanceof Expr.Value v && v.value() instanceof AttributeValue.L list) {
      candidates = list.value().stream().<Expr>map(Expr.Value::new).toList(); // IN ? bound to a list
    }
    if (candidates.isEmpty()) {
      throw StatementErrors.syntax("Unexpected empty IN list");
    }
    StringBuilder out = new StringBuilder(operand(in.subject())).append(" IN (");
    for (int i = 0; i < candidates.size(); i++) {
      out.append(i == 0 ? "" : ", ").append(operand(candidates.get(i)));
    }
    return out.append(')').toString();
  }

  private String conditionFunction(Expr.Call call) {
    switch (call.name()) {
      case "begins_with":
      case "contains":
        arity(call, 2);
        return call.name() + "(" + operand(call.arguments().get(0)) + ", " + operand(call.arguments().get(1)) + ")";
      case "attribute_type":
        arity(call, 2);
        return "attribute_type(" + operand(call.arguments().get(0)) + ", " + operand(call.arguments().get(1)) + ")";
      case "exists":
        arity(call, 1);
        return "attribute_exists(" + operand(call.arguments().get(0)) + ")";
      default:
        throw unsupportedFunction(call.name());
    }
  }

  /** An operand of a comparison: a path, a value, or size(path). */
  String operand(Expr e) {
    if (e instanceof Expr.Path p) {
      return path(p.path());
    }
    if (e instanceof Expr.Value v) {
      return value(v.value());
    }
    if (e instanceof Expr.Call call && call.name().equals("size")) {
      arity(call, 1);
      return "size(" + operand(call.arguments().get(0)) + ")";
    }
    if (e instanceof Expr.Call call) {
      throw unsupportedFunction(call.name());
    }
    throw StatementErrors.unsupported("Unsupported operation: a condition is not a value");
  }

  /** An assigned value of UPDATE ... SET: operand, a + b, a - b, list_append, if_not_exists. */
  String assigned(Expr e) {
    if (e instanceof Expr.Arithmetic a) {
      return assigned(a.left()) + (a.plus() ? " + " : " - ") + assigned(a.right());
    }
    if (e instanceof Expr.Call call && (call.name().equals("list_append") || call.name().equals("if_not_exists"))) {
      arity(call, 2);
      return call.name() + "(" + assigned(call.arguments().get(0)) + ", " + assigned(call.arguments().get(1)) + ")";
    }
    return operand(e);
  }

  private static void arity(Expr.Call call, int n) {
    if (call.arguments().size() != n) {
      throw DynamoException.validation("Incorrect number of arguments for function " + call.name()
          + ": expected " + n + ", got " + call.arguments().size());
    }
  }

  static DynamoException unsupportedFunction(String name) {
    return StatementErrors.unsupported("Unrecognized function: " + name);
  }
}
