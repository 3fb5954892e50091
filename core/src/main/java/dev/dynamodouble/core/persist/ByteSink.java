package dev.dynamodouble.core.persist;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/** A growable big-endian byte buffer the log encodes its records into. */
final class ByteSink {
  private byte[] bytes;
  private int size;

  ByteSink(int capacity) {
    bytes = new byte[capacity];
  }

  int size() {
    return size;
  }

  void clear() {
    size = 0;
  }

  /** The bytes written so far, wrapped (not copied). */
  ByteBuffer buffer() {
    return ByteBuffer.wrap(bytes, 0, size);
  }

  byte[] array() {
    return bytes;
  }

  /** Drops what was written after the first {@code newSize} bytes. */
  void truncate(int newSize) {
    size = newSize;
  }

  /** Bytes as they are, without a length. */
  void writeRaw(byte[] b) {
    ensure(b.length);
    System.arraycopy(b, 0, bytes, size, b.length);
    size += b.length;
  }

  void writeByte(int b) {
    ensure(1);
    bytes[size++] = (byte) b;
  }

  void writeBoolean(boolean b) {
    writeByte(b ? 1 : 0);
  }

  void writeInt(int v) {
    ensure(4);
    putInt(size, v);
    size += 4;
  }

  /** Overwrites four bytes already written (a record's length and checksum, once known). */
  void putInt(int at, int v) {
    bytes[at] = (byte) (v >>> 24);
    bytes[at + 1] = (byte) (v >>> 16);
    bytes[at + 2] = (byte) (v >>> 8);
    bytes[at + 3] = (byte) v;
  }

  void writeLong(long v) {
    writeInt((int) (v >>> 32));
    writeInt((int) v);
  }

  void writeBytes(byte[] b) {
    writeInt(b.length);
    ensure(b.length);
    System.arraycopy(b, 0, bytes, size, b.length);
    size += b.length;
  }

  void writeString(String s) {
    writeBytes(s.getBytes(StandardCharsets.UTF_8));
  }

  /** A string that may be null. */
  void writeNullable(String s) {
    writeBoolean(s != null);
    if (s != null) {
      writeString(s);
    }
  }

  /** A list's count, then each element ({@link ByteSource#readList} reads it). */
  <T> void writeList(List<T> list, BiConsumer<ByteSink, T> element) {
    writeInt(list.size());
    for (T t : list) {
      element.accept(this, t);
    }
  }

  /** A map's count, then each key and value ({@link ByteSource#readMap} reads it). */
  <V> void writeMap(Map<String, V> map, BiConsumer<ByteSink, V> value) {
    writeInt(map.size());
    map.forEach((key, v) -> {
      writeString(key);
      value.accept(this, v);
    });
  }

  private void ensure(int more) {
    if (size + more > bytes.length) {
      bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
    }
  }
}
