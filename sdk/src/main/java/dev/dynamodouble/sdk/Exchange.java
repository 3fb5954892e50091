package dev.dynamodouble.sdk;

import dev.dynamodouble.core.fault.FaultEffect;
import dev.dynamodouble.core.fault.TransportFault;
import dev.dynamodouble.core.server.InProcessEndpoint;
import dev.dynamodouble.core.server.InProcessResponse;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.SdkHttpResponse;

/**
 * One request served in process, and what the transport makes of a fault rule's note: the delay
 * before the response, and a reset connection, a response that never comes (the client's read
 * timeout), or a body cut short, as failures of the kind an HTTP client reports for them.
 */
final class Exchange {
  private final InProcessResponse response;

  private Exchange(InProcessResponse response) {
    this.response = response;
  }

  /** Serves a request; a closed DynamoDouble refuses it as a stopped server would. */
  static Exchange serve(InProcessEndpoint endpoint, SdkHttpRequest request, byte[] body) throws IOException {
    if (endpoint.closed()) {
      throw new ConnectException("Dynamo Double is closed: nothing serves in-process requests any more");
    }
    return new Exchange(endpoint.serve(new SdkRequestHead(request), body));
  }

  /** How long the response is held back (zero without a latency rule). */
  Duration delay() {
    TransportFault fault = response.fault();
    return fault == null ? Duration.ZERO : fault.delay();
  }

  /** Whether no response comes at all: the client's read timeout ends the wait. */
  boolean noResponse() {
    return wire() == FaultEffect.Wire.NO_RESPONSE;
  }

  /** The failure that replaces the response (a reset connection), or null. */
  IOException failure() {
    return wire() == FaultEffect.Wire.CONNECTION_RESET ? new SocketException("Connection reset (a fault rule)") : null;
  }

  static IOException readTimeout(Duration timeout) {
    return new SocketTimeoutException("Read timed out after " + timeout.toMillis() + " ms (a fault rule: no response)");
  }

  SdkHttpResponse head() {
    SdkHttpResponse.Builder head = SdkHttpResponse.builder().statusCode(response.status());
    for (Map.Entry<String, String> header : response.headers().entrySet()) {
      head.putHeader(header.getKey(), List.of(header.getValue()));
    }
    return head.build();
  }

  byte[] body() {
    return response.body();
  }

  /** How many bytes of the body are delivered before the connection closes: all, or half when cut short. */
  int delivered() {
    int length = response.body().length;
    return wire() == FaultEffect.Wire.TRUNCATED_BODY ? length - Math.max(1, (length + 1) / 2) : length;
  }

  /** The failure after the {@link #delivered()} bytes of a body cut short. */
  IOException truncation() {
    return new IOException("The connection closed after " + delivered() + " of the " + response.body().length
        + " response bytes promised (a fault rule: truncated body)");
  }

  private FaultEffect.Wire wire() {
    TransportFault fault = response.fault();
    return fault == null ? null : fault.wire();
  }
}
