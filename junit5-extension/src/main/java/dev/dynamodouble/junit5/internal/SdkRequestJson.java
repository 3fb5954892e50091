package dev.dynamodouble.junit5.internal;

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

  private SdkRequestJson() {}

  /** The JSON body of {@code request}, or null when only the SDK's marshaller can write it. */
  static String of(SdkPojo request) {
    StringBuilder out = new StringBuilder(256);
    try {
      object(request, out);
    } catch (Unsupported e) {
      return null;
    }
    return out.toString();
  }

  private static void object(SdkPojo pojo, StringBuilder out) throws Unsupported {
    out.append('{');
    boolean first = true;
    for (SdkField<?> field : pojo.sdkFields()) {
      Object value = field.getValueOrDefault(pojo);
      if (value == null || value instanceof SdkAutoConstructList || value instanceof SdkAutoConstructMap) {
        continue;
      }
      if (field.location() != MarshallLocation.PAYLOAD) {
        throw new Unsupported();
      }
      if (!first) {
        out.append(',');
      }
      first = false;
      string(field.locationName(), out);
      out.append(':');
      value(value, out);
    }
    out.append('}');
  }

  private static void value(Object value, StringBuilder out) throws Unsupported {
    if (value instanceof String text) {
      string(text, out);
    } else if (value instanceof Boolean || value instanceof Integer || value instanceof Long
        || value instanceof Short || value instanceof Byte) {
      out.append(value);
    } else if (value instanceof BigDecimal decimal) {
      out.append(decimal.toString());
    } else if (value instanceof SdkBytes bytes) {
      string(Base64.getEncoder().encodeToString(bytes.asByteArrayUnsafe()), out);
    } else if (value instanceof SdkPojo pojo) {
      object(pojo, out);
    } else if (value instanceof List<?> list) {
      out.append('[');
      for (int i = 0; i < list.size(); i++) {
        if (i > 0) {
          out.append(',');
        }
        element(list.get(i), out);
      }
      out.append(']');
    } else if (value instanceof Map<?, ?> map) {
      out.append('{');
      boolean first = true;
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        if (!(entry.getKey() instanceof String key)) {
          throw new Unsupported();
        }
        if (!first) {
          out.append(',');
        }
        first = false;
        string(key, out);
        out.append(':');
        element(entry.getValue(), out);
      }
      out.append('}');
    } else {
      throw new Unsupported(); // a timestamp, a float, a document: the SDK's marshaller knows their wire form
    }
  }

  private static void element(Object value, StringBuilder out) throws Unsupported {
    if (value == null) {
      out.append("null");
    } else {
      value(value, out);
    }
  }

  private static void string(String text, StringBuilder out) {
    out.append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '"' || c == '\\') {
        out.append('\\').append(c);
      } else if (c < 0x20) {
        out.append(String.format("\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    out.append('"');
  }
}
