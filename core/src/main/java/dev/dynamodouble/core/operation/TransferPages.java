package dev.dynamodouble.core.operation;

import dev.dynamodouble.core.error.DynamoException;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/**
 * NextToken of ListExports and ListImports: the last ARN of the page, as lowercase hex padded with
 * zero bytes to a whole number of 8-byte blocks and at least 56 bytes, which is the shape
 * ListImports' model requires ({@code ([0-9a-f]{16})+}, at least 112 characters).
 */
final class TransferPages {
  private static final int MIN_BYTES = 56;

  private TransferPages() {}

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
