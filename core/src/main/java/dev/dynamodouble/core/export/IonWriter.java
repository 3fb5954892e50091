package dev.dynamodouble.core.export;

import dev.dynamodouble.core.value.AttributeValue;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.Base64;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Writes items as Amazon Ion text the way DynamoDB's Ion export does: S as string, N as decimal
 * ({@code 103.}, {@code 6d2}), B as blob, BOOL as bool, NULL as null, M as struct, L as list, and
 * sets as lists annotated {@code $dynamodb_SS}, {@code $dynamodb_NS} or {@code $dynamodb_BS}.
 */
final class IonWriter {
  private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  private IonWriter() {}

  static void struct(Appendable out, Map<String, AttributeValue> item) throws IOException {
    out.append('{');
    boolean first = true;
    for (Map.Entry<String, AttributeValue> e : item.entrySet()) {
      if (!first) {
        out.append(',');
      }
      first = false;
      fieldName(out, e.getKey());
      out.append(':');
      value(out, e.getValue());
    }
    out.append('}');
  }

  /** A field name: bare when it is an identifier and no keyword, else a quoted symbol. */
  static void fieldName(Appendable out, String name) throws IOException {
    if (IDENTIFIER.matcher(name).matches() && !isKeyword(name)) {
      out.append(name);
      return;
    }
    out.append('\'');
    escaped(out, name, '\'');
    out.append('\'');
  }

  private static boolean isKeyword(String name) {
    return name.equals("null") || name.equals("true") || name.equals("false") || name.equals("nan");
  }

  static void value(Appendable out, AttributeValue value) throws IOException {
    switch (value.type()) {
      case S -> string(out, ((AttributeValue.S) value).value());
      case N -> decimal(out, ((AttributeValue.N) value).decimal());
      case B -> blob(out, ((AttributeValue.B) value).bytes());
      case BOOL -> out.append(((AttributeValue.Bool) value).value() ? "true" : "false");
      case NULL -> out.append("null");
      case M -> struct(out, ((AttributeValue.M) value).value());
      case L -> list(out, "", ((AttributeValue.L) value).value(), IonWriter::value);
      case SS -> list(out, "$dynamodb_SS::", ((AttributeValue.SS) value).value(), IonWriter::string);
      case NS -> list(out, "$dynamodb_NS::", ((AttributeValue.NS) value).value(), (o, n) -> decimal(o, n.decimal()));
      case BS -> list(out, "$dynamodb_BS::", ((AttributeValue.BS) value).value(), (o, b) -> blob(o, b.bytes()));
      default -> throw new IllegalStateException(value.type().name());
    }
  }

  private interface ElementWriter<T> {
    void write(Appendable out, T element) throws IOException;
  }

  /** A list, with an annotation (a set) or without ("" for L). */
  private static <T> void list(Appendable out, String annotation, Iterable<T> elements, ElementWriter<T> writer)
      throws IOException {
    out.append(annotation).append('[');
    boolean first = true;
    for (T element : elements) {
      if (!first) {
        out.append(',');
      }
      first = false;
      writer.write(out, element);
    }
    out.append(']');
  }

  static void string(Appendable out, String s) throws IOException {
    out.append('"');
    escaped(out, s, '"');
    out.append('"');
  }

  /** An Ion decimal: {@code 103.}, {@code -1.5}, {@code 6d2}, {@code 15d-11}. */
  static void decimal(Appendable out, BigDecimal value) throws IOException {
    BigDecimal d = value.signum() == 0 ? BigDecimal.ZERO : value.stripTrailingZeros();
    if (d.scale() == 0) {
      out.append(d.unscaledValue().toString()).append('.');
    } else if (d.scale() < 0) {
      out.append(d.unscaledValue().toString()).append('d').append(Integer.toString(-d.scale()));
    } else if (d.scale() <= 20) {
      out.append(d.toPlainString());
    } else {
      out.append(d.unscaledValue().toString()).append("d-").append(Integer.toString(d.scale()));
    }
  }

  private static void blob(Appendable out, byte[] bytes) throws IOException {
    out.append("{{").append(Base64.getEncoder().encodeToString(bytes)).append("}}");
  }

  private static void escaped(Appendable out, String s, char quote) throws IOException {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == quote || c == '\\') {
        out.append('\\').append(c);
      } else if (c == '\n') {
        out.append("\\n");
      } else if (c == '\r') {
        out.append("\\r");
      } else if (c == '\t') {
        out.append("\\t");
      } else if (c < 0x20 || c == 0x7f) {
        out.append(String.format("\\x%02x", (int) c));
      } else {
        out.append(c);
      }
    }
  }
}
