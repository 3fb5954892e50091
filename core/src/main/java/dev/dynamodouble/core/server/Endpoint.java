package dev.dynamodouble.core.server;

import dev.dynamodouble.core.protocol.Dispatcher;
import dev.dynamodouble.core.time.DynamoClock;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What every connection of one server shares: the dispatcher, the control API, request ids, the
 * Date header, and the workers that serve requests.
 */
final class Endpoint {
  private static final int REQUEST_ID_LENGTH = 52;

  private final Dispatcher dispatcher;
  private final ControlApi control;
  private final HttpDate date;
  private final RequestWorkers workers;
  private static final char[] DIGITS = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ".toCharArray();

  private final AtomicLong requests = new AtomicLong();
  /** The prefix followed by zeros: a request id before its counter is written over its end. */
  private final char[] idTemplate;
  private final int prefixLength;

  /** Serves requests on the I/O thread that read them (an embedded channel's). */
  Endpoint(Dispatcher dispatcher) {
    this(dispatcher, RequestWorkers.INLINE);
  }

  Endpoint(Dispatcher dispatcher, RequestWorkers workers) {
    this.dispatcher = dispatcher;
    this.workers = workers;
    this.control = new ControlApi(dispatcher.engine());
    this.date = new HttpDate(DynamoClock.system());
    String prefix = "DD" + Integer.toHexString(System.identityHashCode(this)).toUpperCase(Locale.ROOT);
    this.prefixLength = prefix.length();
    this.idTemplate = new char[REQUEST_ID_LENGTH];
    java.util.Arrays.fill(idTemplate, '0');
    prefix.getChars(0, prefixLength, idTemplate, 0);
  }

  Dispatcher dispatcher() {
    return dispatcher;
  }

  RequestWorkers workers() {
    return workers;
  }

  ControlApi control() {
    return control;
  }

  HttpDate date() {
    return date;
  }

  /** A 52-character request id, unique for this server: a prefix, zeros, a counter in base 36. */
  String nextRequestId() {
    long counter = requests.incrementAndGet();
    char[] id = idTemplate.clone();
    for (int i = REQUEST_ID_LENGTH - 1; counter > 0 && i >= prefixLength; i--) {
      id[i] = DIGITS[(int) (counter % 36)];
      counter /= 36;
    }
    return new String(id);
  }
}
