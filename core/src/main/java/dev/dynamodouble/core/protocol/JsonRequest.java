package dev.dynamodouble.core.protocol;

import dev.dynamodouble.core.error.DynamoException;
import dev.dynamodouble.core.error.ErrorCode;
import dev.dynamodouble.core.value.AttributeValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A request body (or a structure inside one) with typed accessors. A field of the wrong JSON type
 * is a SerializationException, as the service's JSON binding reports it; an absent or null field
 * reads as null.
 */
public final class JsonRequest {
  private static final JsonRequest EMPTY = new JsonRequest(JsonObject.EMPTY);

  private final JsonObject node;

  private JsonRequest(JsonObject node) {
    this.node = node;
  }

  /** Parses a request body; malformed JSON or a non-object is a SerializationException. */
  public static JsonRequest parse(byte[] body, int offset, int length) {
    Object root;
    try {
      root = Json.parse(body, offset, length);
    } catch (Json.MalformedException e) {
      throw new DynamoException(ErrorCode.SERIALIZATION, null);
    }
    return of(root);
  }

  /** Wraps a JSON object (see {@link Json} for the value types). */
  public static JsonRequest of(Object node) {
    if (node instanceof JsonArray) {
      throw DynamoException.serialization("Start of list found where not expected");
    }
    if (!(node instanceof JsonObject)) {
      throw DynamoException.serialization("Expected null");
    }
    return new JsonRequest((JsonObject) node);
  }

  /** An empty request, for operations called with no body fields. */
  public static JsonRequest empty() {
    return EMPTY;
  }

  /** The JSON object of this request. */
  public JsonObject node() {
    return node;
  }

  public boolean has(String field) {
    return !Json.isNull(node.get(field));
  }

  /** The raw value of {@code field}, or null when it is absent or JSON null. */
  public Object raw(String field) {
    Object value = node.get(field);
    return value == Json.NULL ? null : value;
  }

  public String string(String field) {
    Object value = raw(field);
    if (value == null) {
      return null;
    }
    if (!(value instanceof String)) {
      throw typeError(value, "String");
    }
    return (String) value;
  }

  public Long longValue(String field) {
    Object value = raw(field);
    if (value == null) {
      return null;
    }
    if (!(value instanceof Number)) {
      throw typeError(value, "Long");
    }
    Number number = (Number) value;
    return Json.isIntegral(number) ? number.longValue() : (long) Math.floor(number.doubleValue());
  }

  public Integer intValue(String field) {
    Object value = raw(field);
    if (value == null) {
      return null;
    }
    if (!(value instanceof Number)) {
      throw typeError(value, "Integer");
    }
    // Saturate rather than wrap, so a huge Limit is reported as the value that was sent is too large.
    Number n = (Number) value;
    double number = Json.isIntegral(n) ? n.doubleValue() : Math.floor(n.doubleValue());
    return (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, number));
  }

  public Boolean bool(String field) {
    Object value = raw(field);
    if (value == null) {
      return null;
    }
    if (!(value instanceof Boolean)) {
      throw typeError(value, "Boolean");
    }
    return (Boolean) value;
  }

  /** A nested structure, or null. */
  public JsonRequest structure(String field) {
    Object value = raw(field);
    return value == null ? null : of(value);
  }

  /** A list of structures, or null. */
  public List<JsonRequest> structures(String field) {
    return structuresOf(raw(field));
  }

  /** A list of structures, empty when absent (for members whose absence means "none"). */
  public List<JsonRequest> structuresOrEmpty(String field) {
    List<JsonRequest> list = structures(field);
    return list == null ? List.of() : list;
  }

  /** A JSON array of structures, read with this request's rules. */
  public List<JsonRequest> structuresOf(Object value) {
    if (Json.isNull(value)) {
      return null;
    }
    if (!(value instanceof JsonArray)) {
      throw DynamoException.serialization(value instanceof JsonObject
          ? "Start of structure or map found where not expected." : "Expected list or null");
    }
    JsonArray array = (JsonArray) value;
    List<JsonRequest> result = new ArrayList<>(array.size());
    for (Object element : array) {
      result.add(element == Json.NULL ? null : of(element));
    }
    return result;
  }

  /** A map whose values are lists of structures (e.g. BatchWriteItem's RequestItems), or null. */
  public Map<String, List<JsonRequest>> structureListMap(String field) {
    JsonObject value = map(field);
    if (value == null) {
      return null;
    }
    Map<String, List<JsonRequest>> result = new LinkedHashMap<>();
    for (int i = 0; i < value.size(); i++) {
      List<JsonRequest> list = structuresOf(value.value(i));
      result.put(value.name(i), list == null ? List.of() : list);
    }
    return result;
  }

  /** A list of strings, or null. */
  public List<String> strings(String field) {
    JsonArray value = list(field);
    if (value == null) {
      return null;
    }
    List<String> result = new ArrayList<>(value.size());
    for (Object element : value) {
      if (!(element instanceof String)) {
        throw typeError(element, "String");
      }
      result.add((String) element);
    }
    return result;
  }

  /** A map of structures keyed by name (e.g. RequestItems), or null. */
  public Map<String, JsonRequest> structureMap(String field) {
    JsonObject value = map(field);
    if (value == null) {
      return null;
    }
    Map<String, JsonRequest> result = new LinkedHashMap<>();
    for (int i = 0; i < value.size(); i++) {
      Object member = value.value(i);
      result.put(value.name(i), member == Json.NULL ? null : of(member));
    }
    return result;
  }

  /** A map of strings (e.g. ExpressionAttributeNames), or null. */
  public Map<String, String> stringMap(String field) {
    JsonObject value = map(field);
    if (value == null) {
      return null;
    }
    Map<String, String> result = new LinkedHashMap<>();
    for (int i = 0; i < value.size(); i++) {
      Object member = value.value(i);
      if (!(member instanceof String)) {
        throw typeError(member, "String");
      }
      result.put(value.name(i), (String) member);
    }
    return result;
  }

  /** A map of attribute values (an item, a key, ExpressionAttributeValues), or null. */
  public Map<String, AttributeValue> item(String field) {
    JsonObject value = map(field);
    return value == null ? null : AttributeValues.readItem(value);
  }

  /** A list of attribute values, or null. */
  public List<AttributeValue> values(String field) {
    JsonArray value = list(field);
    if (value == null) {
      return null;
    }
    List<AttributeValue> result = new ArrayList<>(value.size());
    for (Object element : value) {
      result.add(AttributeValues.read(element));
    }
    return result;
  }

  /** A single attribute value, or null. */
  public AttributeValue value(String field) {
    Object value = raw(field);
    return value == null ? null : AttributeValues.read(value);
  }

  private JsonArray list(String field) {
    Object value = raw(field);
    if (value == null) {
      return null;
    }
    if (!(value instanceof JsonArray)) {
      throw DynamoException.serialization(value instanceof JsonObject
          ? "Start of structure or map found where not expected." : "Expected list or null");
    }
    return (JsonArray) value;
  }

  private JsonObject map(String field) {
    Object value = raw(field);
    if (value == null) {
      return null;
    }
    if (!(value instanceof JsonObject)) {
      throw DynamoException.serialization(value instanceof JsonArray
          ? "Start of list found where not expected" : "Expected map or null");
    }
    return (JsonObject) value;
  }

  static DynamoException typeError(Object value, String target) {
    String article = target.equals("Blob") ? "a " : "an ";
    if (value instanceof JsonArray) {
      return DynamoException.serialization("Start of list found where not expected");
    }
    if (value instanceof JsonObject) {
      return DynamoException.serialization("Start of structure or map found where not expected.");
    }
    String actual;
    if (value instanceof Boolean) {
      actual = "java.lang.Boolean";
    } else if (value instanceof String) {
      if (target.equals("Boolean")) {
        return DynamoException.serialization(
            "'" + ((String) value).toUpperCase(java.util.Locale.ROOT) + "' can not be converted to an Boolean");
      }
      actual = "java.lang.String";
    } else if (Json.isIntegral(value)) {
      long n = ((Number) value).longValue();
      actual = n >= Short.MIN_VALUE && n <= Short.MAX_VALUE ? "java.lang.Short"
          : n >= Integer.MIN_VALUE && n <= Integer.MAX_VALUE ? "java.lang.Integer" : "java.lang.Long";
    } else {
      actual = "java.lang.Double";
    }
    return DynamoException.serialization("class " + actual + " can not be converted to " + article + target);
  }

  /** For tests and diagnostics. */
  @Override
  public String toString() {
    return node.toString();
  }
}
