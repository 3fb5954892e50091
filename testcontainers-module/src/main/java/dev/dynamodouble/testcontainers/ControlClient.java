package dev.dynamodouble.testcontainers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The server's control API ({@code /_dynamodouble/...}) over {@code java.net.http}: JSON text in and
 * out, so the container's API carries no JSON library's or SDK's types. Any status but 2xx is a
 * {@link DynamoDoubleControlException} carrying the server's message.
 */
final class ControlClient {
  private static final Duration TIMEOUT = Duration.ofSeconds(30);
  private static final Pattern EPOCH_MILLIS = Pattern.compile("\"epochMillis\"\\s*:\\s*(\\d+)");

  private final URI endpoint;
  private final URI base;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

  ControlClient(URI endpoint) {
    this.endpoint = endpoint;
    this.base = endpoint.resolve("/_dynamodouble/");
  }

  URI endpoint() {
    return endpoint;
  }

  String get(String path) {
    return send(HttpRequest.newBuilder(base.resolve(path)).GET());
  }

  String post(String path) {
    return send(HttpRequest.newBuilder(base.resolve(path)).POST(HttpRequest.BodyPublishers.noBody()));
  }

  String post(String path, String body) {
    return send(HttpRequest.newBuilder(base.resolve(path))
        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
  }

  String delete(String path) {
    return send(HttpRequest.newBuilder(base.resolve(path)).DELETE());
  }

  /** The instant a clock answer ({@code {"now": ..., "epochMillis": n, ...}}) names. */
  static Instant instant(String clockJson) {
    Matcher matcher = EPOCH_MILLIS.matcher(clockJson);
    if (!matcher.find()) {
      throw new DynamoDoubleControlException("the clock answer has no epochMillis: " + clockJson);
    }
    return Instant.ofEpochMilli(Long.parseLong(matcher.group(1)));
  }

  /** One path segment (a table or snapshot name) as it may appear in a URI. */
  static String segment(String name) {
    return URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private String send(HttpRequest.Builder builder) {
    HttpRequest request = builder.timeout(TIMEOUT).header("Content-Type", "application/json").build();
    HttpResponse<String> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(request.method() + " " + request.uri() + " failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DynamoDoubleControlException(request.method() + " " + request.uri() + " was interrupted");
    }
    if (response.statusCode() / 100 != 2) {
      throw new DynamoDoubleControlException(request.method() + " " + request.uri().getPath() + " answered "
          + response.statusCode() + ": " + response.body());
    }
    return response.body();
  }
}
