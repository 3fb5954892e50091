package dev.dynamodouble.core.protocol;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The JSON values of request bodies, read with Jackson's streaming parser into a light tree:
 * a {@link JsonObject}, a {@link JsonArray}, a {@link String}, a {@link Number} (an
 * {@link Integer}, {@link Long} or {@link BigInteger} for integers, a {@link Double} for the
 * rest, as Jackson's own tree holds them), a {@link Boolean}, or {@link #NULL}.
 *
 * <p>Only jackson-core is needed: the data-binding layer (hundreds of classes to load before the
 * first request) is not used on the request path.
 */
public final class Json {
  /** One factory for the process: it caches field-name symbols and hands out recycled buffers. */
  public static final JsonFactory FACTORY = factory();

  /** A request is at most 16 MB, so no name or string in one is refused by the parser for its length. */
  private static final int MAX_REQUEST_BYTES = 16 * 1024 * 1024;

  /** The JSON {@code null} (a field present with a null value, a null array element). */
  public static final Object NULL = new Object() {
    @Override
    public String toString() {
      return "null";
    }
  };

  private Json() {}

  /**
   * The parser's read limits, raised to DynamoDB's own: an attribute name may have 65,535 bytes
   * (Jackson refuses names over 50,000 by default) and a string value up to the request size.
   * Numbers (only Limit-like members are JSON numbers) and nesting keep Jackson's defaults, far
   * beyond anything DynamoDB accepts. A Jackson older than 2.16 has no such limits to raise.
   */
  private static JsonFactory factory() {
    try {
      return JsonFactory.builder().disable(JsonFactory.Feature.INTERN_FIELD_NAMES).streamReadConstraints(com.fasterxml.jackson.core.StreamReadConstraints.builder()
          .maxNameLength(MAX_REQUEST_BYTES).maxStringLength(MAX_REQUEST_BYTES).build()).build();
    } catch (LinkageError olderJackson) {
      return new JsonFactory();
    }
  }

  /** Thrown for input that is not one complete JSON value. */
  public static final class MalformedException extends Exception {
    private static final long serialVersionUID = 1L;

    MalformedException(String message) {
      super(message, null, false, false);
    }
  }

  /**
   * Parses exactly one JSON value: empty input, malformed JSON and anything after the value are
   * {@link MalformedException}s.
   */
  public static Object parse(byte[] body, int offset, int length) throws MalformedException {
    try (JsonParser parser = FACTORY.createParser(body, offset, length)) {
      JsonToken token = parser.nextToken();
      if (token == null) {
        throw new MalformedException("no content");
      }
      Object value = read(parser, token);
      if (parser.nextToken() != null) {
        throw new MalformedException("content after the value");
      }
      return value;
    } catch (IOException e) { // JsonProcessingException included: malformed, or over a read limit
      throw new MalformedException(String.valueOf(e.getMessage()));
    }
  }

  /** Parses a JSON text (for tests and tools); malformed input is an IllegalArgumentException. */
  public static Object parse(String json) {
    byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
    try {
      return parse(bytes, 0, bytes.length);
    } catch (MalformedException e) {
      throw new IllegalArgumentException("malformed JSON: " + e.getMessage(), e);
    }
  }

  /** Reads the value that starts at {@code token}. Nesting is bounded by the parser's limits. */
  private static Object read(JsonParser parser, JsonToken token) throws IOException {
    switch (token) {
      case START_OBJECT: {
        String first = parser.nextFieldName();
        if (first == null) {
          return JsonObject.EMPTY;
        }
        Object firstValue = read(parser, parser.nextToken());
        String name = parser.nextFieldName();
        if (name == null) { // one member, like every attribute value: no builder
          return JsonObject.of(first, firstValue);
        }
        JsonObject.Builder object = new JsonObject.Builder();
        object.put(first, firstValue);
        for (; name != null; name = parser.nextFieldName()) {
          object.put(name, read(parser, parser.nextToken()));
        }
        return object.build();
      }
      case START_ARRAY: {
        List<Object> elements = new ArrayList<>();
        for (JsonToken next = parser.nextToken(); next != JsonToken.END_ARRAY; next = parser.nextToken()) {
          elements.add(read(parser, next));
        }
        return new JsonArray(elements.toArray());
      }
      case VALUE_STRING:
        return parser.getText();
      case VALUE_NUMBER_INT:
        return parser.getNumberValue(); // Integer, Long or BigInteger by magnitude
      case VALUE_NUMBER_FLOAT:
        return parser.getDoubleValue();
      case VALUE_TRUE:
        return Boolean.TRUE;
      case VALUE_FALSE:
        return Boolean.FALSE;
      case VALUE_NULL:
        return NULL;
      default:
        throw new IOException("unexpected " + token);
    }
  }

  public static boolean isNull(Object value) {
    return value == null || value == NULL;
  }

  public static boolean isIntegral(Object value) {
    return value instanceof Integer || value instanceof Long || value instanceof BigInteger;
  }

  /** A number's exact decimal value (a double's shortest decimal representation). */
  public static BigDecimal decimal(Number number) {
    if (number instanceof BigInteger) {
      return new BigDecimal((BigInteger) number);
    }
    if (number instanceof Integer || number instanceof Long) {
      return BigDecimal.valueOf(number.longValue());
    }
    if (number instanceof BigDecimal) {
      return (BigDecimal) number;
    }
    double value = number.doubleValue();
    if (Double.isInfinite(value)) { // a literal beyond double's range (1E+400): out of every range checked
      return BigDecimal.valueOf(Math.copySign(Double.MAX_VALUE, value));
    }
    return BigDecimal.valueOf(value);
  }

  /** Writes a value of this tree as JSON. */
  public static void write(JsonGenerator out, Object value) throws IOException {
    if (value instanceof JsonObject) {
      JsonObject object = (JsonObject) value;
      out.writeStartObject();
      for (int i = 0; i < object.size(); i++) {
        out.writeFieldName(object.name(i));
        write(out, object.value(i));
      }
      out.writeEndObject();
    } else if (value instanceof JsonArray) {
      out.writeStartArray();
      for (Object element : (JsonArray) value) {
        write(out, element);
      }
      out.writeEndArray();
    } else if (value instanceof String) {
      out.writeString((String) value);
    } else if (value instanceof Integer) {
      out.writeNumber((Integer) value);
    } else if (value instanceof Long) {
      out.writeNumber((Long) value);
    } else if (value instanceof BigInteger) {
      out.writeNumber((BigInteger) value);
    } else if (value instanceof Double) {
      out.writeNumber((Double) value);
    } else if (value instanceof BigDecimal) {
      out.writeNumber((BigDecimal) value);
    } else if (value instanceof Boolean) {
      out.writeBoolean((Boolean) value);
    } else if (isNull(value)) {
      out.writeNull();
    } else {
      throw new IllegalArgumentException("not a JSON value: " + value.getClass().getName());
    }
  }

  /** A value of this tree as JSON text. */
  public static String toJson(Object value) {
    StringWriter text = new StringWriter();
    try (JsonGenerator out = FACTORY.createGenerator(text)) {
      write(out, value);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return text.toString();
  }
}
