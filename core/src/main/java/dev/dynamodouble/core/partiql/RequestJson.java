package dev.dynamodouble.core.partiql;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.dynamodouble.core.error.DynamoException;
import dev.dynamodouble.core.protocol.AttributeValues;
import dev.dynamodouble.core.protocol.Json;
import dev.dynamodouble.core.protocol.JsonRequest;
import dev.dynamodouble.core.protocol.JsonWritable;
import dev.dynamodouble.core.value.AttributeValue;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/**
 * Builds the request of an engine operation from plain Java values, and reads an operation's
 * response back, both through the same JSON the wire carries, so a compiled statement is checked
 * by exactly the code that checks a hand-written request.
 */
public final class RequestJson {
  private RequestJson() {}

  /**
   * A request of {@code fields}: values are strings, numbers, booleans, attribute values (written
   * in the wire format), maps (objects) and lists (arrays) of these. Null fields are left out.
   */
  public static JsonRequest request(Map<String, ?> fields) {
    return parse(out -> write(out, fields));
  }

  /** What {@code body} writes, read back as a request structure. */
  public static JsonRequest parse(JsonWritable body) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
    try (JsonGenerator out = Json.FACTORY.createGenerator(bytes, JsonEncoding.UTF8)) {
      body.write(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    byte[] array = bytes.toByteArray();
    return JsonRequest.parse(array, 0, array.length);
  }

  /** The extra body fields of an error (its Item, its CancellationReasons), or an empty structure. */
  public static JsonRequest detail(DynamoException e) {
    if (e.detail() == null) {
      return JsonRequest.empty();
    }
    return parse(out -> {
      out.writeStartObject();
      e.detail().write(out);
      out.writeEndObject();
    });
  }

  static void write(JsonGenerator out, Object value) throws IOException {
    if (value instanceof AttributeValue v) {
      AttributeValues.write(out, v);
    } else if (value instanceof Map<?, ?> map) {
      out.writeStartObject();
      for (Map.Entry<?, ?> e : map.entrySet()) {
        if (e.getValue() != null) {
          out.writeFieldName((String) e.getKey());
          write(out, e.getValue());
        }
      }
      out.writeEndObject();
    } else if (value instanceof List<?> list) {
      out.writeStartArray();
      for (Object element : list) {
        write(out, element);
      }
      out.writeEndArray();
    } else {
      Json.write(out, value);
    }
  }
}
