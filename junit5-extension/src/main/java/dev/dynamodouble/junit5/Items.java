package dev.dynamodouble.junit5;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Short ways to write items and keys in tests: {@code item("pk", "o-1", "total", 12, "paid", true)}.
 *
 * <p>Java values map to DynamoDB types: {@code String} to S, any {@code Number} to N,
 * {@code Boolean} to BOOL, {@code null} to NULL, {@code byte[]}, {@link SdkBytes} and
 * {@link ByteBuffer} to B, {@code Map<String, ?>} to M, {@code List<?>} to L, a {@code Set} of
 * strings, numbers or binaries to SS, NS or BS; an {@link AttributeValue} is kept as is.
 */
public final class Items {
  private Items() {}

  /** An item from name, value, name, value, ... */
  public static Map<String, AttributeValue> item(Object... namesAndValues) {
    if (namesAndValues.length % 2 != 0) {
      throw new IllegalArgumentException("expected name, value pairs but got " + namesAndValues.length + " arguments");
    }
    Map<String, AttributeValue> item = new LinkedHashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      if (!(namesAndValues[i] instanceof String name)) {
        throw new IllegalArgumentException("argument " + i + " must be an attribute name, but is " + namesAndValues[i]);
      }
      item.put(name, value(namesAndValues[i + 1]));
    }
    return item;
  }

  /** A key: the same as {@link #item(Object...)}, for readability. */
  public static Map<String, AttributeValue> key(Object... namesAndValues) {
    return item(namesAndValues);
  }

  /** One attribute value from a Java value. */
  public static AttributeValue value(Object value) {
    if (value == null) {
      return AttributeValue.fromNul(true);
    }
    if (value instanceof AttributeValue attributeValue) {
      return attributeValue;
    }
    if (value instanceof String s) {
      return AttributeValue.fromS(s);
    }
    if (value instanceof Number n) {
      return AttributeValue.fromN(numberText(n));
    }
    if (value instanceof Boolean b) {
      return AttributeValue.fromBool(b);
    }
    if (value instanceof byte[] || value instanceof SdkBytes || value instanceof ByteBuffer) {
      return AttributeValue.fromB(bytes(value));
    }
    if (value instanceof Map<?, ?> map) {
      Map<String, AttributeValue> m = new LinkedHashMap<>();
      map.forEach((k, v) -> m.put(String.valueOf(k), value(v)));
      return AttributeValue.fromM(m);
    }
    if (value instanceof List<?> list) {
      List<AttributeValue> l = new ArrayList<>();
      list.forEach(v -> l.add(value(v)));
      return AttributeValue.fromL(l);
    }
    if (value instanceof Set<?> set) {
      return set(set);
    }
    throw new IllegalArgumentException("no DynamoDB type for " + value.getClass().getName() + ": " + value);
  }

  /** A string set (SS). */
  public static AttributeValue stringSet(String... values) {
    return AttributeValue.fromSs(List.of(values));
  }

  /** A number set (NS). */
  public static AttributeValue numberSet(Number... values) {
    List<String> numbers = new ArrayList<>();
    for (Number n : values) {
      numbers.add(numberText(n));
    }
    return AttributeValue.fromNs(numbers);
  }

  /** A binary (B). */
  public static AttributeValue binary(byte... bytes) {
    return AttributeValue.fromB(SdkBytes.fromByteArray(bytes));
  }

  /** A binary set (BS). */
  public static AttributeValue binarySet(byte[]... values) {
    List<SdkBytes> binaries = new ArrayList<>();
    for (byte[] b : values) {
      binaries.add(SdkBytes.fromByteArray(b));
    }
    return AttributeValue.fromBs(binaries);
  }

  private static AttributeValue set(Collection<?> set) {
    if (set.isEmpty()) {
      throw new IllegalArgumentException("DynamoDB has no empty sets");
    }
    Object first = set.iterator().next();
    if (first instanceof String) {
      List<String> strings = new ArrayList<>();
      set.forEach(v -> strings.add((String) v));
      return AttributeValue.fromSs(strings);
    }
    if (first instanceof Number) {
      List<String> numbers = new ArrayList<>();
      set.forEach(v -> numbers.add(numberText((Number) v)));
      return AttributeValue.fromNs(numbers);
    }
    List<SdkBytes> binaries = new ArrayList<>();
    set.forEach(v -> binaries.add(bytes(v)));
    return AttributeValue.fromBs(binaries);
  }

  private static String numberText(Number n) {
    if (n instanceof BigDecimal d) {
      return d.toString();
    }
    if (n instanceof Double || n instanceof Float) {
      return BigDecimal.valueOf(n.doubleValue()).toString();
    }
    return n.toString();
  }

  private static SdkBytes bytes(Object value) {
    if (value instanceof byte[] b) {
      return SdkBytes.fromByteArray(b);
    }
    if (value instanceof SdkBytes b) {
      return b;
    }
    if (value instanceof ByteBuffer b) {
      return SdkBytes.fromByteBuffer(b);
    }
    throw new IllegalArgumentException("not a binary value: " + value);
  }
}
