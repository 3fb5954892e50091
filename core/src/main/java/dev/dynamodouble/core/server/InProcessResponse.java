package dev.dynamodouble.core.server;

import dev.dynamodouble.core.fault.TransportFault;
import java.util.Map;

/**
 * A response of {@link InProcessEndpoint}.
 *
 * @param headers the response headers in the order the HTTP server sends them (Content-Type,
 *     Content-Length, x-amzn-RequestId, x-amz-crc32, Date, Server)
 * @param fault what a fault rule asked the transport to do with this response (delay it, reset
 *     the connection, send no response, cut the body short), or null; a wrong x-amz-crc32 is
 *     already in the headers
 */
public record InProcessResponse(int status, Map<String, String> headers, byte[] body, TransportFault fault) {}
