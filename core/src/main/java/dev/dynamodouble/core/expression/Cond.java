package dev.dynamodouble.core.expression;

import dev.dynamodouble.core.value.AttributeType;
import dev.dynamodouble.core.value.AttributeValue;
import java.util.List;
import java.util.Map;

/** A resolved condition node. Missing attributes make comparisons false, never errors. */
sealed interface Cond
    permits Cond.Comparison, Cond.Between, Cond.In, Cond.Exists, Cond.TypeIs, Cond.BeginsWith,
        Cond.Contains, Cond.And, Cond.Or, Cond.Not, Cond.Always {

  boolean test(Map<String, AttributeValue> item);

  /** The six comparators, with their spelling in expressions. */
  enum Comparator {
    EQ("="), NE("<>"), LT("<"), LE("<="), GT(">"), GE(">=");

    final String symbol;

    Comparator(String symbol) {
      this.symbol = symbol;
    }

    static Comparator of(String symbol) {
      for (Comparator c : values()) {
        if (c.symbol.equals(symbol)) {
          return c;
        }
      }
      throw new IllegalArgumentException(symbol);
    }

    /** The comparator that holds with the operands swapped ({@code a < b} iff {@code b > a}). */
    Comparator flipped() {
      switch (this) {
        case LT: return GT;
        case LE: return GE;
        case GT: return LT;
        case GE: return LE;
        default: return this;
      }
    }

    boolean holds(AttributeValue a, AttributeValue b) {
      switch (this) {
        case EQ:
          return a != null && b != null && Values.equal(a, b);
        case NE:
          return a == null || b == null || !Values.equal(a, b);
        default:
          Integer c = Values.compare(a, b);
          if (c == null) {
            return false;
          }
          switch (this) {
            case LT: return c < 0;
            case LE: return c <= 0;
            case GT: return c > 0;
            default: return c >= 0;
          }
      }
    }
  }

  record Comparison(Comparator comparator, Operand left, Operand right) implements Cond {
    public boolean test(Map<String, AttributeValue> item) {
      return comparator.holds(left.read(item), right.read(item));
    }
  }

  record Between(Operand subject, Operand lower, Operand upper) implements Cond {
    public boolean test(Map<String, AttributeValue> item) {
      AttributeValue v = subject.read(item);
      Integer low = Values.compare(v, lower.read(item));
      if (low == null || low < 0) {
        return false;
      }
      Integer high = Values.compare(v, upper.read(item));
      return high != null && high <= 0;
    }
  }

  record In(Operand subject, List<Operand> candidates) implements Cond {
    public boolean test(Map<String, AttributeValue> item) {
      AttributeValue v = subject.read(item);
      if (v == null) {
        return false;
      }
      for (Operand c : candidates) {
        AttributeValue w = c.read(item);
        if (w != null && Values.equal(v, w)) {
          return true;
        }
      }
      return false;
    }
  }

  /** {@code attribute_exists(path)} when {@code exists}, else {@code attribute_not_exists(path)}. */
  record Exists(DocumentPath path, boolean exists) implements Cond {
    public boolean test(Map<String, AttributeValue> item) {
      return (path.resolve(item) != null) == exists;
    }

    String functionName() {
      return exists ? "attribute_exists" : "attribute_not_exists";
    }
  }

  /** {@code attribute_type(operand, :type)}. */
  record TypeIs(Operand operand, AttributeType type) implements Cond {
    public boolean test(Map<String, AttributeValue> item) {
      AttributeValue v = operand.read(item);
      return v != null && v.type() == type;
    }
  }

  record BeginsWith(Operand value, Operand prefix) implements Cond {
    public boolean test(Map<String, AttributeValue> item) {
      AttributeValue v = value.read(item);
      AttributeValue p = prefix.read(item);
      return v != null && p != null && Values.beginsWith(v, p);
    }
  }

  record Contains(Operand container, Operand element) implements Cond {
    public boolean test(Map<String, AttributeValue> item) {
      AttributeValue c = container.read(item);
      AttributeValue e = element.read(item);
      return c != null && e != null && Values.contains(c, e);
    }
  }

  record And(Cond left, Cond right) implements Cond {
    public boolean test(Map<String, AttributeValue> item) {
      return left.test(item) && right.test(item);
    }
  }

  record Or(Cond left, Cond right) implements Cond {
    public boolean test(Map<String, AttributeValue> item) {
      return left.test(item) || right.test(item);
    }
  }

  record Not(Cond inner) implements Cond {
    public boolean test(Map<String, AttributeValue> item) {
      return !inner.test(item);
    }
  }

  /** The condition of an empty legacy Expected or filter: always true. */
  record Always() implements Cond {
    public boolean test(Map<String, AttributeValue> item) {
      return true;
    }
  }
}
