package dev.dynamodouble.junit5.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.TreeMap;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Compares and prints attribute values the way DynamoDB means them: numbers by value, sets without
 * order; printed compactly with their type, e.g. {@code {pk=S:"o-1", total=N:12, tags=SS:["a"]}}.
 */
public final class Values {
  private Values() {}

  /** Whether two items hold the same attributes with equivalent values. */
  public static boolean sameItem(Map<String, AttributeValue> a, Map<String, AttributeValue> b) {
    if (a.size() != b.size()) {
      return false;
    }
    for (Map.Entry<String, AttributeValue> entry : a.entrySet()) {
      AttributeValue other = b.get(entry.getKey());
      if (other == null || !same(entry.getValue(), other)) {
        return false;
      }
    }
    return true;
  }

  /** Whether two values are equivalent: same type, numbers equal by value, sets equal ignoring order. */
  public static boolean same(AttributeValue a, AttributeValue b) {
    if (a.type() != b.type()) {
      return false;
    }
    switch (a.type()) {
      case S:
        return a.s().equals(b.s());
      case N:
        return sameNumber(a.n(), b.n());
      case B:
        return a.b().equals(b.b());
      case BOOL:
        return a.bool().equals(b.bool());
      case NUL:
        return true;
      case M:
        return sameItem(a.m(), b.m());
      case L: {
        if (a.l().size() != b.l().size()) {
          return false;
        }
        for (int i = 0; i < a.l().size(); i++) {
          if (!same(a.l().get(i), b.l().get(i))) {
            return false;
          }
        }
        return true;
      }
      case SS:
        return new HashSet<>(a.ss()).equals(new HashSet<>(b.ss()));
      case NS:
        return numberSet(a.ns()).equals(numberSet(b.ns()));
      case BS:
        return new HashSet<>(a.bs()).equals(new HashSet<>(b.bs()));
      default:
        return a.equals(b);
    }
  }

  private static boolean sameNumber(String a, String b) {
    try {
      return new BigDecimal(a).compareTo(new BigDecimal(b)) == 0;
    } catch (NumberFormatException e) {
      return a.equals(b);
    }
  }

  private static Set<BigDecimal> numberSet(List<String> numbers) {
    Set<BigDecimal> set = new HashSet<>();
    for (String n : numbers) {
      try {
        set.add(new BigDecimal(n).stripTrailingZeros());
      } catch (NumberFormatException e) {
        set.add(null);
      }
    }
    return set;
  }

  /** {@code {a=S:"x", n=N:1}} with attributes in name order. */
  public static String text(Map<String, AttributeValue> item) {
    StringJoiner joiner = new StringJoiner(", ", "{", "}");
    new TreeMap<>(item).forEach((name, value) -> joiner.add(name + "=" + text(value)));
    return joiner.toString();
  }

  /** {@code {a=S:"x", n=N:1}}, cut to about {@code max} characters. */
  public static String text(Map<String, AttributeValue> item, int max) {
    String text = text(item);
    return text.length() <= max ? text : text.substring(0, Math.max(0, max - 4)) + " ...}";
  }

  public static String text(AttributeValue value) {
    switch (value.type()) {
      case S:
        return "S:\"" + value.s() + "\"";
      case N:
        return "N:" + value.n();
      case B:
        return "B:" + base64(value.b());
      case BOOL:
        return "BOOL:" + value.bool();
      case NUL:
        return "NULL";
      case M: {
        StringJoiner joiner = new StringJoiner(", ", "M:{", "}");
        new TreeMap<>(value.m()).forEach((name, v) -> joiner.add(name + "=" + text(v)));
        return joiner.toString();
      }
      case L: {
        StringJoiner joiner = new StringJoiner(", ", "L:[", "]");
        value.l().forEach(v -> joiner.add(text(v)));
        return joiner.toString();
      }
      case SS: {
        StringJoiner joiner = new StringJoiner(", ", "SS:[", "]");
        value.ss().stream().sorted().forEach(s -> joiner.add("\"" + s + "\""));
        return joiner.toString();
      }
      case NS: {
        List<String> numbers = new ArrayList<>(value.ns());
        numbers.sort((x, y) -> compareNumbers(x, y));
        return "NS:" + numbers.toString().replace(" ", "");
      }
      case BS: {
        StringJoiner joiner = new StringJoiner(", ", "BS:[", "]");
        value.bs().stream().map(Values::base64).sorted().forEach(joiner::add);
        return joiner.toString();
      }
      default:
        return String.valueOf(value);
    }
  }

  private static int compareNumbers(String a, String b) {
    try {
      return new BigDecimal(a).compareTo(new BigDecimal(b));
    } catch (NumberFormatException e) {
      return a.compareTo(b);
    }
  }

  private static String base64(SdkBytes bytes) {
    return Base64.getEncoder().encodeToString(bytes.asByteArray());
  }
}
