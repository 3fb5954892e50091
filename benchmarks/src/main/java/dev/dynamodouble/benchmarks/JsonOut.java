package dev.dynamodouble.benchmarks;

import java.util.Locale;

/** A minimal JSON writer (objects, arrays, strings, numbers, null), pretty-printed. */
final class JsonOut {

  private final StringBuilder out = new StringBuilder();
  private int depth;
  private boolean first = true;
  private boolean afterName;

  JsonOut beginObject() {
    value();
    out.append('{');
    depth++;
    first = true;
    return this;
  }

  JsonOut endObject() {
    return close('}');
  }

  JsonOut beginArray() {
    value();
    out.append('[');
    depth++;
    first = true;
    return this;
  }

  JsonOut endArray() {
    return close(']');
  }

  JsonOut name(String name) {
    separator();
    string(name);
    out.append(": ");
    afterName = true;
    return this;
  }

  JsonOut value(String value) {
    value();
    if (value == null) {
      out.append("null");
    } else {
      string(value);
    }
    return this;
  }

  JsonOut value(double value) {
    value();
    if (Double.isNaN(value) || Double.isInfinite(value)) {
      out.append("null");
    } else if (value == Math.rint(value) && Math.abs(value) < 1e15) {
      out.append((long) value);
    } else {
      out.append(String.format(Locale.ROOT, "%.4f", value));
    }
    return this;
  }

  JsonOut value(long value) {
    value();
    out.append(value);
    return this;
  }

  JsonOut field(String name, String value) {
    return name(name).value(value);
  }

  JsonOut field(String name, double value) {
    return name(name).value(value);
  }

  JsonOut field(String name, long value) {
    return name(name).value(value);
  }

  @Override
  public String toString() {
    return out.toString() + "\n";
  }

  private void value() {
    if (afterName) {
      afterName = false;
      return;
    }
    separator();
  }

  private void separator() {
    if (depth == 0) {
      return;
    }
    if (!first) {
      out.append(',');
    }
    first = false;
    newline();
  }

  private JsonOut close(char bracket) {
    depth--;
    if (!first) {
      newline();
    }
    first = false;
    out.append(bracket);
    return this;
  }

  private void newline() {
    out.append('\n');
    for (int i = 0; i < depth; i++) {
      out.append("  ");
    }
  }

  private void string(String value) {
    out.append('"');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '"':
          out.append("\\\"");
          break;
        case '\\':
          out.append("\\\\");
          break;
        case '\n':
          out.append("\\n");
          break;
        case '\r':
          out.append("\\r");
          break;
        case '\t':
          out.append("\\t");
          break;
        default:
          if (c < 0x20) {
            out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
          } else {
            out.append(c);
          }
      }
    }
    out.append('"');
  }
}
