package dev.dynamodouble.core.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynamodouble.core.DynamoDouble;
import dev.dynamodouble.core.time.DynamoClock;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The control API of an endpoint with auth: closed without a control token, open to the bearer of
 * the token with one; the health check always answers; without auth it stays open.
 */
class ControlApiAuthTest {
  private static final Identity ADMIN = Identity.of("AKIDADMIN", "admin-secret");
  private final HttpClient http = HttpClient.newHttpClient();
  private DynamoDouble dynamo;

  @AfterEach
  void stop() {
    if (dynamo != null) {
      dynamo.close();
    }
  }

  private void start(AuthConfig auth) {
    start(auth, DynamoClock.manual(Instant.parse("2026-01-01T00:00:00Z")));
  }

  private void start(AuthConfig auth, DynamoClock clock) {
    var builder = DynamoDouble.builder().clock(clock);
    dynamo = (auth == null ? builder : builder.auth(auth)).start();
  }

  private HttpResponse<String> send(String method, String path, String authorization) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(dynamo.endpoint() + "/_dynamodouble/" + path))
        .method(method, HttpRequest.BodyPublishers.noBody());
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void withATokenOnlyItsBearerMovesTheClock() throws Exception {
    start(AuthConfig.of(ADMIN).withControlToken("control-secret"));
    HttpResponse<String> none = send("POST", "clock/advance?millis=1000", null);
    assertThat(none.statusCode()).isEqualTo(401);
    assertThat(none.body()).contains("needs Authorization: Bearer <controlToken>");
    assertThat(send("POST", "clock/advance?millis=1000", "Bearer wrong").statusCode()).isEqualTo(401);
    // SigV4 credentials of an identity are not the control token either
    assertThat(send("GET", "clock", "AWS4-HMAC-SHA256 Credential=AKIDADMIN/20260101/us-east-1/dynamodb/aws4_request")
        .statusCode()).isEqualTo(401);
    assertThat(dynamo.clock().now()).isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));

    HttpResponse<String> moved = send("POST", "clock/advance?millis=1000", "Bearer control-secret");
    assertThat(moved.statusCode()).isEqualTo(200);
    assertThat(dynamo.clock().now()).isEqualTo(Instant.parse("2026-01-01T00:00:01Z"));
    assertThat(send("GET", "health", null).statusCode()).isEqualTo(200);
  }

  @Test
  void withoutATokenTheControlApiIsClosedButHealthAnswers() throws Exception {
    start(AuthConfig.of(ADMIN), DynamoClock.system()); // the SDK signs with the time of day
    HttpResponse<String> refused = send("POST", "reset", "Bearer anything");
    assertThat(refused.statusCode()).isEqualTo(403);
    assertThat(refused.body()).contains("set \\\"controlToken\\\" in the auth file");
    assertThat(send("GET", "health", null).statusCode()).isEqualTo(200);
    try (DynamoDbClient client = AuthClients.client(dynamo, "AKIDADMIN", "admin-secret")) {
      assertThat(client.listTables().tableNames()).isEmpty(); // the DynamoDB API is unaffected
    }
  }

  @Test
  void withoutAuthTheControlApiIsOpen() throws Exception {
    start(null);
    assertThat(send("POST", "clock/advance?millis=1000", null).statusCode()).isEqualTo(200);
  }

  @Test
  void theAuthFileNamesTheToken() {
    AuthConfig config = AuthConfig.parse("{\"controlToken\":\"t0ken\",\"identities\":[{\"accessKeyId\":\"AKID\","
        + "\"secretAccessKey\":\"s\"}]}", Path.of("."));
    assertThat(config.controlToken()).isEqualTo("t0ken");
    assertThatThrownBy(() -> AuthConfig.parse("{\"controlToken\":\"\",\"identities\":[]}", Path.of(".")))
        .isInstanceOf(PolicyException.class).hasMessageContaining("\"controlToken\" must be a non-empty string");
  }
}
