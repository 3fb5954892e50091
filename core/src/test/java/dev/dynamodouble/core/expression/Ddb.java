package dev.dynamodouble.core.expression;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dynamodouble.core.error.DynamoException;
import dev.dynamodouble.core.error.ErrorCode;
import dev.dynamodouble.core.value.AttributeValue;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** Test helpers: DynamoDB JSON (single quotes allowed) to attribute values, and error assertions. */
final class Ddb {
  private static final ObjectMapper JSON = new ObjectMapper()
      .configure(JsonParser.Feature.ALLOW_SINGLE_QUOTES, true)
      .configure(JsonParser.Feature.ALLOW_UNQUOTED_FIELD_NAMES, true);

  private Ddb() {}

  /** An item or a placeholder map: {@code {a: {S: 'x'}, b: {N: '1'}}}; null stays null. */
  static Map<String, AttributeValue> item(String json) {
    if (json == null) {
      return null;
    }
    return map(read(json));
  }

  static AttributeValue value(String json) {
    return value(read(json));
  }

  /** ExpressionAttributeNames from pairs: names("#a", "a", "#b", "b"). */
  static Map<String, String> names(String... pairs) {
    Map<String, String> m = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      m.put(pairs[i], pairs[i + 1]);
    }
    return m;
  }

  static void assertValidation(ThrowingCallable call, String message) {
    assertThatThrownBy(call)
        .isInstanceOf(DynamoException.class)
        .hasMessage(message)
        .satisfies(e -> org.assertj.core.api.Assertions
            .assertThat(((DynamoException) e).code()).isEqualTo(ErrorCode.VALIDATION));
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
        return AttributeValue.string(v.asText());
      case "N":
        return AttributeValue.number(v.asText());
      case "B":
        return AttributeValue.binary(Base64.getDecoder().decode(v.asText()));
      case "BOOL":
        return AttributeValue.bool(v.asBoolean());
      case "NULL":
        return AttributeValue.nul();
      case "M":
        return AttributeValue.map(map(v));
      case "L": {
        List<AttributeValue> list = new ArrayList<>();
        v.forEach(x -> list.add(value(x)));
        return AttributeValue.list(list);
      }
      case "SS": {
        List<String> list = new ArrayList<>();
        v.forEach(x -> list.add(x.asText()));
        return new AttributeValue.SS(list);
      }
      case "NS": {
        List<AttributeValue.N> list = new ArrayList<>();
        v.forEach(x -> list.add(AttributeValue.number(x.asText())));
        return new AttributeValue.NS(list);
      }
      case "BS": {
        List<AttributeValue.B> list = new ArrayList<>();
        v.forEach(x -> list.add(AttributeValue.binary(Base64.getDecoder().decode(x.asText()))));
        return new AttributeValue.BS(list);
      }
      default:
        throw new IllegalArgumentException("unknown type " + e.getKey());
    }
  }
}
