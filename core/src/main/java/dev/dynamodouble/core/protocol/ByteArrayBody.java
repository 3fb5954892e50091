package dev.dynamodouble.core.protocol;

import java.io.ByteArrayOutputStream;

/** A response body in a growing byte array. */
public final class ByteArrayBody extends ResponseBody {
  private final ByteArrayOutputStream bytes;

  public ByteArrayBody(int initialSize) {
    this.bytes = new ByteArrayOutputStream(initialSize);
  }

  @Override
  public void write(int b) {
    bytes.write(b);
  }

  @Override
  public void write(byte[] b, int off, int len) {
    bytes.write(b, off, len);
  }

  @Override
  public void reset() {
    bytes.reset();
  }

  public byte[] toByteArray() {
    return bytes.toByteArray();
  }
}
