package dev.dynamodouble.junit5.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * Turns the items of a fixture into SDK attribute values: DynamoDB JSON ({@code {"S": "a"}}) as
 * written, or plain JSON typed from the table's key definitions and from JSON types, with
 * {@code $ss}, {@code $ns}, {@code $bs}, {@code $b}, {@code $n} and {@code $s} markers for what
 * JSON cannot say.
 */
public final class ItemTyping {
  private static final Set<String> DESCRIPTORS = Set.of("S", "N", "B", "BOOL", "NULL", "M", "L", "SS", "NS", "BS");
  private static final Set<String> MARKERS = Set.of("$ss", "$ns", "$bs", "$b", "$n", "$s");

  private ItemTyping() {}

  /** Raised with a reason; the caller adds the file, line and item. */
  public static final class TypingError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    TypingError(String reason) {
      super(reason, null, false, false);
    }
  }

  /** Whether every attribute of {@code item} is written as a DynamoDB JSON typed value. */
  public static boolean looksTyped(ObjectNode item) {
    Iterator<JsonNode> values = item.elements();
    while (values.hasNext()) {
      JsonNode value = values.next();
      if (!value.isObject() || value.size() != 1 || !DESCRIPTORS.contains(value.fieldNames().next())) {
        return false;
      }
    }
    return true;
  }

  /** An item written in DynamoDB JSON. */
  public static Map<String, AttributeValue> typedItem(ObjectNode item) {
    Map<String, AttributeValue> result = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> field : item.properties()) { // properties(), not forEachEntry (2.17): Jackson 2.15 works
      result.put(field.getKey(), typed(field.getValue(), field.getKey()));
    }
    return result;
  }

  private static AttributeValue typed(JsonNode node, String path) {
    if (!node.isObject() || node.size() != 1) {
      throw new TypingError("attribute " + path + ": expected a DynamoDB JSON value such as {\"S\": \"text\"}, "
          + "found " + shortText(node));
    }
    String type = node.fieldNames().next();
    JsonNode value = node.get(type);
    switch (type) {
      case "S":
        return AttributeValue.fromS(requireText(value, path, type));
      case "N":
        return AttributeValue.fromN(numberText(value, path, type));
      case "B":
        return AttributeValue.fromB(binary(value, path, type));
      case "BOOL":
        if (!value.isBoolean()) {
          throw new TypingError("attribute " + path + ": BOOL needs true or false, found " + shortText(value));
        }
        return AttributeValue.fromBool(value.booleanValue());
      case "NULL":
        if (!value.isBoolean() || !value.booleanValue()) {
          throw new TypingError("attribute " + path + ": NULL needs true, found " + shortText(value));
        }
        return AttributeValue.fromNul(true);
      case "M": {
        if (!value.isObject()) {
          throw new TypingError("attribute " + path + ": M needs an object, found " + shortText(value));
        }
        Map<String, AttributeValue> map = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> field : value.properties()) {
          map.put(field.getKey(), typed(field.getValue(), path + "." + field.getKey()));
        }
        return AttributeValue.fromM(map);
      }
      case "L": {
        requireArray(value, path, type);
        List<AttributeValue> list = new ArrayList<>();
        for (int i = 0; i < value.size(); i++) {
          list.add(typed(value.get(i), path + "[" + i + "]"));
        }
        return AttributeValue.fromL(list);
      }
      case "SS": {
        requireArray(value, path, type);
        List<String> strings = new ArrayList<>();
        value.forEach(v -> strings.add(requireText(v, path, type)));
        return AttributeValue.fromSs(strings);
      }
      case "NS": {
        requireArray(value, path, type);
        List<String> numbers = new ArrayList<>();
        value.forEach(v -> numbers.add(numberText(v, path, type)));
        return AttributeValue.fromNs(numbers);
      }
      case "BS": {
        requireArray(value, path, type);
        List<SdkBytes> binaries = new ArrayList<>();
        value.forEach(v -> binaries.add(binary(v, path, type)));
        return AttributeValue.fromBs(binaries);
      }
      default:
        throw new TypingError("attribute " + path + ": unknown DynamoDB JSON type \"" + type
            + "\" (expected one of S, N, B, BOOL, NULL, M, L, SS, NS, BS)");
    }
  }

  /**
   * An item written in plain JSON. {@code keyTypes} holds the declared type of every key attribute
   * of the table and its indexes; their values take that type.
   */
  public static Map<String, AttributeValue> plainItem(ObjectNode item, Map<String, ScalarAttributeType> keyTypes) {
    Map<String, AttributeValue> result = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> field : item.properties()) {
      String name = field.getKey();
      JsonNode value = field.getValue();
      ScalarAttributeType keyType = keyTypes.get(name);
      result.put(name, keyType != null && !isMarked(value) ? key(value, name, keyType) : plain(value, name));
    }
    return result;
  }

  private static AttributeValue key(JsonNode node, String name, ScalarAttributeType type) {
    switch (type) {
      case S:
        if (node.isTextual()) {
          return AttributeValue.fromS(node.textValue());
        }
        if (node.isNumber()) {
          return AttributeValue.fromS(node.decimalValue().toPlainString());
        }
        break;
      case N:
        if (node.isNumber()) {
          return AttributeValue.fromN(node.decimalValue().toString());
        }
        if (node.isTextual() && isNumber(node.textValue())) {
          return AttributeValue.fromN(node.textValue().trim());
        }
        break;
      case B:
        if (node.isBinary() || node.isTextual()) {
          return AttributeValue.fromB(binary(node, name, "key attribute of type B"));
        }
        break;
      default:
        break;
    }
    // Left as written: the table then refuses it with DynamoDB's own message.
    return plain(node, name);
  }

  private static AttributeValue plain(JsonNode node, String path) {
    if (node.isTextual()) {
      return AttributeValue.fromS(node.textValue());
    }
    if (node.isNumber()) {
      return AttributeValue.fromN(node.decimalValue().toString());
    }
    if (node.isBoolean()) {
      return AttributeValue.fromBool(node.booleanValue());
    }
    if (node.isNull()) {
      return AttributeValue.fromNul(true);
    }
    if (node.isBinary()) {
      return AttributeValue.fromB(binary(node, path, "binary"));
    }
    if (node.isArray()) {
      List<AttributeValue> list = new ArrayList<>();
      for (int i = 0; i < node.size(); i++) {
        list.add(plain(node.get(i), path + "[" + i + "]"));
      }
      return AttributeValue.fromL(list);
    }
    if (isMarked(node)) {
      return marked(node, path);
    }
    Map<String, AttributeValue> map = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> field : node.properties()) {
      map.put(field.getKey(), plain(field.getValue(), path + "." + field.getKey()));
    }
    return AttributeValue.fromM(map);
  }

  /** An object with one field whose name starts with "$" is a type marker. */
  private static boolean isMarked(JsonNode node) {
    return node.isObject() && node.size() == 1 && node.fieldNames().next().startsWith("$");
  }

  private static AttributeValue marked(JsonNode node, String path) {
    String marker = node.fieldNames().next();
    JsonNode value = node.get(marker);
    String lower = marker.toLowerCase(Locale.ROOT);
    if (!MARKERS.contains(lower)) {
      throw new TypingError("attribute " + path + ": unknown type marker \"" + marker
          + "\" (use $ss, $ns, $bs, $b, $n or $s)");
    }
    switch (lower) {
      case "$s":
        return AttributeValue.fromS(value.isNumber() ? value.decimalValue().toPlainString() : requireText(value, path, marker));
      case "$n":
        return AttributeValue.fromN(numberText(value, path, marker));
      case "$b":
        return AttributeValue.fromB(binary(value, path, marker));
      case "$ss": {
        requireArray(value, path, marker);
        List<String> strings = new ArrayList<>();
        value.forEach(v -> strings.add(requireText(v, path, marker)));
        return AttributeValue.fromSs(strings);
      }
      case "$ns": {
        requireArray(value, path, marker);
        List<String> numbers = new ArrayList<>();
        value.forEach(v -> numbers.add(numberText(v, path, marker)));
        return AttributeValue.fromNs(numbers);
      }
      default: {
        requireArray(value, path, marker);
        List<SdkBytes> binaries = new ArrayList<>();
        value.forEach(v -> binaries.add(binary(v, path, marker)));
        return AttributeValue.fromBs(binaries);
      }
    }
  }

  private static String requireText(JsonNode node, String path, String type) {
    if (!node.isTextual()) {
      throw new TypingError("attribute " + path + ": " + type + " needs a string, found " + shortText(node));
    }
    return node.textValue();
  }

  private static String numberText(JsonNode node, String path, String type) {
    if (node.isNumber()) {
      return node.decimalValue().toString();
    }
    if (node.isTextual() && isNumber(node.textValue())) {
      return node.textValue().trim();
    }
    throw new TypingError("attribute " + path + ": " + type + " needs a number, found " + shortText(node));
  }

  private static SdkBytes binary(JsonNode node, String path, String type) {
    if (node.isBinary()) {
      try {
        return SdkBytes.fromByteArray(node.binaryValue());
      } catch (java.io.IOException e) {
        throw new TypingError("attribute " + path + ": unreadable binary value");
      }
    }
    if (node.isTextual()) {
      try {
        return SdkBytes.fromByteArray(Base64.getDecoder().decode(node.textValue().trim()));
      } catch (IllegalArgumentException e) {
        throw new TypingError("attribute " + path + ": " + type + " needs base64 text, found " + shortText(node));
      }
    }
    throw new TypingError("attribute " + path + ": " + type + " needs base64 text, found " + shortText(node));
  }

  private static void requireArray(JsonNode node, String path, String type) {
    if (!node.isArray()) {
      throw new TypingError("attribute " + path + ": " + type + " needs an array, found " + shortText(node));
    }
  }

  private static boolean isNumber(String text) {
    try {
      new BigDecimal(text.trim());
      return true;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  static String shortText(JsonNode node) {
    String text = node.isTextual() ? "\"" + node.textValue() + "\"" : node.toString();
    return text.length() > 60 ? text.substring(0, 57) + "..." : text;
  }
}
