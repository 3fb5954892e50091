package dev.dynamodouble.core.export;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.dynamodouble.core.protocol.Json;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * Reads one record of Amazon Ion text as DynamoDB's Ion import takes it ({@code $ion_1_0
 * {Item:{...}}}: a struct of structs of attributes, typed as {@link IonWriter} writes them) and
 * turns it into the same record in DynamoDB JSON, so both formats share one validation.
 *
 * <p>The Ion text grammar read: structs, lists, strings (short and long), decimals, ints (also hex
 * and binary, with underscores), floats, blobs, bools, typed and untyped nulls, annotations,
 * symbols as field names, and comments. A timestamp, clob, s-expression or bare symbol value has no
 * DynamoDB type: the record is an error.
 */
final class IonReader {
  /** A malformed record (the import counts it as an error). */
  static final class IonException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    IonException(String message) {
      super(message);
    }
  }

  private final String text;
  private int at;

  private IonReader(String text) {
    this.text = text;
  }

  /** The DynamoDB JSON of the one record in {@code text}; null when it holds no value (blank, or only a version marker). */
  static byte[] toDynamoJson(String text) {
    IonReader reader = new IonReader(text);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(text.length() + 64);
    try (JsonGenerator out = Json.FACTORY.createGenerator(bytes, JsonEncoding.UTF8)) {
      boolean seen = false;
      while (true) {
        reader.skipSpace();
        if (reader.at >= text.length()) {
          break;
        }
        if (text.startsWith("$ion_1_0", reader.at) && !reader.identifierCharAt(reader.at + 8)) {
          reader.at += 8;
          continue;
        }
        if (seen) {
          throw new IonException("more than one value in a record");
        }
        seen = true;
        reader.expect('{');
        out.writeStartObject();
        reader.fields(out, () -> {
          reader.skipSpace();
          reader.expect('{');
          reader.attributes(out);
        });
        out.writeEndObject();
      }
      if (!seen) {
        return null;
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  private interface FieldBody {
    void read() throws IOException;
  }

  /** The fields of a struct whose '{' was read, through its '}'; each value read by {@code body}. */
  private void fields(JsonGenerator out, FieldBody body) throws IOException {
    sequence('}', () -> {
      skipSpace();
      out.writeFieldName(fieldName());
      skipSpace();
      expect(':');
      body.read();
    });
  }

  /** Comma-separated elements (a trailing comma allowed) up to and including {@code close}. */
  private void sequence(char close, FieldBody element) throws IOException {
    skipSpace();
    if (peek() == close) {
      at++;
      return;
    }
    while (true) {
      element.read();
      skipSpace();
      char c = next();
      if (c == close) {
        return;
      }
      if (c != ',') {
        throw new IonException("expected ',' or '" + close + "' at " + (at - 1));
      }
      skipSpace();
      if (peek() == close) {
        at++;
        return;
      }
    }
  }

  /** A struct of attributes (its '{' read): name to typed value. */
  private void attributes(JsonGenerator out) throws IOException {
    out.writeStartObject();
    fields(out, () -> attribute(out));
    out.writeEndObject();
  }

  private void attribute(JsonGenerator out) throws IOException {
    skipSpace();
    String annotation = null;
    while (true) {
      int mark = at;
      if (Character.isLetter(peek()) || peek() == '$' || peek() == '_' || peek() == '\'') {
        String symbol = peek() == '\'' ? quoted('\'') : identifier();
        skipSpace();
        if (text.startsWith("::", at)) {
          at += 2;
          skipSpace();
          annotation = symbol;
          continue;
        }
        at = mark;
      }
      break;
    }
    if (annotation != null && annotation.startsWith("$dynamodb_")) {
      set(out, annotation.substring("$dynamodb_".length()));
      return;
    }
    out.writeStartObject();
    char c = peek();
    if (c == '"' || text.startsWith("'''", at)) {
      out.writeStringField("S", string());
    } else if (c == '{' && text.startsWith("{{", at)) {
      out.writeStringField("B", blob());
    } else if (c == '{') {
      at++;
      out.writeFieldName("M");
      attributes(out);
    } else if (c == '[') {
      at++;
      out.writeArrayFieldStart("L");
      elements(() -> attribute(out));
      out.writeEndArray();
    } else if (c == '-' || c == '+' || Character.isDigit(c)) {
      out.writeStringField("N", number());
    } else {
      String word = identifier();
      if (word.equals("true") || word.equals("false")) {
        out.writeBooleanField("BOOL", word.equals("true"));
      } else if (word.equals("null")) {
        if (peek() == '.') { // a typed null: null.string, null.struct ...
          at++;
          identifier();
        }
        out.writeBooleanField("NULL", true);
      } else {
        throw new IonException("'" + word + "' has no DynamoDB type");
      }
    }
    out.writeEndObject();
  }

  /** An annotated list: $dynamodb_SS, _NS or _BS. */
  private void set(JsonGenerator out, String type) throws IOException {
    if (!type.equals("SS") && !type.equals("NS") && !type.equals("BS")) {
      throw new IonException("unknown annotation $dynamodb_" + type);
    }
    expect('[');
    out.writeStartObject();
    out.writeArrayFieldStart(type);
    elements(() -> {
      skipSpace();
      switch (type) {
        case "SS" -> out.writeString(string());
        case "NS" -> out.writeString(number());
        default -> out.writeString(blob());
      }
    });
    out.writeEndArray();
    out.writeEndObject();
  }

  /** The elements of a list whose '[' was read, through its ']'. */
  private void elements(FieldBody element) throws IOException {
    sequence(']', element);
  }

  private String fieldName() {
    char c = peek();
    if (c == '\'' && !text.startsWith("'''", at)) {
      return quoted('\'');
    }
    if (c == '"' || c == '\'') {
      return string();
    }
    return identifier();
  }

  private String identifier() {
    int start = at;
    while (at < text.length() && identifierCharAt(at)) {
      at++;
    }
    if (start == at) {
      throw new IonException(at >= text.length() ? "unexpected end of record" : "unexpected '" + text.charAt(at) + "' at " + at);
    }
    return text.substring(start, at);
  }

  private boolean identifierCharAt(int i) {
    if (i >= text.length()) {
      return false;
    }
    char c = text.charAt(i);
    return Character.isLetterOrDigit(c) || c == '_' || c == '$';
  }

  /** A short string, or adjacent long strings concatenated. */
  private String string() {
    if (peek() == '"') {
      return quoted('"');
    }
    StringBuilder joined = new StringBuilder();
    while (text.startsWith("'''", at)) {
      at += 3;
      int end = text.indexOf("'''", at);
      while (end > 0 && backslashes(end) % 2 == 1) {
        end = text.indexOf("'''", end + 1);
      }
      if (end < 0) {
        throw new IonException("unterminated long string");
      }
      joined.append(unescape(text.substring(at, end)));
      at = end + 3;
      int mark = at;
      skipSpace();
      if (!text.startsWith("'''", at)) {
        at = mark;
      }
    }
    return joined.toString();
  }

  private int backslashes(int before) {
    int n = 0;
    while (before - n - 1 >= 0 && text.charAt(before - n - 1) == '\\') {
      n++;
    }
    return n;
  }

  private String quoted(char quote) {
    expect(quote);
    int start = at;
    while (at < text.length() && text.charAt(at) != quote) {
      at += text.charAt(at) == '\\' ? 2 : 1;
    }
    if (at >= text.length()) {
      throw new IonException("unterminated string");
    }
    String raw = text.substring(start, at);
    at++;
    return unescape(raw);
  }

  private static String unescape(String raw) {
    if (raw.indexOf('\\') < 0) {
      return raw;
    }
    StringBuilder out = new StringBuilder(raw.length());
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c != '\\') {
        out.append(c);
        continue;
      }
      if (++i >= raw.length()) {
        throw new IonException("bad escape");
      }
      char e = raw.charAt(i);
      switch (e) {
        case 'n' -> out.append('\n');
        case 'r' -> out.append('\r');
        case 't' -> out.append('\t');
        case '0' -> out.append('\0');
        case 'a' -> out.append('\u0007');
        case 'b' -> out.append('\b');
        case 'f' -> out.append('\f');
        case 'v' -> out.append('\u000b');
        case '\n' -> { } // an escaped newline continues the string
        case 'x', 'u', 'U' -> {
          int digits = e == 'x' ? 2 : e == 'u' ? 4 : 8;
          if (i + digits >= raw.length()) {
            throw new IonException("bad escape");
          }
          try {
            out.appendCodePoint(Integer.parseInt(raw.substring(i + 1, i + 1 + digits), 16));
          } catch (RuntimeException bad) {
            throw new IonException("bad escape");
          }
          i += digits;
        }
        default -> out.append(e); // \" \' \\ \/ \?
      }
    }
    return out.toString();
  }

  private String blob() {
    if (!text.startsWith("{{", at)) {
      throw new IonException("expected a blob at " + at);
    }
    int end = text.indexOf("}}", at + 2);
    if (end < 0) {
      throw new IonException("unterminated blob");
    }
    String body = text.substring(at + 2, end).replaceAll("\\s+", "");
    at = end + 2;
    if (body.startsWith("\"") || body.startsWith("'")) {
      throw new IonException("a clob has no DynamoDB type");
    }
    return body;
  }

  /** An int, decimal or float, as DynamoDB number text. */
  private String number() {
    int start = at;
    while (at < text.length() && "+-0123456789._xXbBdDeEabcdefABCDEF".indexOf(text.charAt(at)) >= 0) {
      at++;
    }
    String raw = text.substring(start, at).replace("_", "");
    try {
      String unsigned = raw.startsWith("-") ? raw.substring(1) : raw;
      String sign = raw.startsWith("-") ? "-" : "";
      if (unsigned.startsWith("0x") || unsigned.startsWith("0X")) {
        return sign + new BigInteger(unsigned.substring(2), 16);
      }
      if (unsigned.startsWith("0b") || unsigned.startsWith("0B")) {
        return sign + new BigInteger(unsigned.substring(2), 2);
      }
      return new BigDecimal(raw.replace('d', 'E').replace('D', 'E')).toString();
    } catch (NumberFormatException e) {
      throw new IonException("'" + raw + "' is not a number");
    }
  }

  private void skipSpace() {
    while (at < text.length()) {
      char c = text.charAt(at);
      if (Character.isWhitespace(c)) {
        at++;
      } else if (text.startsWith("//", at)) {
        int end = text.indexOf('\n', at);
        at = end < 0 ? text.length() : end + 1;
      } else if (text.startsWith("/*", at)) {
        int end = text.indexOf("*/", at + 2);
        if (end < 0) {
          throw new IonException("unterminated comment");
        }
        at = end + 2;
      } else {
        return;
      }
    }
  }

  private char peek() {
    return at < text.length() ? text.charAt(at) : '\0';
  }

  private char next() {
    if (at >= text.length()) {
      throw new IonException("unexpected end of record");
    }
    return text.charAt(at++);
  }

  private void expect(char c) {
    if (next() != c) {
      throw new IonException("expected '" + c + "' at " + (at - 1));
    }
  }
}
