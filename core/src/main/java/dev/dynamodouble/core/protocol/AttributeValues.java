package dev.dynamodouble.core.protocol;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.dynamodouble.core.error.DynamoException;
import dev.dynamodouble.core.error.Echo;
import dev.dynamodouble.core.value.AttributeMap;
import dev.dynamodouble.core.value.AttributeType;
import dev.dynamodouble.core.value.AttributeValue;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads and writes attribute values and items in the wire format ({@code {"S": "x"}}). */
public final class AttributeValues {
  /** How deep documents nest: an attribute's own value is level 1. */
  static final int MAX_NESTING = 32;

  private AttributeValues() {}

  /** Reads an item (a JSON object of attribute values; see {@link Json}). */
  public static Map<String, AttributeValue> readItem(Object node) {
    return readItem(node, 1);
  }

  private static Map<String, AttributeValue> readItem(Object node, int level) {
    if (!(node instanceof JsonObject)) {
      throw DynamoException.serialization("Start of structure or map found where not expected");
    }
    JsonObject object = (JsonObject) node;
    int size = object.size();
    String[] names = new String[size];
    AttributeValue[] values = new AttributeValue[size];
    for (int i = 0; i < size; i++) {
      names[i] = object.name(i);
      values[i] = read(object.value(i), level);
    }
    return AttributeMap.ofDistinct(names, values, size); // a JSON object's names are distinct
  }

  /** Reads one attribute value, applying DynamoDB's validation of its shape and content. */
  public static AttributeValue read(Object node) {
    return read(node, 1);
  }

  private static AttributeValue read(Object node, int level) {
    if (level > MAX_NESTING) {
      throw DynamoException.validation("Nesting Levels have exceeded supported limits: Attributes in the item have "
          + "nested levels beyond supported limit");
    }
    if (!(node instanceof JsonObject)) {
      throw DynamoException.serialization("Unexpected value type in payload");
    }
    JsonObject object = (JsonObject) node;
    AttributeValue result = null;
    int types = 0;
    for (int i = 0; i < object.size(); i++) {
      AttributeType type = AttributeType.fromWire(object.name(i));
      Object value = object.value(i);
      if (type == null || value == Json.NULL) {
        continue; // unknown members are ignored, as the service's JSON binding does
      }
      types++;
      result = readTyped(type, value, level);
    }
    if (types == 0) {
      throw DynamoException.validation(
          "Supplied AttributeValue is empty, must contain exactly one of the supported datatypes");
    }
    if (types > 1) {
      throw DynamoException.validation(
          "Supplied AttributeValue has more than one datatypes set, must contain exactly one of the supported datatypes");
    }
    return result;
  }

  private static AttributeValue readTyped(AttributeType type, Object node, int level) {
    switch (type) {
      case S:
        return new AttributeValue.S(text(node));
      case N:
        return AttributeValue.number(text(node));
      case B:
        return new AttributeValue.B(binary(node));
      case BOOL:
        if (!(node instanceof Boolean)) {
          throw DynamoException.serialization("Unexpected value type in payload");
        }
        return AttributeValue.bool((Boolean) node);
      case NULL:
        if (!(node instanceof Boolean)) {
          throw DynamoException.serialization("Unexpected value type in payload");
        }
        if (!(Boolean) node) {
          throw DynamoException.invalidParameter("Null attribute value types must have the value of true");
        }
        return AttributeValue.nul();
      case M:
        return new AttributeValue.M(readItem(node, level + 1));
      case L: {
        List<AttributeValue> list = new ArrayList<>(array(node).size());
        for (Object element : array(node)) {
          list.add(read(element, level + 1));
        }
        return new AttributeValue.L(list);
      }
      case SS: {
        List<String> raw = new ArrayList<>();
        for (Object element : array(node)) {
          raw.add(text(element));
        }
        requireNonEmpty(raw, "An string set  may not be empty");
        Set<String> set = new LinkedHashSet<>(raw);
        requireDistinct(raw, set.size());
        return new AttributeValue.SS(set);
      }
      case NS: {
        List<Object> raw = array(node);
        for (Object element : raw) {
          text(element); // every element's type is checked before any number is read
        }
        requireNonEmpty(raw, "An number set  may not be empty");
        // Sized up front: a set of a million tiny numbers would otherwise rehash twenty times.
        Set<AttributeValue.N> set = new LinkedHashSet<>(raw.size() * 4 / 3 + 1);
        for (Object text : raw) {
          set.add(AttributeValue.number((String) text));
        }
        if (set.size() != raw.size()) { // by value: 2 and 2.0 are duplicates
          throw DynamoException.validation("Input collection contains duplicates");
        }
        return new AttributeValue.NS(set);
      }
      case BS: {
        List<AttributeValue.B> raw = new ArrayList<>();
        List<String> encoded = new ArrayList<>();
        for (Object element : array(node)) {
          raw.add(new AttributeValue.B(binary(element)));
          encoded.add((String) element);
        }
        requireNonEmpty(raw, "Binary sets should not be empty");
        Set<AttributeValue.B> set = new LinkedHashSet<>(raw);
        if (set.size() != raw.size()) {
          throw DynamoException.invalidParameter("Input collection " + Echo.of(encoded) + "of type BS contains duplicates.");
        }
        return new AttributeValue.BS(set);
      }
      default:
        throw new IllegalStateException(type.name());
    }
  }

  private static void requireNonEmpty(List<?> values, String reason) {
    if (values.isEmpty()) {
      throw DynamoException.invalidParameter(reason);
    }
  }

  private static void requireDistinct(List<?> raw, int distinct) {
    if (distinct != raw.size()) {
      throw DynamoException.invalidParameter("Input collection " + Echo.of(raw) + " contains duplicates.");
    }
  }

  private static String text(Object node) {
    if (node instanceof Number) {
      throw DynamoException.serialization("NUMBER_VALUE cannot be converted to String");
    }
    if (!(node instanceof String)) {
      throw DynamoException.serialization("Unexpected value type in payload");
    }
    return (String) node;
  }

  private static JsonArray array(Object node) {
    if (!(node instanceof JsonArray)) {
      throw DynamoException.serialization("Unexpected value type in payload");
    }
    return (JsonArray) node;
  }

  /** Strict Base64, as the service's JSON binding reads a blob (Java's decoder alone is lenient). */
  private static byte[] binary(Object node) {
    String text = text(node);
    if (text.length() % 4 != 0) {
      throw notBlob(text, "Base64 encoded length is expected a multiple of 4 bytes but "
          + "found: " + text.length());
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean base64 = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+' || c == '/';
      boolean padding = c == '=' && (i == text.length() - 1 || (i == text.length() - 2 && text.charAt(i + 1) == '='));
      if (!base64 && !padding) {
        throw notBlob(text, "Invalid Base64 character: '" + c + "'");
      }
    }
    byte[] bytes;
    try {
      bytes = Base64.getDecoder().decode(text);
    } catch (IllegalArgumentException e) {
      bytes = null;
    }
    if (bytes == null || !Base64.getEncoder().encodeToString(bytes).equals(text)) {
      throw notBlob(text, "Invalid last non-pad Base64 character dectected"); // sic
    }
    return bytes;
  }

  private static DynamoException notBlob(String text, String reason) {
    return DynamoException.serialization("'" + Echo.of(text) + "' can not be converted to a Blob: " + reason);
  }

  /** Writes an item as a JSON object. */
  public static void writeItem(JsonGenerator out, Map<String, AttributeValue> item) throws IOException {
    out.writeStartObject();
    if (item instanceof AttributeMap) {
      AttributeMap compact = (AttributeMap) item;
      for (int i = 0; i < compact.size(); i++) {
        out.writeFieldName(compact.name(i));
        write(out, compact.value(i));
      }
      out.writeEndObject();
      return;
    }
    for (Map.Entry<String, AttributeValue> e : item.entrySet()) {
      out.writeFieldName(e.getKey());
      write(out, e.getValue());
    }
    out.writeEndObject();
  }

  /** Writes one attribute value. */
  public static void write(JsonGenerator out, AttributeValue value) throws IOException {
    out.writeStartObject();
    switch (value.type()) {
      case S:
        out.writeStringField("S", ((AttributeValue.S) value).value());
        break;
      case N:
        out.writeStringField("N", ((AttributeValue.N) value).text());
        break;
      case B:
        out.writeFieldName("B");
        out.writeBinary(((AttributeValue.B) value).bytes());
        break;
      case BOOL:
        out.writeBooleanField("BOOL", ((AttributeValue.Bool) value).value());
        break;
      case NULL:
        out.writeBooleanField("NULL", true);
        break;
      case M:
        out.writeFieldName("M");
        writeItem(out, ((AttributeValue.M) value).value());
        break;
      case L:
        out.writeArrayFieldStart("L");
        for (AttributeValue element : ((AttributeValue.L) value).value()) {
          write(out, element);
        }
        out.writeEndArray();
        break;
      case SS:
        out.writeArrayFieldStart("SS");
        for (String s : ((AttributeValue.SS) value).value()) {
          out.writeString(s);
        }
        out.writeEndArray();
        break;
      case NS:
        out.writeArrayFieldStart("NS");
        for (AttributeValue.N n : ((AttributeValue.NS) value).value()) {
          out.writeString(n.text());
        }
        out.writeEndArray();
        break;
      case BS:
        out.writeArrayFieldStart("BS");
        for (AttributeValue.B b : ((AttributeValue.BS) value).value()) {
          out.writeBinary(b.bytes());
        }
        out.writeEndArray();
        break;
      default:
        throw new IllegalStateException(value.type().name());
    }
    out.writeEndObject();
  }
}
