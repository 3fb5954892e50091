package dev.dynamodouble.core.sdk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dynamodouble.core.DynamoDouble;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Sends hand-made awsJson1_0 requests with java.net.http, for what the SDK cannot send: malformed
 * JSON, wrong field types, unknown targets, wrong content types.
 */
public final class RawClient {
  public static final String AMZ_JSON = "application/x-amz-json-1.0";
  private static final ObjectMapper JSON = new ObjectMapper();
  /** A guard against a hang, never an assertion on timing. */
  private static final Duration GUARD = Duration.ofSeconds(60);

  private final URI endpoint;
  private final HttpClient http = HttpClient.newBuilder()
      .version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(GUARD)
      .build();

  public RawClient(DynamoDouble dynamo) {
    this.endpoint = dynamo.endpoint();
  }

  public URI endpoint() {
    return endpoint;
  }

  public HttpClient http() {
    return http;
  }

  /** POSTs {@code body} to / with {@code X-Amz-Target: DynamoDB_20120810.<operation>}. */
  public Response call(String operation, String body) {
    return post("DynamoDB_20120810." + operation, AMZ_JSON, body.getBytes(StandardCharsets.UTF_8));
  }

  /** POSTs with an explicit target and content type; either may be null to leave the header out. */
  public Response post(String target, String contentType, byte[] body) {
    HttpRequest.Builder request = HttpRequest.newBuilder(endpoint.resolve("/"))
        .timeout(GUARD)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    if (target != null) {
      request.header("X-Amz-Target", target);
    }
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    return send(request.build());
  }

  public Response get(String path) {
    return send(HttpRequest.newBuilder(endpoint.resolve(path)).timeout(GUARD).GET().build());
  }

  public Response send(HttpRequest request) {
    try {
      return new Response(http.send(request, HttpResponse.BodyHandlers.ofByteArray()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** A response with convenient accessors. */
  public static final class Response {
    private final HttpResponse<byte[]> response;

    Response(HttpResponse<byte[]> response) {
      this.response = response;
    }

    public int status() {
      return response.statusCode();
    }

    public byte[] bytes() {
      return response.body();
    }

    public String body() {
      return new String(response.body(), StandardCharsets.UTF_8);
    }

    public String header(String name) {
      return response.headers().firstValue(name).orElse(null);
    }

    public JsonNode json() {
      try {
        return JSON.readTree(response.body());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    /** The part of {@code __type} after '#'. */
    public String errorType() {
      String type = json().path("__type").asText();
      return type.substring(type.indexOf('#') + 1);
    }

    /** The error message, or null when the body has none. */
    public String message() {
      JsonNode message = json().get("message");
      return message == null ? null : message.asText();
    }

    @Override
    public String toString() {
      return status() + " " + body();
    }
  }
}
