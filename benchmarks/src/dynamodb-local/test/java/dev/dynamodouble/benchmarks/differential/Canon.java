package dev.dynamodouble.benchmarks.differential;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A canonical text form of attribute values and items, in DynamoDB JSON: map keys sorted, set
 * elements sorted (a set's order is undefined in DynamoDB), every character outside printable
 * ASCII escaped as {@code \\uXXXX} so that reproducers can be pasted into Java or the AWS CLI.
 * Two values are the same to this test exactly when their canonical texts are equal; number
 * text is compared as returned (DynamoDB returns numbers normalised).
 */
final class Canon {

  static final String NONE = "<none>";

  private Canon() {}

  static String value(AttributeValue value) {
    StringBuilder out = new StringBuilder();
    write(out, value);
    return out.toString();
  }

  /** An item (or key, or set of returned attributes); {@code null} is {@link #NONE}. */
  static String item(Map<String, AttributeValue> item) {
    if (item == null) {
      return NONE;
    }
    StringBuilder out = new StringBuilder();
    writeMap(out, item);
    return out.toString();
  }

  static String names(Map<String, String> names) {
    StringBuilder out = new StringBuilder("{");
    boolean first = true;
    for (Map.Entry<String, String> entry : names.entrySet()) {
      if (!first) {
        out.append(',');
      }
      first = false;
      quote(out, entry.getKey());
      out.append(':');
      quote(out, entry.getValue());
    }
    return out.append('}').toString();
  }

  /** Values in the order they were given (placeholder maps are shown as the test sent them). */
  static String values(Map<String, AttributeValue> values) {
    StringBuilder out = new StringBuilder("{");
    boolean first = true;
    for (Map.Entry<String, AttributeValue> entry : values.entrySet()) {
      if (!first) {
        out.append(',');
      }
      first = false;
      quote(out, entry.getKey());
      out.append(':');
      write(out, entry.getValue());
    }
    return out.append('}').toString();
  }

  private static final java.util.regex.Pattern NUMBER = java.util.regex.Pattern.compile(
      "(?<![\\\\])\"N\":\"([^\"]*)\"|(?<![\\\\])\"NS\":\\[([^\\]]*)\\]");
  private static final java.util.regex.Pattern ELEMENT = java.util.regex.Pattern.compile("\"([^\"]*)\"");

  /**
   * The same canonical text with every number (N, NS element) respelt as its value, so that two
   * texts that differ only in how numbers are spelt become equal.
   */
  static String numbersByValue(String canonical) {
    java.util.regex.Matcher matcher = NUMBER.matcher(canonical);
    StringBuilder out = new StringBuilder();
    while (matcher.find()) {
      String replacement;
      if (matcher.group(1) != null) {
        replacement = "\"N\":\"" + byValue(matcher.group(1)) + "\"";
      } else {
        java.util.regex.Matcher element = ELEMENT.matcher(matcher.group(2));
        List<String> values = new ArrayList<>();
        while (element.find()) {
          values.add("\"" + byValue(element.group(1)) + "\"");
        }
        replacement = "\"NS\":[" + String.join(",", values) + "]";
      }
      matcher.appendReplacement(out, java.util.regex.Matcher.quoteReplacement(replacement));
    }
    matcher.appendTail(out);
    return out.toString();
  }

  /** Every number spelling in a canonical text, in order. */
  static List<String> numbers(String canonical) {
    List<String> numbers = new ArrayList<>();
    java.util.regex.Matcher matcher = NUMBER.matcher(canonical);
    while (matcher.find()) {
      if (matcher.group(1) != null) {
        numbers.add(matcher.group(1));
      } else {
        java.util.regex.Matcher element = ELEMENT.matcher(matcher.group(2));
        while (element.find()) {
          numbers.add(element.group(1));
        }
      }
    }
    return numbers;
  }

  private static String byValue(String number) {
    try {
      BigDecimal value = new BigDecimal(number);
      return value.signum() == 0 ? "0" : value.stripTrailingZeros().toString();
    } catch (NumberFormatException e) {
      return number;
    }
  }

  static String text(String text) {
    StringBuilder out = new StringBuilder();
    quote(out, text);
    return out.toString();
  }

  private static void write(StringBuilder out, AttributeValue value) {
    if (value == null) {
      out.append("null");
      return;
    }
    switch (value.type()) {
      case S:
        out.append("{\"S\":");
        quote(out, value.s());
        out.append('}');
        break;
      case N:
        out.append("{\"N\":");
        quote(out, value.n());
        out.append('}');
        break;
      case B:
        out.append("{\"B\":");
        quote(out, base64(value.b()));
        out.append('}');
        break;
      case BOOL:
        out.append("{\"BOOL\":").append(value.bool()).append('}');
        break;
      case NUL:
        out.append("{\"NULL\":").append(value.nul()).append('}');
        break;
      case M:
        out.append("{\"M\":");
        writeMap(out, value.m());
        out.append('}');
        break;
      case L:
        out.append("{\"L\":[");
        for (int i = 0; i < value.l().size(); i++) {
          if (i > 0) {
            out.append(',');
          }
          write(out, value.l().get(i));
        }
        out.append("]}");
        break;
      case SS:
        writeSet(out, "SS", value.ss(), Comparator.naturalOrder());
        break;
      case NS:
        writeSet(out, "NS", value.ns(), Canon::compareNumberText);
        break;
      case BS:
        List<String> encoded = new ArrayList<>();
        for (SdkBytes bytes : value.bs()) {
          encoded.add(base64(bytes));
        }
        writeSet(out, "BS", encoded, Comparator.naturalOrder());
        break;
      default:
        out.append("{\"?\":").append(value).append('}');
    }
  }

  private static void writeMap(StringBuilder out, Map<String, AttributeValue> map) {
    out.append('{');
    boolean first = true;
    for (Map.Entry<String, AttributeValue> entry : new TreeMap<>(map).entrySet()) {
      if (!first) {
        out.append(',');
      }
      first = false;
      quote(out, entry.getKey());
      out.append(':');
      write(out, entry.getValue());
    }
    out.append('}');
  }

  private static void writeSet(StringBuilder out, String type, Collection<String> elements,
      Comparator<String> order) {
    List<String> sorted = new ArrayList<>(elements);
    sorted.sort(order);
    out.append("{\"").append(type).append("\":[");
    for (int i = 0; i < sorted.size(); i++) {
      if (i > 0) {
        out.append(',');
      }
      quote(out, sorted.get(i));
    }
    out.append("]}");
  }

  private static int compareNumberText(String a, String b) {
    try {
      int byValue = new BigDecimal(a).compareTo(new BigDecimal(b));
      if (byValue != 0) {
        return byValue;
      }
    } catch (NumberFormatException e) {
      // fall through to text order
    }
    return a.compareTo(b);
  }

  private static String base64(SdkBytes bytes) {
    return Base64.getEncoder().encodeToString(bytes.asByteArray());
  }

  private static void quote(StringBuilder out, String text) {
    out.append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '"' || c == '\\') {
        out.append('\\').append(c);
      } else if (c >= 0x20 && c < 0x7f) {
        out.append(c);
      } else {
        out.append(String.format("\\u%04X", (int) c));
      }
    }
    out.append('"');
  }
}
