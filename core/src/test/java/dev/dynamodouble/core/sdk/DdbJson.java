package dev.dynamodouble.core.sdk;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Compact DynamoDB JSON for SDK-level case tables: {@code {a: {S: 'x'}, b: {N: '1'}}} (single
 * quotes, unquoted field names, B as base64) to SDK attribute values; placeholder maps cut down to
 * what an expression uses; and a canonical form of items that compares sets without their order.
 */
final class DdbJson {
  private static final ObjectMapper JSON = new ObjectMapper()
      .configure(JsonParser.Feature.ALLOW_SINGLE_QUOTES, true)
      .configure(JsonParser.Feature.ALLOW_UNQUOTED_FIELD_NAMES, true);
  private static final Pattern PLACEHOLDER = Pattern.compile("[#:][A-Za-z0-9_]+");

  private DdbJson() {}

  /** An item or placeholder map; null stays null. */
  static Map<String, AttributeValue> item(String json) {
    return json == null ? null : map(read(json));
  }

  static AttributeValue value(String json) {
    return value(read(json));
  }

  /**
   * {@code base} with the changes applied: {@code {s: {S: 'y'}, t: '-'}} sets s and removes t
   * (a bare string instead of a typed value means "removed").
   */
  static Map<String, AttributeValue> changed(Map<String, AttributeValue> base, String changes) {
    Map<String, AttributeValue> out = new LinkedHashMap<>(base);
    Iterator<Map.Entry<String, JsonNode>> it = read(changes).fields();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> e = it.next();
      if (e.getValue().isTextual()) {
        out.remove(e.getKey());
      } else {
        out.put(e.getKey(), value(e.getValue()));
      }
    }
    return out;
  }

  /** ExpressionAttributeNames from pairs: names("#a", "a", "#b", "b"). */
  static Map<String, String> names(String... pairs) {
    Map<String, String> m = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      m.put(pairs[i], pairs[i + 1]);
    }
    return m;
  }

  /**
   * The entries of {@code all} whose key occurs as a placeholder token in one of the expressions,
   * or null when none does (DynamoDB refuses both unused entries and empty maps).
   */
  static <V> Map<String, V> used(Map<String, V> all, String... expressions) {
    if (all == null) {
      return null;
    }
    Set<String> tokens = new TreeSet<>();
    for (String expression : expressions) {
      if (expression != null) {
        Matcher m = PLACEHOLDER.matcher(expression);
        while (m.find()) {
          tokens.add(m.group());
        }
      }
    }
    Map<String, V> out = new LinkedHashMap<>();
    for (Map.Entry<String, V> e : all.entrySet()) {
      if (tokens.contains(e.getKey())) {
        out.put(e.getKey(), e.getValue());
      }
    }
    return out.isEmpty() ? null : out;
  }

  /** A copy of {@code base} with {@code extra}'s entries added (either may be null). */
  static <V> Map<String, V> plus(Map<String, V> base, Map<String, V> extra) {
    Map<String, V> out = new LinkedHashMap<>();
    if (base != null) {
      out.putAll(base);
    }
    if (extra != null) {
      out.putAll(extra);
    }
    return out;
  }

  /**
   * A comparable rendering of an item: maps sorted by key, sets as sorted sets, numbers and
   * strings kept exactly as sent (so "5" and "5.0" differ), binaries as base64. Null and an empty
   * item are both {@code {}}, as the SDK does not tell an absent map from an empty one.
   */
  static Object canonical(Map<String, AttributeValue> item) {
    return canonical(item, false);
  }

  /** As {@link #canonical(Map)}, but numbers compare by value ("9e125" equals "9E+125"). */
  static Object canonicalByValue(Map<String, AttributeValue> item) {
    return canonical(item, true);
  }

  private static Object canonical(Map<String, AttributeValue> item, boolean byValue) {
    Map<String, Object> out = new TreeMap<>();
    if (item != null) {
      item.forEach((k, v) -> out.put(k, canonical(v, byValue)));
    }
    return out;
  }

  private static String number(String n, boolean byValue) {
    return byValue ? new BigDecimal(n).stripTrailingZeros().toString() : n;
  }

  static Object canonical(AttributeValue v) {
    return canonical(v, false);
  }

  private static Object canonical(AttributeValue v, boolean byValue) {
    switch (v.type()) {
      case S:
        return "S:" + v.s();
      case N:
        return "N:" + number(v.n(), byValue);
      case B:
        return "B:" + base64(v.b());
      case BOOL:
        return "BOOL:" + v.bool();
      case NUL:
        return "NULL";
      case SS:
        return "SS:" + new TreeSet<>(v.ss());
      case NS: {
        TreeSet<String> set = new TreeSet<>();
        v.ns().forEach(n -> set.add(number(n, byValue)));
        return "NS:" + set;
      }
      case BS: {
        TreeSet<String> set = new TreeSet<>();
        v.bs().forEach(b -> set.add(base64(b)));
        return "BS:" + set;
      }
      case L: {
        List<Object> list = new ArrayList<>();
        v.l().forEach(x -> list.add(canonical(x, byValue)));
        return list;
      }
      case M:
        return canonical(v.m(), byValue);
      default:
        throw new IllegalArgumentException("unknown type " + v);
    }
  }

  private static String base64(SdkBytes bytes) {
    return Base64.getEncoder().encodeToString(bytes.asByteArray());
  }

  private static JsonNode read(String json) {
    try {
      return JSON.readTree(json);
    } catch (Exception e) {
      throw new IllegalArgumentException(json, e);
    }
  }

  private static Map<String, AttributeValue> map(JsonNode node) {
    Map<String, AttributeValue> m = new LinkedHashMap<>();
    Iterator<Map.Entry<String, JsonNode>> it = node.fields();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> e = it.next();
      m.put(e.getKey(), value(e.getValue()));
    }
    return m;
  }

  private static AttributeValue value(JsonNode node) {
    Map.Entry<String, JsonNode> e = node.fields().next();
    JsonNode v = e.getValue();
    switch (e.getKey()) {
      case "S":
        return AttributeValue.fromS(v.asText());
      case "N":
        return AttributeValue.fromN(v.asText());
      case "B":
        return AttributeValue.fromB(bytes(v.asText()));
      case "BOOL":
        return AttributeValue.fromBool(v.asBoolean());
      case "NULL":
        return AttributeValue.fromNul(true);
      case "M":
        return AttributeValue.fromM(map(v));
      case "L": {
        List<AttributeValue> list = new ArrayList<>();
        v.forEach(x -> list.add(value(x)));
        return AttributeValue.fromL(list);
      }
      case "SS": {
        List<String> list = new ArrayList<>();
        v.forEach(x -> list.add(x.asText()));
        return AttributeValue.fromSs(list);
      }
      case "NS": {
        List<String> list = new ArrayList<>();
        v.forEach(x -> list.add(x.asText()));
        return AttributeValue.fromNs(list);
      }
      case "BS": {
        List<SdkBytes> list = new ArrayList<>();
        v.forEach(x -> list.add(bytes(x.asText())));
        return AttributeValue.fromBs(list);
      }
      default:
        throw new IllegalArgumentException("unknown type " + e.getKey());
    }
  }

  private static SdkBytes bytes(String base64) {
    return SdkBytes.fromByteArray(Base64.getDecoder().decode(base64));
  }
}
