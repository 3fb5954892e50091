package dev.dynamodouble.core.operation;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.dynamodouble.core.error.DynamoException;
import dev.dynamodouble.core.protocol.JsonWritable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Function;

/**
 * NextToken of ListExports and ListImports: the last ARN of the page, as lowercase hex padded with
 * zero bytes to a whole number of 8-byte blocks and at least 56 bytes, which is the shape
 * ListImports' model requires ({@code ([0-9a-f]{16})+}, at least 112 characters).
 */
final class TransferPages {
  private static final int MIN_BYTES = 56;

  private TransferPages() {}

  /** Writes a page of {@link dev.dynamodouble.core.export} list results and, when more follow, its NextToken. */
  static <T> JsonWritable write(String field, List<T> page, int limit, Function<T, String> arn, Summary<T> summary) {
    boolean more = page.size() > limit;
    List<T> shown = more ? page.subList(0, limit) : page;
    return out -> {
      out.writeStartObject();
      out.writeArrayFieldStart(field);
      for (T each : shown) {
        summary.write(out, each);
      }
      out.writeEndArray();
      if (more) {
        out.writeStringField("NextToken", encode(arn.apply(shown.get(shown.size() - 1))));
      }
      out.writeEndObject();
    };
  }

  /** Writes one summary of a list page. */
  interface Summary<T> {
    void write(JsonGenerator out, T item) throws IOException;
  }

  static String encode(String arn) {
    byte[] text = arn.getBytes(StandardCharsets.UTF_8);
    int length = Math.max(MIN_BYTES, (text.length + 1 + 7) / 8 * 8);
    byte[] padded = java.util.Arrays.copyOf(text, length);
    return HexFormat.of().formatHex(padded);
  }

  /** The ARN of a token, null for none; a token this did not make is a ValidationException. */
  static String decode(String token) {
    if (token == null) {
      return null;
    }
    byte[] bytes;
    try {
      bytes = HexFormat.of().parseHex(token);
    } catch (IllegalArgumentException e) {
      throw DynamoException.validation("Invalid NextToken");
    }
    int end = bytes.length;
    while (end > 0 && bytes[end - 1] == 0) {
      end--;
    }
    if (end == 0 || end == bytes.length) {
      throw DynamoException.validation("Invalid NextToken");
    }
    return new String(bytes, 0, end, StandardCharsets.UTF_8);
  }
}
