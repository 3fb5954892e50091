package dev.dynamodouble.core.fuzz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.dynamodouble.core.DynamoDouble;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A seeded protocol fuzz over the real endpoint: valid requests of every operation and mutations
 * of them, one after another on a keep-alive connection. Every request must be answered, with no
 * 5xx, and a connection the server did not announce closing must stay open. A failure prints the
 * seed and the case; rerun one with {@code -Dfuzz.seed=S -Dfuzz.cases=N}.
 */
class ProtocolFuzzTest {
  private static final long SEED = Long.getLong("fuzz.seed", 20261201L);
  private static final int CASES = Integer.getInteger("fuzz.cases", 2000);
  /** A guard against a hang, never a timing assertion. */
  private static final int GUARD_MILLIS = 60_000;

  @Test
  void everyRequestIsAnsweredWithoutAServerError() throws IOException {
    FuzzRequests requests = new FuzzRequests(SEED);
    try (DynamoDouble dynamo = DynamoDouble.builder().start()) {
      Connection connection = new Connection(dynamo.port());
      try {
        Answer created = connection.exchange(new FuzzRequests.Case("setup", "DynamoDB_20120810.CreateTable",
            "application/x-amz-json-1.0", null, FuzzRequests.CREATE_TABLE.getBytes(StandardCharsets.UTF_8)));
        assertThat(created.status).as(created.body).isEqualTo(200);
        for (int i = 0; i < CASES; i++) {
          FuzzRequests.Case request = requests.next();
          Answer answer;
          try {
            answer = connection.exchange(request);
          } catch (IOException e) {
            fail(failure(i, request, "no answer: " + e));
            return;
          }
          if (answer.status >= 500) {
            fail(failure(i, request, "status " + answer.status + ": " + answer.body));
          }
          if (answer.closes) {
            connection.close();
            connection = new Connection(dynamo.port());
          }
        }
      } finally {
        connection.close();
      }
    }
  }

  /** What earlier runs found (each was a 500), kept as plain cases. */
  @Test
  void casesFoundByEarlierRuns() throws IOException {
    try (DynamoDouble dynamo = DynamoDouble.builder().start(); Connection connection = new Connection(dynamo.port())) {
      call(connection, "CreateTable", FuzzRequests.CREATE_TABLE);
      Answer nullUpdate = call(connection, "UpdateTable", "{\"TableName\":\"fuzzed\",\"GlobalSecondaryIndexUpdates\":[null]}");
      assertThat(nullUpdate.status).isEqualTo(400);
      assertThat(nullUpdate.body).contains("Value null at 'globalSecondaryIndexUpdates.1.member' failed to satisfy "
          + "constraint: Member must not be null");
      Answer hugeNumber = call(connection, "ListBackups", "{\"TimeRangeLowerBound\":1E+331}");
      assertThat(hugeNumber.status).isEqualTo(400);
      assertThat(hugeNumber.body).contains("SerializationException", "Timestamp out of range").doesNotContain("Infinity");
    }
  }

  private static Answer call(Connection connection, String operation, String body) throws IOException {
    return connection.exchange(new FuzzRequests.Case(operation, "DynamoDB_20120810." + operation,
        "application/x-amz-json-1.0", null, body.getBytes(StandardCharsets.UTF_8)));
  }

  private static String failure(int index, FuzzRequests.Case request, String problem) {
    return "fuzz seed " + SEED + ", case " + index + " (rerun: -Dfuzz.seed=" + SEED + " -Dfuzz.cases=" + (index + 1)
        + "): " + problem + "\n" + request.show();
  }

  private record Answer(int status, String body, boolean closes) {}

  /** One keep-alive HTTP/1.1 connection, spoken by hand so that any header or body can be sent. */
  private static final class Connection implements AutoCloseable {
    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;

    Connection(int port) throws IOException {
      socket = new Socket("127.0.0.1", port);
      socket.setSoTimeout(GUARD_MILLIS);
      socket.setTcpNoDelay(true);
      in = new java.io.BufferedInputStream(socket.getInputStream());
      out = socket.getOutputStream();
    }

    Answer exchange(FuzzRequests.Case request) throws IOException {
      StringBuilder head = new StringBuilder("POST / HTTP/1.1\r\nHost: 127.0.0.1\r\n");
      if (request.target() != null) {
        head.append("X-Amz-Target: ").append(request.target()).append("\r\n");
      }
      if (request.contentType() != null) {
        head.append("Content-Type: ").append(request.contentType()).append("\r\n");
      }
      if (request.authorization() != null) {
        head.append("Authorization: ").append(request.authorization()).append("\r\n");
      }
      head.append("Content-Length: ").append(request.body().length).append("\r\n\r\n");
      ByteArrayOutputStream bytes = new ByteArrayOutputStream(head.length() + request.body().length);
      bytes.writeBytes(head.toString().getBytes(StandardCharsets.ISO_8859_1));
      bytes.writeBytes(request.body());
      bytes.writeTo(out);
      out.flush();
      String status = line();
      if (status.isEmpty()) {
        throw new EOFException("the connection was closed without an answer");
      }
      Map<String, String> headers = new LinkedHashMap<>();
      for (String header = line(); !header.isEmpty(); header = line()) {
        int colon = header.indexOf(':');
        headers.put(header.substring(0, colon).trim().toLowerCase(Locale.ROOT), header.substring(colon + 1).trim());
      }
      byte[] body = in.readNBytes(Integer.parseInt(headers.getOrDefault("content-length", "0")));
      return new Answer(Integer.parseInt(status.split(" ")[1]), new String(body, StandardCharsets.UTF_8),
          "close".equalsIgnoreCase(headers.get("connection")));
    }

    private String line() throws IOException {
      ByteArrayOutputStream line = new ByteArrayOutputStream();
      for (int c = in.read(); c != -1 && c != '\n'; c = in.read()) {
        if (c != '\r') {
          line.write(c);
        }
      }
      return line.toString(StandardCharsets.ISO_8859_1);
    }

    @Override
    public void close() throws IOException {
      socket.close();
    }
  }
}
