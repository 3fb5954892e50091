package dev.dynamodouble.core.persist;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Reads what a {@link ByteSink} wrote; a read past the end is a {@link CorruptDataException}. */
final class ByteSource {
  private final byte[] bytes;
  private int position;
  private final int end;

  ByteSource(byte[] bytes, int offset, int length) {
    this.bytes = bytes;
    this.position = offset;
    this.end = offset + length;
  }

  boolean hasMore() {
    return position < end;
  }

  int readByte() {
    need(1);
    return bytes[position++] & 0xff;
  }

  boolean readBoolean() {
    return readByte() != 0;
  }

  int readInt() {
    need(4);
    int v = (bytes[position] & 0xff) << 24 | (bytes[position + 1] & 0xff) << 16
        | (bytes[position + 2] & 0xff) << 8 | bytes[position + 3] & 0xff;
    position += 4;
    return v;
  }

  long readLong() {
    return (long) readInt() << 32 | readInt() & 0xffffffffL;
  }

  byte[] readBytes() {
    int length = readInt();
    if (length < 0) {
      throw new CorruptDataException("negative length " + length);
    }
    need(length);
    byte[] b = java.util.Arrays.copyOfRange(bytes, position, position + length);
    position += length;
    return b;
  }

  String readString() {
    int length = readInt();
    if (length < 0) {
      throw new CorruptDataException("negative length " + length);
    }
    need(length);
    String s = new String(bytes, position, length, StandardCharsets.UTF_8);
    position += length;
    return s;
  }

  String readNullable() {
    return readBoolean() ? readString() : null;
  }

  /** A list {@link ByteSink#writeList} wrote: its count, then each element; unmodifiable. */
  <T> List<T> readList(Function<ByteSource, T> element) {
    int n = readInt();
    if (n < 0) {
      throw new CorruptDataException("a list of " + n + " elements");
    }
    List<T> list = new ArrayList<>(Math.min(n, end - position));
    for (int i = 0; i < n; i++) {
      list.add(element.apply(this));
    }
    return List.copyOf(list);
  }

  /** A map {@link ByteSink#writeMap} wrote: its count, then each key and value; unmodifiable. */
  <V> Map<String, V> readMap(Function<ByteSource, V> value) {
    int n = readInt();
    if (n < 0) {
      throw new CorruptDataException("a map of " + n + " entries");
    }
    Map<String, V> map = new LinkedHashMap<>();
    for (int i = 0; i < n; i++) {
      map.put(readString(), value.apply(this));
    }
    return Map.copyOf(map);
  }

  private void need(int n) {
    if (n > end - position) {
      throw new CorruptDataException("record ends early");
    }
  }
}
