package dev.dynamodouble.core.server;

import dev.dynamodouble.core.error.DynamoException;
import dev.dynamodouble.core.protocol.Dispatcher;
import dev.dynamodouble.core.protocol.ProtocolResponse;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

/**
 * What every transport does to a request before the dispatcher sees it, without touching Netty:
 * answers a health check and what is not a protocol request, decodes a compressed body (executing
 * nothing when it cannot), and reads the region out of the SigV4 credential scope.
 */
final class RequestFront {
  static final String AMZ_JSON = "application/x-amz-json-1.0";
  /** DynamoDB's request size limit. */
  static final int MAX_REQUEST_BYTES = 16 * 1024 * 1024;
  static final ProtocolResponse UNKNOWN_OPERATION =
      withCrc(404, "<UnknownOperationException/>\n".getBytes(StandardCharsets.UTF_8));
  static final ProtocolResponse HEALTHY = withCrc(200, "healthy: dynamo-double".getBytes(StandardCharsets.UTF_8));
  static final ProtocolResponse TOO_LARGE = withCrc(413, new byte[0]);

  private RequestFront() {}

  /**
   * A request ready for the dispatcher ({@code answer} null), or the answer that replaces it.
   *
   * @param answerType the content type of {@code answer}
   * @param responseType the content type of the dispatcher's response: as the request's
   */
  record Prepared(ProtocolResponse answer, String answerType, byte[] body, int offset, int length, String region,
                  String responseType) {
    static Prepared answer(ProtocolResponse answer, String type) {
      return new Prepared(answer, type, null, 0, 0, null, null);
    }
  }

  /**
   * Prepares a request that is not for the control API.
   *
   * @param uri the request target (path and query)
   * @param body the body as sent (maybe compressed), or null for none
   */
  static Prepared prepare(String method, String uri, String contentType, String contentEncoding,
                          String authorization, byte[] body, int offset, int length) {
    if (method.equals("GET") && (uri.equals("/") || uri.isEmpty())) {
      return Prepared.answer(HEALTHY, "text/plain");
    }
    boolean hasBody = body != null && length > 0;
    boolean jsonType = contentType != null
        && (contentType.startsWith(AMZ_JSON) || contentType.startsWith("application/json"));
    if (!method.equals("POST") || (hasBody && !jsonType)) {
      return Prepared.answer(UNKNOWN_OPERATION, "text/xml");
    }
    if (!hasBody) {
      body = new byte[0];
      offset = 0;
      length = 0;
    } else if (!ContentEncoding.isIdentity(contentEncoding)) {
      try {
        body = ContentEncoding.decode(contentEncoding, body, offset, length, MAX_REQUEST_BYTES);
        offset = 0;
        length = body.length;
      } catch (ContentEncoding.Refused e) { // executes nothing
        return e.tooLarge ? Prepared.answer(TOO_LARGE, "text/plain")
            : Prepared.answer(Dispatcher.error(DynamoException.serialization(e.getMessage())), AMZ_JSON);
      }
    }
    String responseType = contentType != null && contentType.startsWith("application/json")
        ? "application/json" : AMZ_JSON;
    return new Prepared(null, null, body, offset, length, CredentialScope.region(authorization, uri), responseType);
  }

  static ProtocolResponse withCrc(int status, byte[] bytes) {
    CRC32 crc = new CRC32();
    crc.update(bytes);
    return new ProtocolResponse(status, bytes, crc.getValue());
  }
}
