package dev.dynamodouble.junit5.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.protocol.MarshallLocation;
import software.amazon.awssdk.core.util.SdkAutoConstructList;
import software.amazon.awssdk.core.util.SdkAutoConstructMap;

/**
 * An SDK request as the awsJson1_0 body the SDK's own marshaller writes for it, read from the
 * model's field descriptions: every member set, by its wire name, unset ones left out. A request
 * holding a value this does not write (a timestamp, a document, a member outside the body) gives
 * null, and the caller sends it through the SDK client instead: nothing is ever left out.
 */
final class SdkRequestJson {
  /** A value this writer does not write. */
  private static final class Unsupported extends Exception {
    private static final long serialVersionUID = 1L;

    Unsupported() {
      super(null, null, false, false);
    }
  }

  /** This module's Jackson (core's is relocated in its published jar, so not for this module to use). */
  private static final JsonFactory JSON = new JsonFactory();

  private SdkRequestJson() {}

  /** The JSON body of {@code request}, or null when only the SDK's marshaller can write it. */
  static String of(SdkPojo request) {
    StringWriter out = new StringWriter(256);
    try (JsonGenerator json = JSON.createGenerator(out)) {
      object(request, json);
    } catch (Unsupported e) {
      return null;
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a StringWriter does not fail
    }
    return out.toString();
  }

  private static void object(SdkPojo pojo, JsonGenerator json) throws Unsupported, IOException {
    json.writeStartObject();
    for (SdkField<?> field : pojo.sdkFields()) {
      Object value = field.getValueOrDefault(pojo);
      if (value == null || value instanceof SdkAutoConstructList || value instanceof SdkAutoConstructMap) {
        continue;
      }
      if (field.location() != MarshallLocation.PAYLOAD) {
        throw new Unsupported();
      }
      json.writeFieldName(field.locationName());
      value(value, json);
    }
    json.writeEndObject();
  }

  private static void value(Object value, JsonGenerator json) throws Unsupported, IOException {
    if (value instanceof String text) {
      json.writeString(text);
    } else if (value instanceof Boolean flag) {
      json.writeBoolean(flag);
    } else if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
      json.writeNumber(((Number) value).longValue());
    } else if (value instanceof BigDecimal decimal) {
      json.writeNumber(decimal);
    } else if (value instanceof SdkBytes bytes) {
      json.writeString(Base64.getEncoder().encodeToString(bytes.asByteArrayUnsafe()));
    } else if (value instanceof SdkPojo pojo) {
      object(pojo, json);
    } else if (value instanceof List<?> list) {
      json.writeStartArray();
      for (Object element : list) {
        element(element, json);
      }
      json.writeEndArray();
    } else if (value instanceof Map<?, ?> map) {
      json.writeStartObject();
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        if (!(entry.getKey() instanceof String key)) {
          throw new Unsupported();
        }
        json.writeFieldName(key);
        element(entry.getValue(), json);
      }
      json.writeEndObject();
    } else {
      throw new Unsupported(); // a timestamp, a float, a document: the SDK's marshaller knows their wire form
    }
  }

  private static void element(Object value, JsonGenerator json) throws Unsupported, IOException {
    if (value == null) {
      json.writeNull();
    } else {
      value(value, json);
    }
  }
}
