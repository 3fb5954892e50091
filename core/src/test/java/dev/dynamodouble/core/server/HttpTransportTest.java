package dev.dynamodouble.core.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynamodouble.core.DynamoDouble;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.zip.CRC32;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * HTTP/1.1 as clients other than the AWS SDK speak it, over a raw socket: a body that arrives in
 * pieces or chunked, Expect: 100-continue, Connection: close, HTTP/1.0, malformed requests.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HttpTransportTest {
  private static final String LIST_TABLES = "DynamoDB_20120810.ListTables";
  private DynamoDouble dynamo;

  @BeforeAll
  void start() {
    dynamo = DynamoDouble.builder().start();
  }

  @AfterAll
  void stop() {
    dynamo.close();
  }

  private Socket connect() throws IOException {
    Socket socket = new Socket("127.0.0.1", dynamo.port());
    socket.setSoTimeout(60_000); // a guard against a hang, not a timing assertion
    return socket;
  }

  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }

  private static String head(String version, String extraHeaders, int contentLength) {
    return "POST / " + version + "\r\nHost: 127.0.0.1\r\nContent-Type: application/x-amz-json-1.0\r\n"
        + "X-Amz-Target: " + LIST_TABLES + "\r\n" + extraHeaders
        + (contentLength >= 0 ? "Content-Length: " + contentLength + "\r\n" : "") + "\r\n";
  }

  @Test
  void aBodyArrivingInPiecesIsServedWhole() throws IOException {
    try (Socket socket = connect()) {
      OutputStream out = socket.getOutputStream();
      String body = "{\"Limit\":                                                  10}";
      out.write(ascii(head("HTTP/1.1", "", body.length())));
      for (int i = 0; i < body.length(); i += 7) {
        out.write(ascii(body.substring(i, Math.min(body.length(), i + 7))));
        out.flush();
      }
      RawResponse response = RawResponse.read(socket.getInputStream());
      assertThat(response.status).isEqualTo(200);
      assertThat(response.body).startsWith("{\"TableNames\":[");
      assertThat(response.crcMatches()).isTrue();
    }
  }

  @Test
  void aChunkedBodyIsServed() throws IOException {
    try (Socket socket = connect()) {
      OutputStream out = socket.getOutputStream();
      out.write(ascii(head("HTTP/1.1", "Transfer-Encoding: chunked\r\n", -1)));
      out.write(ascii("3\r\n{\"L\r\n8\r\nimit\":10\r\n1\r\n}\r\n0\r\n\r\n"));
      out.flush();
      RawResponse response = RawResponse.read(socket.getInputStream());
      assertThat(response.status).isEqualTo(200);
      assertThat(response.body).startsWith("{\"TableNames\":[");
      // and the connection stays open for the next request
      out.write(ascii(head("HTTP/1.1", "", 2) + "{}"));
      out.flush();
      assertThat(RawResponse.read(socket.getInputStream()).status).isEqualTo(200);
    }
  }

  @Test
  void expectContinueGetsAContinueThenTheAnswer() throws IOException {
    try (Socket socket = connect()) {
      OutputStream out = socket.getOutputStream();
      InputStream in = socket.getInputStream();
      out.write(ascii(head("HTTP/1.1", "Expect: 100-continue\r\n", 2)));
      out.flush();
      RawResponse interim = RawResponse.read(in);
      assertThat(interim.status).isEqualTo(100);
      out.write(ascii("{}"));
      out.flush();
      RawResponse response = RawResponse.read(in);
      assertThat(response.status).isEqualTo(200);
      assertThat(response.headers).containsKey("x-amzn-requestid");
    }
  }

  @Test
  void expectContinueWithATooLargeBodyIsRefusedAtOnce() throws IOException {
    try (Socket socket = connect()) {
      OutputStream out = socket.getOutputStream();
      out.write(ascii(head("HTTP/1.1", "Expect: 100-continue\r\n", 16 * 1024 * 1024 + 1)));
      out.flush();
      RawResponse response = RawResponse.read(socket.getInputStream());
      assertThat(response.status).isEqualTo(413);
      assertThat(socket.getInputStream().read()).isEqualTo(-1); // closed
    }
  }

  @Test
  void connectionCloseIsHonoured() throws IOException {
    try (Socket socket = connect()) {
      OutputStream out = socket.getOutputStream();
      out.write(ascii(head("HTTP/1.1", "Connection: close\r\n", 2) + "{}"));
      out.flush();
      RawResponse response = RawResponse.read(socket.getInputStream());
      assertThat(response.status).isEqualTo(200);
      assertThat(response.headers.get("connection")).isEqualToIgnoringCase("close");
      assertThat(socket.getInputStream().read()).isEqualTo(-1);
    }
  }

  @Test
  void http10ClosesUnlessAskedToKeepAlive() throws IOException {
    try (Socket socket = connect()) {
      socket.getOutputStream().write(ascii(head("HTTP/1.0", "", 2) + "{}"));
      RawResponse response = RawResponse.read(socket.getInputStream());
      assertThat(response.status).isEqualTo(200);
      assertThat(socket.getInputStream().read()).isEqualTo(-1);
    }
    try (Socket socket = connect()) {
      OutputStream out = socket.getOutputStream();
      for (int i = 0; i < 2; i++) {
        out.write(ascii(head("HTTP/1.0", "Connection: keep-alive\r\n", 2) + "{}"));
        out.flush();
        assertThat(RawResponse.read(socket.getInputStream()).status).isEqualTo(200);
      }
    }
  }

  @Test
  void aMalformedRequestIsA400AndTheServerCarriesOn() throws IOException {
    try (Socket socket = connect()) {
      socket.getOutputStream().write(ascii("POST / HTTP/1.1\r\nContent-Length: banana\r\n\r\n"));
      RawResponse response = RawResponse.read(socket.getInputStream());
      assertThat(response.status).isEqualTo(400);
    }
    try (Socket socket = connect()) {
      socket.getOutputStream().write(ascii(head("HTTP/1.1", "", 2) + "{}"));
      assertThat(RawResponse.read(socket.getInputStream()).status).isEqualTo(200);
    }
  }

  @Test
  void aClientThatGoesAwayMidRequestLeavesTheServerServing() throws IOException {
    try (Socket socket = connect()) {
      socket.getOutputStream().write(ascii(head("HTTP/1.1", "", 100) + "{\"Li"));
      socket.getOutputStream().flush();
    }
    try (Socket socket = connect()) {
      socket.getOutputStream().write(ascii(head("HTTP/1.1", "", 2) + "{}"));
      assertThat(RawResponse.read(socket.getInputStream()).status).isEqualTo(200);
    }
  }

  /** One HTTP response read off a socket (Content-Length bodies only). */
}
