package dev.dynamodouble.core.dax;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;

/**
 * Reads the CBOR (RFC 8949) items DAX messages are made of, from a byte array. Running past the
 * end throws {@link Incomplete}: the transport then waits for more bytes, since DAX frames nothing.
 */
final class CborReader {
  static final int UNSIGNED = 0;
  static final int NEGATIVE = 1;
  static final int BYTES = 2;
  static final int TEXT = 3;
  static final int ARRAY = 4;
  static final int MAP = 5;
  static final int TAG = 6;
  static final int SIMPLE = 7;
  static final int BREAK = 0xff;
  static final int NULL = 0xf6;

  /** The input ended inside an item. */
  static final class Incomplete extends RuntimeException {
    static final Incomplete INSTANCE = new Incomplete();

    private Incomplete() {
      super("incomplete CBOR item", null, false, false);
    }
  }

  /** The input is not what the DAX protocol allows here. */
  static final class Malformed extends RuntimeException {
    Malformed(String message) {
      super(message);
    }
  }

  private final byte[] data;
  private int pos;
  private final int limit;

  CborReader(byte[] data) {
    this(data, 0, data.length);
  }

  CborReader(byte[] data, int offset, int length) {
    this.data = data;
    this.pos = offset;
    this.limit = offset + length;
  }

  int position() {
    return pos;
  }

  /** A copy of the bytes between two positions. */
  byte[] copyRange(int from, int to) {
    return java.util.Arrays.copyOfRange(data, from, to);
  }

  /** Goes back to a {@link #position()} read before. */
  void rewindTo(int position) {
    pos = position;
  }

  boolean atEnd() {
    return pos >= limit;
  }

  /** The bytes not read yet. */
  byte[] rest() {
    byte[] out = java.util.Arrays.copyOfRange(data, pos, limit);
    pos = limit;
    return out;
  }

  int peek() {
    if (pos >= limit) {
      throw Incomplete.INSTANCE;
    }
    return data[pos] & 0xff;
  }

  int peekMajor() {
    return peek() >>> 5;
  }

  boolean peekNull() {
    return peek() == NULL;
  }

  boolean peekBreak() {
    return peek() == BREAK;
  }

  /** Consumes a null if one is next. */
  boolean tryNull() {
    if (peekNull()) {
      pos++;
      return true;
    }
    return false;
  }

  void readBreak() {
    expect(peek() == BREAK, "a break");
    pos++;
  }

  private int next() {
    if (pos >= limit) {
      throw Incomplete.INSTANCE;
    }
    return data[pos++] & 0xff;
  }

  /**
   * How many bytes follow a head byte with additional information {@code info} to make its
   * argument: 0 when the argument is {@code info} itself (below 24) or the length is indefinite (31).
   *
   * @throws Malformed for the reserved values 28-30
   */
  static int argumentBytes(int info) {
    return switch (info) {
      case 24 -> 1;
      case 25 -> 2;
      case 26 -> 4;
      case 27 -> 8;
      case 28, 29, 30 -> throw new Malformed("reserved CBOR additional information " + info);
      default -> 0;
    };
  }

  /** The argument of a head byte: its length, count or value; -1 for an indefinite length. */
  private long argument(int head) {
    int info = head & 0x1f;
    if (info < 24) {
      return info;
    }
    int size = argumentBytes(info);
    if (size == 0) {
      return -1;
    }
    long value = 0;
    for (int i = 0; i < size; i++) {
      value = (value << 8) | next();
    }
    return value;
  }

  private static void expect(boolean ok, String what) {
    if (!ok) {
      throw new Malformed("expected " + what);
    }
  }

  /** An integer (major type 0 or 1) that fits a long. */
  long readLong() {
    int head = next();
    int major = head >>> 5;
    expect(major == UNSIGNED || major == NEGATIVE, "an integer");
    long value = argument(head);
    return major == UNSIGNED ? value : -1 - value;
  }

  int readInt() {
    return Math.toIntExact(readLong());
  }

  /** An integer, a bignum (tags 2 and 3) included. */
  BigInteger readBigInteger() {
    int major = peekMajor();
    if (major == UNSIGNED || major == NEGATIVE) {
      int head = next();
      long raw = argument(head);
      BigInteger value = raw >= 0 ? BigInteger.valueOf(raw)
          : BigInteger.valueOf(raw & Long.MAX_VALUE).setBit(63); // above Long.MAX_VALUE
      return major == UNSIGNED ? value : value.negate().subtract(BigInteger.ONE);
    }
    long tag = readTag();
    BigInteger magnitude = new BigInteger(1, readBytes());
    expect(tag == 2 || tag == 3, "a bignum");
    return tag == 2 ? magnitude : magnitude.negate().subtract(BigInteger.ONE);
  }

  long readTag() {
    int head = next();
    expect(head >>> 5 == TAG, "a tag");
    return argument(head);
  }

  byte[] readBytes() {
    return readString(BYTES);
  }

  String readText() {
    return new String(readString(TEXT), StandardCharsets.UTF_8);
  }

  /** Text or bytes read as UTF-8 (DAX sends table names as bytes). */
  String readTextOrBytes() {
    return peekMajor() == BYTES ? new String(readBytes(), StandardCharsets.UTF_8) : readText();
  }

  private byte[] readString(int major) {
    int head = next();
    expect(head >>> 5 == major, major == BYTES ? "a byte string" : "a text string");
    long length = argument(head);
    if (length >= 0) {
      if (length > limit - pos) {
        throw Incomplete.INSTANCE;
      }
      byte[] out = java.util.Arrays.copyOfRange(data, pos, pos + (int) length);
      pos += (int) length;
      return out;
    }
    java.io.ByteArrayOutputStream chunks = new java.io.ByteArrayOutputStream();
    while (!peekBreak()) {
      chunks.writeBytes(readString(major));
    }
    pos++;
    return chunks.toByteArray();
  }

  /** The number of elements of an array, or -1 for an indefinite one (ended by a break). */
  int readArrayHeader() {
    int head = next();
    expect(head >>> 5 == ARRAY, "an array");
    return (int) argument(head);
  }

  /** The number of pairs of a map, or -1 for an indefinite one (ended by a break). */
  int readMapHeader() {
    int head = next();
    expect(head >>> 5 == MAP, "a map");
    return (int) argument(head);
  }

  boolean readBoolean() {
    int head = next();
    expect(head == 0xf4 || head == 0xf5, "a boolean");
    return head == 0xf5;
  }

  /** Reads a simple value or float head and returns its head byte (floats: their bits follow). */
  double readDouble() {
    int head = next();
    return switch (head) {
      case 0xfa -> Float.intBitsToFloat((int) fixed(4));
      case 0xfb -> Double.longBitsToDouble(fixed(8));
      default -> {
        pos--;
        yield readLong();
      }
    };
  }

  private long fixed(int size) {
    long value = 0;
    for (int i = 0; i < size; i++) {
      value = (value << 8) | next();
    }
    return value;
  }

  /** Skips one complete item, however nested. */
  void skip() {
    int head = next();
    int major = head >>> 5;
    if (head == BREAK) {
      throw new Malformed("unexpected break");
    }
    long argument = major == SIMPLE ? 0 : argument(head);
    switch (major) {
      case BYTES, TEXT -> {
        if (argument < 0) {
          while (!peekBreak()) {
            skip();
          }
          pos++;
        } else {
          if (argument > limit - pos) {
            throw Incomplete.INSTANCE;
          }
          pos += (int) argument;
        }
      }
      case ARRAY, MAP -> {
        int per = major == MAP ? 2 : 1;
        if (argument < 0) {
          while (!peekBreak()) {
            skip();
          }
          pos++;
        } else {
          for (long i = 0; i < argument * per; i++) {
            skip();
          }
        }
      }
      case TAG -> skip();
      case SIMPLE -> {
        int info = head & 0x1f;
        pos += info == 24 ? 1 : info == 25 ? 2 : info == 26 ? 4 : info == 27 ? 8 : 0;
        if (pos > limit) {
          throw Incomplete.INSTANCE;
        }
      }
      default -> { } // integers: their argument is read
    }
  }
}
