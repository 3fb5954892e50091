package dev.dynamodouble.core.server;

import dev.dynamodouble.core.protocol.Dispatcher;
import dev.dynamodouble.core.time.DynamoClock;

/**
 * What every connection of one server shares: the dispatcher, the control API, request ids, the
 * Date header, and the workers that serve requests.
 */
final class Endpoint {
  private final Dispatcher dispatcher;
  private final ControlApi control;
  private final HttpDate date;
  private final RequestWorkers workers;
  private final RequestIds requestIds = new RequestIds();

  /** Serves requests on the I/O thread that read them (an embedded channel's). */
  Endpoint(Dispatcher dispatcher) {
    this(dispatcher, RequestWorkers.INLINE);
  }

  Endpoint(Dispatcher dispatcher, RequestWorkers workers) {
    this.dispatcher = dispatcher;
    this.workers = workers;
    this.control = new ControlApi(dispatcher.engine());
    this.date = new HttpDate(DynamoClock.system());
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

  /** A 52-character request id, unique for this server. */
  String nextRequestId() {
    return requestIds.next();
  }
}
