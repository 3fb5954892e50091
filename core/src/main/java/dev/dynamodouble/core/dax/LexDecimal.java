package dev.dynamodouble.core.dax;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * The order-preserving number encoding DAX uses for a numeric sort key inside key bytes: a header
 * byte for sign and decimal exponent (four more bytes when the exponent is large), then the
 * significand in base 1000, one 10-bit group per three digits, and a group saying how many digits
 * the last group holds. Negative numbers complement every group so that bytes sort as numbers do.
 */
final class LexDecimal {
  private static final int POSITIVE_OFFSET = 12;
  private static final int NEGATIVE_OFFSET = 999 + 12;

  private LexDecimal() {}

  static byte[] encode(BigDecimal value) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    if (value.signum() == 0) {
      out.write(0x80);
      return out.toByteArray();
    }
    BigDecimal stripped = value.stripTrailingZeros();
    String digits = stripped.unscaledValue().abs().toString();
    int precision = digits.length();
    int exponent = precision - stripped.scale();
    boolean negative = stripped.signum() < 0;
    if (exponent >= -0x3e && exponent < 0x3e) {
      out.write(negative ? 0x3f - exponent : exponent + 0xc0);
    } else {
      out.write(negative ? (exponent < 0 ? 0x7e : 0x01) : (exponent < 0 ? 0x81 : 0xfe));
      int bits = exponent ^ (negative ? 0x7fffffff : 0x80000000);
      for (int shift = 24; shift >= 0; shift -= 8) {
        out.write((bits >>> shift) & 0xff);
      }
    }
    int lastDigits = precision % 3 == 0 ? 3 : precision % 3;
    StringBuilder padded = new StringBuilder(digits);
    while (padded.length() % 3 != 0) {
      padded.append('0');
    }
    int groupCount = padded.length() / 3;
    int[] groups = new int[groupCount + 1];
    for (int i = 0; i < groupCount; i++) {
      int chunk = Integer.parseInt(padded.substring(3 * i, 3 * i + 3));
      groups[i] = negative ? NEGATIVE_OFFSET - chunk : chunk + POSITIVE_OFFSET;
    }
    int terminator = lastDigits == 3 ? 2 : lastDigits == 2 ? 1 : 0;
    groups[groupCount] = negative ? 1023 - terminator : terminator;
    long accumulator = 0;
    int bits = 0;
    for (int group : groups) {
      accumulator = (accumulator << 10) | group;
      bits += 10;
      while (bits >= 8) {
        bits -= 8;
        out.write((int) (accumulator >>> bits) & 0xff);
      }
      accumulator &= (1L << bits) - 1;
    }
    if (bits > 0) {
      out.write((int) (accumulator << (8 - bits)) & 0xff);
    }
    return out.toByteArray();
  }

  static BigDecimal decode(byte[] data, int offset, int length) {
    int end = offset + length;
    int pos = offset;
    int header = data[pos++] & 0xff;
    if (header == 0x80 || header == 0x7f) {
      return BigDecimal.ZERO;
    }
    boolean negative;
    int exponent;
    if (header == 0x01 || header == 0x7e || header == 0x81 || header == 0xfe) {
      negative = header < 0x80;
      int bits = 0;
      for (int i = 0; i < 4; i++) {
        bits = (bits << 8) | (data[pos++] & 0xff);
      }
      exponent = bits ^ (negative ? 0x7fffffff : 0x80000000);
    } else if (header >= 0x82) {
      negative = false;
      exponent = header - 0xc0;
    } else {
      negative = true;
      exponent = 0x3f - header;
    }
    StringBuilder digits = new StringBuilder();
    long accumulator = 0;
    int bits = 0;
    while (pos < end) {
      accumulator = (accumulator << 8) | (data[pos++] & 0xff);
      bits += 8;
      if (bits >= 10) {
        int group = (int) (accumulator >>> (bits - 10)) & 0x3ff;
        bits -= 10;
        accumulator &= (1L << bits) - 1;
        int plain = negative ? 1023 - group : group;
        if (plain <= 2) { // the terminator: how many digits the last group holds
          digits.setLength(digits.length() - (2 - plain));
          break;
        }
        int chunk = negative ? NEGATIVE_OFFSET - group : group - POSITIVE_OFFSET;
        digits.append(String.format("%03d", chunk));
      }
    }
    BigDecimal magnitude = new BigDecimal(new BigInteger(digits.toString()), digits.length() - exponent);
    return negative ? magnitude.negate() : magnitude;
  }
}
