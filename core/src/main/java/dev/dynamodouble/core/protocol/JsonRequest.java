package dev.dynamodouble.core.protocol;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dynamodouble.core.error.DynamoException;
import dev.dynamodouble.core.value.AttributeValue;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A request body (or a structure inside one) with typed accessors. A field of the wrong JSON type
 * is a SerializationException, as the service's JSON binding reports it; an absent or null field
 * reads as null.
 */
public final class JsonRequest {
  /** Content after the one JSON value of a body makes it malformed, as it does for the service. */
  static final ObjectMapper MAPPER = new ObjectMapper()
      .enable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private final JsonNode node;

  private JsonRequest(JsonNode node) {
    this.node = node;
  }

  /** Parses a request body; malformed JSON or a non-object is a SerializationException. */
  public static JsonRequest parse(byte[] body, int offset, int length) {
    JsonNode root;
    try {
      root = MAPPER.readTree(body, offset, length);
    } catch (JsonProcessingException e) {
      throw new DynamoException(dev.dynamodouble.core.error.ErrorCode.SERIALIZATION, null);
    } catch (IOException e) {
      throw new DynamoException(dev.dynamodouble.core.error.ErrorCode.SERIALIZATION, null);
    }
    if (root == null || root.isMissingNode()) {
      throw new DynamoException(dev.dynamodouble.core.error.ErrorCode.SERIALIZATION, null);
    }
    return of(root);
  }

  /** Wraps a JSON object. */
  public static JsonRequest of(JsonNode node) {
    if (node.isArray()) {
      throw DynamoException.serialization("Start of list found where not expected");
    }
    if (!node.isObject()) {
      throw DynamoException.serialization("Expected null");
    }
    return new JsonRequest(node);
  }

  /** An empty request, for operations called with no body fields. */
  public static JsonRequest empty() {
    return new JsonRequest(MAPPER.createObjectNode());
  }

  public JsonNode node() {
    return node;
  }

  public boolean has(String field) {
    JsonNode value = node.get(field);
    return value != null && !value.isNull();
  }

  private JsonNode get(String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? null : value;
  }

  public String string(String field) {
    JsonNode value = get(field);
    if (value == null) {
      return null;
    }
    if (!value.isTextual()) {
      throw typeError(value, "String");
    }
    return value.textValue();
  }

  public Long longValue(String field) {
    JsonNode value = get(field);
    if (value == null) {
      return null;
    }
    if (!value.isNumber()) {
      throw typeError(value, "Long");
    }
    return value.isIntegralNumber() ? value.longValue() : (long) Math.floor(value.doubleValue());
  }

  public Integer intValue(String field) {
    JsonNode value = get(field);
    if (value == null) {
      return null;
    }
    if (!value.isNumber()) {
      throw typeError(value, "Integer");
    }
    // Saturate rather than wrap, so a huge Limit is reported as the value that was sent is too large.
    double number = value.isIntegralNumber() ? value.doubleValue() : Math.floor(value.doubleValue());
    return (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, number));
  }

  public Boolean bool(String field) {
    JsonNode value = get(field);
    if (value == null) {
      return null;
    }
    if (!value.isBoolean()) {
      throw typeError(value, "Boolean");
    }
    return value.booleanValue();
  }

  /** A nested structure, or null. */
  public JsonRequest structure(String field) {
    JsonNode value = get(field);
    return value == null ? null : of(value);
  }

  /** A list of structures, or null. */
  public List<JsonRequest> structures(String field) {
    JsonNode value = list(field);
    if (value == null) {
      return null;
    }
    List<JsonRequest> result = new ArrayList<>(value.size());
    for (JsonNode element : value) {
      result.add(element.isNull() ? null : of(element));
    }
    return result;
  }

  /** A JSON array of structures, read with this request's rules. */
  public List<JsonRequest> structuresOf(JsonNode value) {
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isArray()) {
      throw DynamoException.serialization(value.isObject()
          ? "Start of structure or map found where not expected." : "Expected list or null");
    }
    List<JsonRequest> result = new ArrayList<>(value.size());
    for (JsonNode element : value) {
      result.add(element.isNull() ? null : of(element));
    }
    return result;
  }

  /** A map whose values are lists of structures (e.g. BatchWriteItem's RequestItems), or null. */
  public Map<String, List<JsonRequest>> structureListMap(String field) {
    JsonNode value = map(field);
    if (value == null) {
      return null;
    }
    Map<String, List<JsonRequest>> result = new LinkedHashMap<>();
    Iterator<Map.Entry<String, JsonNode>> fields = value.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> e = fields.next();
      List<JsonRequest> list = structuresOf(e.getValue());
      result.put(e.getKey(), list == null ? List.of() : list);
    }
    return result;
  }

  /** A list of strings, or null. */
  public List<String> strings(String field) {
    JsonNode value = list(field);
    if (value == null) {
      return null;
    }
    List<String> result = new ArrayList<>(value.size());
    for (JsonNode element : value) {
      if (!element.isTextual()) {
        throw typeError(element, "String");
      }
      result.add(element.textValue());
    }
    return result;
  }

  /** A map of structures keyed by name (e.g. RequestItems), or null. */
  public Map<String, JsonRequest> structureMap(String field) {
    JsonNode value = map(field);
    if (value == null) {
      return null;
    }
    Map<String, JsonRequest> result = new LinkedHashMap<>();
    Iterator<Map.Entry<String, JsonNode>> fields = value.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> e = fields.next();
      result.put(e.getKey(), e.getValue().isNull() ? null : of(e.getValue()));
    }
    return result;
  }

  /** A map of strings (e.g. ExpressionAttributeNames), or null. */
  public Map<String, String> stringMap(String field) {
    JsonNode value = map(field);
    if (value == null) {
      return null;
    }
    Map<String, String> result = new LinkedHashMap<>();
    Iterator<Map.Entry<String, JsonNode>> fields = value.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> e = fields.next();
      if (!e.getValue().isTextual()) {
        throw typeError(e.getValue(), "String");
      }
      result.put(e.getKey(), e.getValue().textValue());
    }
    return result;
  }

  /** A map of attribute values (an item, a key, ExpressionAttributeValues), or null. */
  public Map<String, AttributeValue> item(String field) {
    JsonNode value = map(field);
    return value == null ? null : AttributeValues.readItem(value);
  }

  /** A list of attribute values, or null. */
  public List<AttributeValue> values(String field) {
    JsonNode value = list(field);
    if (value == null) {
      return null;
    }
    List<AttributeValue> result = new ArrayList<>(value.size());
    for (JsonNode element : value) {
      result.add(AttributeValues.read(element));
    }
    return result;
  }

  /** A single attribute value, or null. */
  public AttributeValue value(String field) {
    JsonNode value = get(field);
    return value == null ? null : AttributeValues.read(value);
  }

  private JsonNode list(String field) {
    JsonNode value = get(field);
    if (value == null) {
      return null;
    }
    if (!value.isArray()) {
      throw DynamoException.serialization(value.isObject()
          ? "Start of structure or map found where not expected." : "Expected list or null");
    }
    return value;
  }

  private JsonNode map(String field) {
    JsonNode value = get(field);
    if (value == null) {
      return null;
    }
    if (!value.isObject()) {
      throw DynamoException.serialization(value.isArray()
          ? "Start of list found where not expected" : "Expected map or null");
    }
    return value;
  }

  private static DynamoException typeError(JsonNode value, String target) {
    String article = target.equals("Blob") ? "a " : "an ";
    if (value.isArray()) {
      return DynamoException.serialization("Start of list found where not expected");
    }
    if (value.isObject()) {
      return DynamoException.serialization("Start of structure or map found where not expected.");
    }
    String actual;
    if (value.isBoolean()) {
      actual = "java.lang.Boolean";
    } else if (value.isTextual()) {
      if (target.equals("Boolean")) {
        return DynamoException.serialization(
            "'" + value.textValue().toUpperCase(java.util.Locale.ROOT) + "' can not be converted to an Boolean");
      }
      actual = "java.lang.String";
    } else if (value.isIntegralNumber()) {
      long n = value.longValue();
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

  static ObjectNode newObject() {
    return MAPPER.createObjectNode();
  }
}
