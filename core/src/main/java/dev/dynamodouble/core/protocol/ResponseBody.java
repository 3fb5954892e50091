package dev.dynamodouble.core.protocol;

import java.io.OutputStream;

/**
 * Where {@link Dispatcher} writes a response body: an output stream that can forget what it was
 * given, so that a response that fails half-way through is replaced by an error response.
 * {@link #close()} does nothing; the owner keeps the bytes.
 */
public abstract class ResponseBody extends OutputStream {
  private dev.dynamodouble.core.fault.TransportFault transportFault;

  /** What a fault rule asked the transport to do with this response (delay it, spoil it), or null. */
  public dev.dynamodouble.core.fault.TransportFault transportFault() {
    return transportFault;
  }

  void transportFault(dev.dynamodouble.core.fault.TransportFault fault) {
    this.transportFault = fault;
  }

  /** Drops everything written so far. */
  public abstract void reset();

  @Override
  public void close() {
    // the owner decides
  }
}
