package dev.dynamodouble.core.expression;

import dev.dynamodouble.core.value.AttributeType;
import dev.dynamodouble.core.value.AttributeValue;
import dev.dynamodouble.core.value.KeyOrder;
import java.util.Arrays;
import java.util.Base64;

/** DynamoDB's comparison, size, prefix and membership semantics for attribute values. */
final class Values {
  private Values() {}

  /** Deep equality: same type and same value; sets ignore order, numbers compare by value. */
  static boolean equal(AttributeValue a, AttributeValue b) {
    return a.equals(b);
  }

  /** Whether the type has an order ({@code <}, {@code BETWEEN}): strings, numbers, binaries. */
  static boolean orderable(AttributeType type) {
    return type == AttributeType.S || type == AttributeType.N || type == AttributeType.B;
  }

  /**
   * Orders two values of the same orderable type (strings by UTF-8 bytes, numbers by value,
   * binaries as unsigned bytes). Null when either is missing, the types differ or are unordered.
   */
  static Integer compare(AttributeValue a, AttributeValue b) {
    if (a == null || b == null || a.type() != b.type() || !orderable(a.type())) {
      return null;
    }
    return KeyOrder.INSTANCE.compare(a, b);
  }

  /**
   * {@code size()}: the length of a string in UTF-16 code units (as DynamoDB counts it), the bytes
   * of a binary, the elements of a set or list, the entries of a map; null for other types.
   */
  static AttributeValue size(AttributeValue v) {
    long size;
    if (v instanceof AttributeValue.S s) {
      size = s.value().length();
    } else if (v instanceof AttributeValue.B b) {
      size = b.bytes().length;
    } else if (v instanceof AttributeValue.SS ss) {
      size = ss.value().size();
    } else if (v instanceof AttributeValue.NS ns) {
      size = ns.value().size();
    } else if (v instanceof AttributeValue.BS bs) {
      size = bs.value().size();
    } else if (v instanceof AttributeValue.L l) {
      size = l.value().size();
    } else if (v instanceof AttributeValue.M m) {
      size = m.value().size();
    } else {
      return null;
    }
    return AttributeValue.number(size);
  }

  static boolean beginsWith(AttributeValue value, AttributeValue prefix) {
    if (value instanceof AttributeValue.S s && prefix instanceof AttributeValue.S p) {
      return s.value().startsWith(p.value());
    }
    if (value instanceof AttributeValue.B b && prefix instanceof AttributeValue.B p) {
      byte[] bytes = b.bytes();
      byte[] start = p.bytes();
      return start.length <= bytes.length
          && Arrays.equals(bytes, 0, start.length, start, 0, start.length);
    }
    return false;
  }

  /** Substring of a string or binary, member of a set, or element of a list. */
  static boolean contains(AttributeValue container, AttributeValue element) {
    if (container instanceof AttributeValue.S s) {
      return element instanceof AttributeValue.S e && s.value().contains(e.value());
    }
    if (container instanceof AttributeValue.B b) {
      return element instanceof AttributeValue.B e && indexOf(b.bytes(), e.bytes()) >= 0;
    }
    if (container instanceof AttributeValue.SS ss) {
      return element instanceof AttributeValue.S e && ss.value().contains(e.value());
    }
    if (container instanceof AttributeValue.NS ns) {
      return element instanceof AttributeValue.N && ns.value().contains(element);
    }
    if (container instanceof AttributeValue.BS bs) {
      return element instanceof AttributeValue.B && bs.value().contains(element);
    }
    if (container instanceof AttributeValue.L list) {
      for (AttributeValue v : list.value()) {
        if (equal(v, element)) {
          return true;
        }
      }
    }
    return false;
  }

  private static int indexOf(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  /** A scalar as DynamoDB prints it in BETWEEN messages: {@code {N:1}}, {@code {S:a}}. */
  static String render(AttributeValue v) {
    String text;
    if (v instanceof AttributeValue.S s) {
      text = s.value();
    } else if (v instanceof AttributeValue.N n) {
      text = n.text();
    } else if (v instanceof AttributeValue.B b) {
      text = Base64.getEncoder().encodeToString(b.bytes());
    } else {
      text = v.toString();
    }
    return "{" + v.type().name() + ":" + text + "}";
  }
}
