package dev.dynamodouble.core.engine;

/**
 * Durable storage as the transports see it: a change is answered only once it is on the device.
 * A request served through the pipeline waits for that on its own thread; a transport's I/O thread,
 * which must never wait, serves through {@link #serveDeferred} and answers later instead.
 */
public interface DurableWrites {
  /** Waits until every change made so far is on the device. */
  void sync();

  /**
   * Runs {@code request} (a request through the pipeline) on this thread without waiting for the
   * device, then {@code answer} once what it changed is durable: at once, on this thread, when it
   * changed nothing or that is on the device already, else later on the storage's own thread. When
   * the change can never be made durable (the device failed, the storage closed), {@code failed}
   * runs instead. Neither may block: they hand the answer to the transport.
   */
  void serveDeferred(Runnable request, Runnable answer, Runnable failed);
}
