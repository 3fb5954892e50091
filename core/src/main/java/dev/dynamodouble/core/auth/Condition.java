package dev.dynamodouble.core.auth;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One condition of a statement: an operator (with an optional ForAllValues:/ForAnyValue: set
 * qualifier and IfExists suffix), a context key and the policy's values, each also read once, when
 * the policy is loaded, as the operand the operator compares with ({@code operands}, in order).
 */
record Condition(String operator, Set set, boolean ifExists, String key, List<String> values, List<Operand> operands) {
  /** How a condition treats a key with several values. */
  enum Set { SINGLE, FOR_ALL_VALUES, FOR_ANY_VALUE }

  /** One policy value as its operator reads it: whether a request value matches it (before negation). */
  @FunctionalInterface
  interface Operand {
    boolean matches(String requestValue, AccessRequest request);
  }

  private static final java.util.Set<String> OPERATORS = java.util.Set.of("StringEquals", "StringNotEquals",
      "StringEqualsIgnoreCase", "StringNotEqualsIgnoreCase", "StringLike", "StringNotLike", "ArnEquals", "ArnLike",
      "ArnNotEquals", "ArnNotLike", "NumericEquals", "NumericNotEquals", "NumericLessThan", "NumericLessThanEquals",
      "NumericGreaterThan", "NumericGreaterThanEquals", "DateEquals", "DateNotEquals", "DateLessThan",
      "DateLessThanEquals", "DateGreaterThan", "DateGreaterThanEquals", "Bool", "Null", "IpAddress", "NotIpAddress");
  /** Global keys no policy here can rely on: refused rather than silently never present. */
  private static final java.util.Set<String> UNSUPPORTED_KEYS = java.util.Set.of("aws:userid");

  static Condition parse(String qualifiedOperator, String key, List<String> values, String where) {
    String operator = qualifiedOperator;
    Set set = Set.SINGLE;
    if (operator.startsWith("ForAllValues:")) {
      set = Set.FOR_ALL_VALUES;
      operator = operator.substring(13);
    } else if (operator.startsWith("ForAnyValue:")) {
      set = Set.FOR_ANY_VALUE;
      operator = operator.substring(12);
    }
    boolean ifExists = operator.endsWith("IfExists") && !operator.equals("Null");
    if (ifExists) {
      operator = operator.substring(0, operator.length() - 8);
    }
    if (!OPERATORS.contains(operator)) {
      throw new PolicyException(where + ": unsupported condition operator " + qualifiedOperator);
    }
    List<Operand> operands = new ArrayList<>(values.size());
    for (String v : values) {
      operands.add(operand(operator, v, where));
    }
    if (UNSUPPORTED_KEYS.contains(key.toLowerCase(Locale.ROOT))) {
      throw new PolicyException(where + ": condition key " + key + " is not supported (principals here have no "
          + "unique ids); use aws:PrincipalArn");
    }
    return new Condition(operator, set, ifExists, key.toLowerCase(Locale.ROOT), List.copyOf(values),
        List.copyOf(operands));
  }

  /**
   * A policy value read as {@code operator} compares with it, or the PolicyException for a value it
   * cannot take. Numbers, IP blocks and dates are parsed here, once; only a date with a policy
   * variable (${...}) waits for the request, as strings and ARNs do.
   */
  private static Operand operand(String operator, String raw, String where) {
    if ((operator.equals("Null") || operator.equals("Bool")) && !raw.equalsIgnoreCase("true")
        && !raw.equalsIgnoreCase("false")) {
      throw new PolicyException(where + ": " + operator + " takes true or false, not " + raw);
    }
    if (operator.startsWith("Numeric")) {
      BigDecimal number = number(raw, where);
      return (value, request) -> {
        BigDecimal a = decimal(value);
        return a != null && compared(operator, a.compareTo(number));
      };
    }
    if (operator.startsWith("Date")) {
      boolean variable = raw.contains("${");
      Instant literal = variable ? null : ConditionValues.date(raw);
      if (!variable && literal == null) {
        throw new PolicyException(where + ": " + operator + " takes dates (ISO 8601, e.g. 2026-01-01T00:00:00Z, or "
            + "epoch seconds), not " + raw);
      }
      return (value, request) -> {
        Instant a = ConditionValues.date(value);
        Instant b = variable ? ConditionValues.date(request.substitute(raw)) : literal;
        return a != null && b != null && compared(operator, a.compareTo(b));
      };
    }
    if (operator.endsWith("IpAddress")) {
      ConditionValues.Block block = ConditionValues.block(raw);
      if (block == null) {
        throw new PolicyException(where + ": " + operator + " takes IP addresses or CIDR blocks, e.g. "
            + "203.0.113.0/24, not " + raw);
      }
      return (value, request) -> block.contains(value);
    }
    return (value, request) -> textMatch(operator, value, request.substitute(raw));
  }

  boolean holds(AccessRequest request) {
    List<String> actual = request.values(key);
    if (operator.equals("Null")) {
      boolean absent = actual == null || actual.isEmpty();
      for (String v : values) {
        if (Boolean.parseBoolean(v.toLowerCase(Locale.ROOT)) == absent) {
          return true;
        }
      }
      return false;
    }
    if (actual == null || actual.isEmpty()) {
      return switch (set) {
        case FOR_ALL_VALUES -> true;
        case FOR_ANY_VALUE -> false;
        case SINGLE -> ifExists || negated();
      };
    }
    boolean negated = negated();
    switch (set) {
      case FOR_ALL_VALUES -> {
        for (String value : actual) {
          if (!matches(value, request)) {
            return false;
          }
        }
        return true;
      }
      case FOR_ANY_VALUE -> {
        for (String value : actual) {
          if (matches(value, request)) {
            return true;
          }
        }
        return false;
      }
      default -> {
        // A plain operator on a key with several values: positive ones need one match, negated ones all.
        for (String value : actual) {
          boolean match = matches(value, request);
          if (match && !negated) {
            return true;
          }
          if (!match && negated) {
            return false;
          }
        }
        return negated;
      }
    }
  }

  private boolean negated() {
    return operator.contains("Not");
  }

  /** Whether one request value satisfies the operator against the policy's values. */
  private boolean matches(String value, AccessRequest request) {
    boolean any = false;
    for (Operand operand : operands) {
      if (operand.matches(value, request)) {
        any = true;
        break;
      }
    }
    return any != negated();
  }

  /** The String, Arn and Bool operators, on a policy value with its variables substituted. */
  private static boolean textMatch(String operator, String value, String policyValue) {
    switch (operator) {
      case "StringEquals", "StringNotEquals":
        return value.equals(policyValue);
      case "StringEqualsIgnoreCase", "StringNotEqualsIgnoreCase", "Bool":
        return value.equalsIgnoreCase(policyValue);
      default: // StringLike, StringNotLike and the Arn operators
        return Wildcard.matches(policyValue, value, false);
    }
  }

  /**
   * Whether a comparison's result {@code c} (request value against policy value) satisfies the
   * Numeric or Date operator, before negation (NotEquals matches as Equals here; see {@link #negated}).
   */
  private static boolean compared(String operator, int c) {
    if (operator.endsWith("LessThanEquals")) {
      return c <= 0;
    }
    if (operator.endsWith("LessThan")) {
      return c < 0;
    }
    if (operator.endsWith("GreaterThanEquals")) {
      return c >= 0;
    }
    if (operator.endsWith("GreaterThan")) {
      return c > 0;
    }
    return c == 0; // Equals, NotEquals
  }

  /** A request's number, or null when it is not one (it then matches no Numeric operand). */
  private static BigDecimal decimal(String text) {
    try {
      return new BigDecimal(text);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static BigDecimal number(String text, String where) {
    try {
      return new BigDecimal(text);
    } catch (NumberFormatException e) {
      throw new PolicyException(where + ": '" + text + "' is not a number");
    }
  }
}
