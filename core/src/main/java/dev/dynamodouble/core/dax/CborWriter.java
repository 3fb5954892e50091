package dev.dynamodouble.core.dax;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;

/** Writes CBOR (RFC 8949) items into a growing byte array. */
final class CborWriter {
  private static final BigInteger LONG_MIN = BigInteger.valueOf(Long.MIN_VALUE);
  private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);

  private final ByteArrayOutputStream out = new ByteArrayOutputStream(128);

  byte[] toByteArray() {
    return out.toByteArray();
  }

  private CborWriter head(int major, long argument) {
    int type = major << 5;
    if (argument < 24) {
      out.write(type | (int) argument);
    } else if (argument < 0x100) {
      out.write(type | 24);
      out.write((int) argument);
    } else if (argument < 0x10000) {
      out.write(type | 25);
      fixed(argument, 2);
    } else if (argument < 0x100000000L) {
      out.write(type | 26);
      fixed(argument, 4);
    } else {
      out.write(type | 27);
      fixed(argument, 8);
    }
    return this;
  }

  private void fixed(long value, int size) {
    for (int i = size - 1; i >= 0; i--) {
      out.write((int) (value >>> (8 * i)) & 0xff);
    }
  }

  CborWriter integer(long value) {
    return value >= 0 ? head(CborReader.UNSIGNED, value) : head(CborReader.NEGATIVE, -1 - value);
  }

  CborWriter integer(BigInteger value) {
    if (value.compareTo(LONG_MIN) >= 0 && value.compareTo(LONG_MAX) <= 0) {
      return integer(value.longValueExact());
    }
    boolean negative = value.signum() < 0;
    head(CborReader.TAG, negative ? 3 : 2);
    byte[] magnitude = (negative ? value.negate().subtract(BigInteger.ONE) : value).toByteArray();
    int skip = magnitude.length > 1 && magnitude[0] == 0 ? 1 : 0;
    head(CborReader.BYTES, magnitude.length - skip);
    out.write(magnitude, skip, magnitude.length - skip);
    return this;
  }

  /** A number as DAX writes one: an integer when it is one, else a decimal fraction (tag 4). */
  CborWriter number(BigDecimal value) {
    BigDecimal stripped = value.signum() == 0 ? BigDecimal.ZERO : value.stripTrailingZeros();
    if (stripped.scale() <= 0 && stripped.precision() - stripped.scale() <= 38) {
      return integer(stripped.toBigIntegerExact());
    }
    tag(4).array(2).integer(-(long) stripped.scale());
    return integer(stripped.unscaledValue());
  }

  CborWriter tag(long tag) {
    return head(CborReader.TAG, tag);
  }

  CborWriter text(String value) {
    byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
    head(CborReader.TEXT, bytes.length);
    out.writeBytes(bytes);
    return this;
  }

  CborWriter bytes(byte[] value) {
    head(CborReader.BYTES, value.length);
    out.writeBytes(value);
    return this;
  }

  CborWriter array(int size) {
    return head(CborReader.ARRAY, size);
  }

  CborWriter map(int size) {
    return head(CborReader.MAP, size);
  }

  /** Starts a map of unknown size, ended by {@link #end()}: how DAX answers its response parameters. */
  CborWriter startMap() {
    out.write(0xbf);
    return this;
  }

  /** Ends an indefinite array or map. */
  CborWriter end() {
    out.write(0xff);
    return this;
  }

  CborWriter nil() {
    out.write(CborReader.NULL);
    return this;
  }

  CborWriter bool(boolean value) {
    out.write(value ? 0xf5 : 0xf4);
    return this;
  }

  CborWriter float64(double value) {
    out.write(0xfb);
    fixed(Double.doubleToLongBits(value), 8);
    return this;
  }

  /** Appends bytes that already are CBOR items. */
  CborWriter raw(byte[] items) {
    out.writeBytes(items);
    return this;
  }
}
