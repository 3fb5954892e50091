package dev.dynamodouble.core.dax;

import io.netty.buffer.ByteBuf;

/**
 * Finds where a run of complete CBOR items ends in bytes that arrive in pieces, without reading
 * any byte twice: it keeps its place (and the open arrays, maps and indefinite strings) between
 * calls, so a request that arrives in a thousand reads costs one pass, and nesting costs no stack.
 * It checks structure only; {@link CborReader} reads the values once the items are complete.
 */
final class CborScanner {
  /** Deeper nesting than any DAX request has (attribute values nest 32 levels, expressions a few hundred). */
  static final int MAX_DEPTH = 1_000;
  private static final long INDEFINITE = -1;

  /** What is still open, innermost last: items left in a definite container, or INDEFINITE. */
  private final long[] open = new long[MAX_DEPTH];
  private int depth;
  private int position;
  private int itemsLeft;

  /**
   * Starts looking for the end of {@code items} items from {@code from}; positions are relative to
   * the buffer's reader index, which stays put until the items are taken (a decoder's cumulation
   * may be copied between calls, so absolute indexes would not hold).
   */
  void start(int from, int items) {
    position = from;
    itemsLeft = items;
    depth = 0;
  }

  /** Where the scan has got to: after the items, once {@link #scan} returned true. */
  int position() {
    return position;
  }

  /**
   * Goes on through the readable bytes of {@code in}; true once the items are complete, false
   * when they need more bytes.
   *
   * @throws CborReader.Malformed on bytes that are not CBOR, or nested too deeply
   */
  boolean scan(ByteBuf in) {
    int base = in.readerIndex();
    int end = in.readableBytes();
    while (itemsLeft > 0) {
      if (position >= end) {
        return false;
      }
      int head = in.getByte(base + position) & 0xff;
      int major = head >>> 5;
      int info = head & 0x1f;
      if (head == 0xff) { // a break closes the innermost indefinite container or string
        if (depth == 0 || open[depth - 1] != INDEFINITE) {
          throw new CborReader.Malformed("unexpected break");
        }
        position++;
        depth--;
        completed();
        continue;
      }
      int size = CborReader.argumentBytes(info);
      if (info == 31 && (major == 0 || major == 1 || major == 6)) {
        throw new CborReader.Malformed("reserved CBOR additional information " + info);
      }
      if (position + 1 + size > end) {
        return false;
      }
      long argument = info < 24 ? info : 0;
      for (int i = 1; i <= size; i++) {
        argument = (argument << 8) | (in.getByte(base + position + i) & 0xff);
      }
      boolean indefinite = info == 31;
      if ((major >= 2 && major <= 5) && (argument < 0 || argument > DaxFrameDecoder.MAX_REQUEST_BYTES)) {
        throw new CborReader.Malformed("a CBOR string or container larger than a request may be");
      }
      switch (major) {
        case 2, 3 -> { // byte and text strings: wait for all of a definite one's bytes
          if (indefinite) {
            push(INDEFINITE);
            position += 1;
            continue;
          }
          if (argument > end - position - 1 - size) {
            return false;
          }
          position += 1 + size + (int) argument;
          completed();
        }
        case 4, 5 -> {
          position += 1 + size;
          if (indefinite) {
            push(INDEFINITE);
          } else if (argument == 0) {
            completed();
          } else {
            push(major == 5 ? argument * 2 : argument);
          }
        }
        case 6 -> position += 1 + size; // a tag: the item it tags follows and completes it
        default -> { // integers, simple values and floats: the head and argument are all
          position += 1 + size;
          completed();
        }
      }
    }
    return true;
  }

  private void push(long items) {
    if (depth == MAX_DEPTH) {
      throw new CborReader.Malformed("CBOR nested more than " + MAX_DEPTH + " levels");
    }
    open[depth++] = items;
  }

  /** One item ended: count it in its container, closing every container it completes. */
  private void completed() {
    while (depth > 0) {
      if (open[depth - 1] == INDEFINITE || --open[depth - 1] > 0) {
        return;
      }
      depth--;
    }
    itemsLeft--;
  }
}
