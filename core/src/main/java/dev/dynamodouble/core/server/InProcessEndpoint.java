package dev.dynamodouble.core.server;

import dev.dynamodouble.core.fault.TransportFault;
import dev.dynamodouble.core.pipeline.RequestHead;
import dev.dynamodouble.core.protocol.Dispatcher;
import dev.dynamodouble.core.protocol.ProtocolResponse;
import dev.dynamodouble.core.protocol.ByteArrayBody;
import dev.dynamodouble.core.time.DynamoClock;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32;

/**
 * The endpoint without a socket: a request the client has already serialized (method, path,
 * headers, body bytes) goes to the dispatcher on the calling thread, and the response comes back
 * as status, headers and body bytes. The request takes the same road as over HTTP (body decoding,
 * region from the credential scope, then auth, faults, capacity and the operation), and the
 * response carries the same headers (x-amz-crc32, x-amzn-RequestId, Date). A transport fault a
 * rule asked for is in {@link InProcessResponse#fault()}, for the caller's transport to carry out.
 *
 * <p>Uses no Netty: serving in process loads none of it. The AWS SDK transport of the
 * {@code dynamo-double-sdk} module is built on this; anything else that holds serialized requests
 * can use it too.
 */
public final class InProcessEndpoint {
  private final Dispatcher dispatcher;
  private final RequestIds requestIds = new RequestIds();
  private final HttpDate date = new HttpDate(DynamoClock.system());
  private volatile boolean closed;

  public InProcessEndpoint(Dispatcher dispatcher) {
    this.dispatcher = dispatcher;
  }

  /** Whether its DynamoDouble has closed: then it serves nothing more, as a stopped server answers nothing. */
  public boolean closed() {
    return closed;
  }

  /** Refuses every later request. */
  public void close() {
    closed = true;
  }

  /**
   * Serves one request on the calling thread.
   *
   * @param head method, path, query and headers as the client would have sent them
   * @param body the body as the client would have sent it (maybe compressed); null or empty for none
   * @throws IllegalStateException once closed
   */
  public InProcessResponse serve(RequestHead head, byte[] body) {
    if (closed) {
      throw new IllegalStateException("Dynamo Double is closed");
    }
    String requestId = requestIds.next();
    String query = head.rawQuery();
    String uri = query == null || query.isEmpty() ? head.rawPath() : head.rawPath() + "?" + query;
    if (uri.startsWith(ControlApi.PREFIX)) {
      return fixed(RequestFront.withCrc(404, ("The control API (" + ControlApi.PREFIX + ") is served over HTTP "
          + "only: use DynamoDouble.endpoint()").getBytes(StandardCharsets.UTF_8)), "text/plain", null);
    }
    int length = body == null ? 0 : body.length;
    if (length > RequestFront.MAX_REQUEST_BYTES) {
      return fixed(RequestFront.TOO_LARGE, "text/plain", requestId);
    }
    RequestFront.Prepared prepared = RequestFront.prepare(head.method(), uri, head.header("Content-Type"),
        head.header("Content-Encoding"), head.header("Authorization"), body, 0, length);
    if (prepared.answer() != null) {
      return fixed(prepared.answer(), prepared.answerType(), requestId);
    }
    ByteArrayBody out = new ByteArrayBody(512);
    int status = dispatcher.handle(head.header("X-Amz-Target"), prepared.region(), requestId, head,
        prepared.body(), prepared.offset(), prepared.length(), out);
    byte[] bytes = out.toByteArray();
    CRC32 crc = new CRC32();
    crc.update(bytes, 0, bytes.length);
    TransportFault fault = out.transportFault();
    return new InProcessResponse(status, headers(prepared.responseType(), bytes.length, requestId,
        TransportFault.crc32(fault, crc.getValue())), bytes, fault);
  }

  private InProcessResponse fixed(ProtocolResponse response, String contentType, String requestId) {
    return new InProcessResponse(response.status(),
        headers(contentType, response.body().length, requestId, response.crc32()), response.body(), null);
  }

  /** The headers the HTTP server sends, but those of the connection. */
  private Map<String, String> headers(String contentType, int contentLength, String requestId, long crc32) {
    Map<String, String> headers = new LinkedHashMap<>(8);
    headers.put("Content-Type", contentType);
    headers.put("Content-Length", Integer.toString(contentLength));
    if (requestId != null) {
      headers.put("x-amzn-RequestId", requestId);
    }
    headers.put("x-amz-crc32", Long.toString(crc32));
    headers.put("Date", date.text());
    headers.put("Server", "Server");
    return headers;
  }
}
