package dev.dynamodouble.core.auth;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

/**
 * One condition of a statement: an operator (with an optional ForAllValues:/ForAnyValue: set
 * qualifier and IfExists suffix), a context key and the policy's values.
 */
record Condition(String operator, Set set, boolean ifExists, String key, List<String> values) {
  /** How a condition treats a key with several values. */
  enum Set { SINGLE, FOR_ALL_VALUES, FOR_ANY_VALUE }

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
    if (operator.equals("Null") || operator.equals("Bool")) {
      for (String v : values) {
        if (!v.equalsIgnoreCase("true") && !v.equalsIgnoreCase("false")) {
          throw new PolicyException(where + ": " + operator + " takes true or false, not " + v);
        }
      }
    }
    if (operator.startsWith("Numeric")) {
      for (String v : values) {
        number(v, where);
      }
    }
    for (String v : values) {
      if (operator.startsWith("Date") && !v.contains("${") && ConditionValues.date(v) == null) {
        throw new PolicyException(where + ": " + operator + " takes dates (ISO 8601, e.g. 2026-01-01T00:00:00Z, or "
            + "epoch seconds), not " + v);
      }
      if (operator.endsWith("IpAddress") && ConditionValues.block(v) == null) {
        throw new PolicyException(where + ": " + operator + " takes IP addresses or CIDR blocks, e.g. "
            + "203.0.113.0/24, not " + v);
      }
    }
    if (UNSUPPORTED_KEYS.contains(key.toLowerCase(Locale.ROOT))) {
      throw new PolicyException(where + ": condition key " + key + " is not supported (principals here have no "
          + "unique ids); use aws:PrincipalArn");
    }
    return new Condition(operator, set, ifExists, key.toLowerCase(Locale.ROOT), List.copyOf(values));
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
    for (String raw : values) {
      String policyValue = request.substitute(raw);
      if (positiveMatch(value, policyValue)) {
        any = true;
        break;
      }
    }
    return any != negated();
  }

  private boolean positiveMatch(String value, String policyValue) {
    switch (operator) {
      case "StringEquals", "StringNotEquals", "ArnEquals", "ArnNotEquals":
        return operator.startsWith("Arn") ? Wildcard.matches(policyValue, value, false) : value.equals(policyValue);
      case "StringEqualsIgnoreCase", "StringNotEqualsIgnoreCase":
        return value.equalsIgnoreCase(policyValue);
      case "StringLike", "StringNotLike", "ArnLike", "ArnNotLike":
        return Wildcard.matches(policyValue, value, false);
      case "Bool":
        return value.equalsIgnoreCase(policyValue);
      case "IpAddress", "NotIpAddress":
        ConditionValues.Block block = ConditionValues.block(policyValue);
        return block != null && block.contains(value);
      case "DateEquals", "DateNotEquals", "DateLessThan", "DateLessThanEquals", "DateGreaterThan",
           "DateGreaterThanEquals":
        return date(value, policyValue);
      default:
        return numeric(value, policyValue);
    }
  }

  private boolean numeric(String value, String policyValue) {
    BigDecimal a;
    try {
      a = new BigDecimal(value);
    } catch (NumberFormatException e) {
      return false;
    }
    return compared(a.compareTo(number(policyValue, "condition")));
  }

  private boolean date(String value, String policyValue) {
    java.time.Instant a = ConditionValues.date(value);
    java.time.Instant b = ConditionValues.date(policyValue);
    if (a == null || b == null) {
      return false;
    }
    return compared(a.compareTo(b));
  }

  /**
   * Whether a comparison's result {@code c} (request value against policy value) satisfies the
   * Numeric or Date operator, before negation (NotEquals matches as Equals here; see {@link #negated}).
   */
  private boolean compared(int c) {
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

  private static BigDecimal number(String text, String where) {
    try {
      return new BigDecimal(text);
    } catch (NumberFormatException e) {
      throw new PolicyException(where + ": '" + text + "' is not a number");
    }
  }
}
