package dev.dynamodouble.core.server;

import dev.dynamodouble.core.protocol.Dispatcher;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/** What every connection of one server shares: the dispatcher, the control API, request ids. */
final class Endpoint {
  private static final int REQUEST_ID_LENGTH = 52;

  private final Dispatcher dispatcher;
  private final ControlApi control;
  private final AtomicLong requests = new AtomicLong();
  private final String idPrefix;

  Endpoint(Dispatcher dispatcher) {
    this.dispatcher = dispatcher;
    this.control = new ControlApi(dispatcher.engine());
    this.idPrefix = "DD" + Integer.toHexString(System.identityHashCode(this)).toUpperCase(Locale.ROOT);
  }

  Dispatcher dispatcher() {
    return dispatcher;
  }

  ControlApi control() {
    return control;
  }

  /** A 52-character request id, unique for this server: a prefix, zeros, a counter in base 36. */
  String nextRequestId() {
    String counter = Long.toString(requests.incrementAndGet(), 36).toUpperCase(Locale.ROOT);
    StringBuilder id = new StringBuilder(REQUEST_ID_LENGTH).append(idPrefix);
    for (int i = id.length() + counter.length(); i < REQUEST_ID_LENGTH; i++) {
      id.append('0');
    }
    return id.append(counter).toString();
  }
}
