package dev.dynamodouble.benchmarks;

import com.sun.net.httpserver.HttpServer;
import dev.dynamodouble.benchmarks.sut.Loopback;
import dev.dynamodouble.benchmarks.sut.OwnClient;
import dev.dynamodouble.benchmarks.sut.RunningEndpoint;
import dev.dynamodouble.benchmarks.sut.SystemUnavailableException;
import dev.dynamodouble.benchmarks.sut.SystemUnderTest;
import dev.dynamodouble.benchmarks.sut.Systems;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.StringJoiner;
import java.util.zip.CRC32;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Measures in-JVM start in a fresh child JVM: {@code StartProbe <system> <runs>}. The AWS SDK
 * client is warmed first against the JDK's own HTTP server (which shares no classes with Netty
 * or Jetty), as it would be in a test JVM; then, {@code runs} times: {@code start()} plus the
 * first answered request, without the time to build the SDK client in between. The first run
 * includes loading the server's classes; the others are what a further start costs.
 *
 * <p>Prints one line: {@code PROBE-RESULT <ms> <ms> ...}, {@code PROBE-UNAVAILABLE <why>} or
 * {@code PROBE-ERROR <why>}.
 */
public final class StartProbe {

  static final String RESULT = "PROBE-RESULT ";
  static final String UNAVAILABLE = "PROBE-UNAVAILABLE ";
  static final String ERROR = "PROBE-ERROR ";

  private StartProbe() {}

  public static void main(String[] args) {
    SystemUnderTest system = Systems.byId(args[0]);
    int runs = Integer.parseInt(args[1]);
    int status = 0;
    try {
      warmSdk();
      StringJoiner millis = new StringJoiner(" ");
      for (int run = 0; run < runs; run++) {
        long t0 = System.nanoTime();
        RunningEndpoint running = system.start(0);
        long t1 = System.nanoTime();
        try (DynamoDbClient dynamo = running instanceof OwnClient
            ? Clients.create(running) : Clients.create(running.endpoint())) {
          long t2 = System.nanoTime();
          firstRequest(dynamo);
          long t3 = System.nanoTime();
          millis.add(String.format(Locale.ROOT, "%.3f", ((t1 - t0) + (t3 - t2)) / 1e6));
        } finally {
          running.close();
        }
      }
      System.out.println(RESULT + millis);
    } catch (SystemUnavailableException e) {
      System.out.println(UNAVAILABLE + Results.reason(e));
    } catch (Throwable e) {
      e.printStackTrace();
      System.out.println(ERROR + Results.reason(e));
      status = 1;
    }
    System.out.flush();
    System.exit(status);
  }

  /** Any HTTP answer counts, also an error answer: the server is up and talking DynamoDB. */
  static void firstRequest(DynamoDbClient dynamo) {
    try {
      dynamo.listTables();
    } catch (AwsServiceException answeredWithAnError) {
      // answered
    }
  }

  private static void warmSdk() throws Exception {
    // Without it the JDK server writes headers and body as two small segments and Nagle's
    // algorithm holds the body until the client's delayed ACK: 40 ms a call.
    System.setProperty("sun.net.httpserver.nodelay", "true");
    byte[] body = "{\"TableNames\":[]}".getBytes(StandardCharsets.UTF_8);
    CRC32 crc = new CRC32();
    crc.update(body);
    HttpServer server = HttpServer.create(new InetSocketAddress(Loopback.ADDRESS, 0), 0);
    server.createContext("/", exchange -> {
      try (InputStream in = exchange.getRequestBody()) {
        in.readAllBytes();
      }
      exchange.getResponseHeaders().add("Content-Type", "application/x-amz-json-1.0");
      exchange.getResponseHeaders().add("x-amzn-RequestId", "warm-up");
      exchange.getResponseHeaders().add("x-amz-crc32", Long.toString(crc.getValue()));
      exchange.sendResponseHeaders(200, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    });
    server.start();
    try {
      URI endpoint = URI.create("http://" + Loopback.HOST + ":" + server.getAddress().getPort());
      for (int client = 0; client < 3; client++) {
        try (DynamoDbClient dynamo = Clients.create(endpoint)) {
          for (int i = 0; i < 200; i++) {
            dynamo.listTables();
          }
        }
      }
    } finally {
      server.stop(0);
    }
  }
}
