package dev.dynamodouble.core.protocol;

import java.io.OutputStream;

/**
 * Where {@link Dispatcher} writes a response body: an output stream that can forget what it was
 * given, so that a response that fails half-way through is replaced by an error response.
 * {@link #close()} does nothing; the owner keeps the bytes.
 */
public abstract class ResponseBody extends OutputStream {

  /** Drops everything written so far. */
  public abstract void reset();

  @Override
  public void close() {
    // the owner decides
  }
}
