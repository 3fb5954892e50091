package dev.dynamodouble.core.server;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.zip.CRC32;

/** An HTTP/1.1 response read off a raw socket (status, headers, a Content-Length body). */
final class RawResponse {
  int status;
  final Map<String, String> headers = new LinkedHashMap<>();
  String body;
  byte[] bytes;

  static RawResponse read(InputStream in) throws IOException {
    RawResponse response = new RawResponse();
    String statusLine = line(in);
    if (statusLine.isEmpty()) {
      throw new java.io.EOFException("the connection closed before a response");
    }
    response.status = Integer.parseInt(statusLine.split(" ")[1]);
    for (String header = line(in); !header.isEmpty(); header = line(in)) {
      int colon = header.indexOf(':');
      response.headers.put(header.substring(0, colon).trim().toLowerCase(Locale.ROOT),
          header.substring(colon + 1).trim());
    }
    int length = Integer.parseInt(response.headers.getOrDefault("content-length", "0"));
    response.bytes = in.readNBytes(length);
    response.body = new String(response.bytes, StandardCharsets.UTF_8);
    return response;
  }

  boolean crcMatches() {
    CRC32 crc = new CRC32();
    crc.update(bytes);
    return Long.toString(crc.getValue()).equals(headers.get("x-amz-crc32"));
  }

  private static String line(InputStream in) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    int c;
    while ((c = in.read()) != -1 && c != '\n') {
      if (c != '\r') {
        line.write(c);
      }
    }
    return line.toString(StandardCharsets.US_ASCII);
  }
}
