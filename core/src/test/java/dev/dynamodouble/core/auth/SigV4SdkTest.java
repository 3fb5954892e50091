package dev.dynamodouble.core.auth;

import static dev.dynamodouble.core.sdk.SdkTestSupport.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dynamodouble.core.DynamoDouble;
import dev.dynamodouble.core.sdk.RawClient;
import dev.dynamodouble.core.time.DynamoClock;
import dev.dynamodouble.core.time.ManualClock;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4FamilyHttpSigner;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** SigV4 verification through the SDK: right and wrong keys, session tokens, skewed clocks, presigned requests. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SigV4SdkTest {
  private ManualClock clock;
  private DynamoDouble dynamo;

  @BeforeAll
  void start() {
    clock = DynamoClock.manual(DynamoClock.system().now());
    dynamo = DynamoDouble.builder().clock(clock).auth(AuthConfig.of(
        Identity.of("AKIDADMIN", "admin-secret"),
        Identity.of("AKIDTEMP", "temp-secret").withSessionToken("session-token-1"))).start();
  }

  @AfterAll
  void stop() {
    dynamo.close();
  }

  static Stream<Arguments> keys() {
    return Stream.of(
        Arguments.of("right key", "AKIDADMIN", "admin-secret", null, null, null),
        Arguments.of("wrong secret", "AKIDADMIN", "wrong", null, "InvalidSignatureException",
            "The request signature we calculated does not match the signature you provided. Check your AWS Secret "
                + "Access Key and signing method. Consult the service documentation for details."),
        Arguments.of("unknown key", "AKIDNOBODY", "admin-secret", null, "UnrecognizedClientException",
            "The security token included in the request is invalid."),
        Arguments.of("session token", "AKIDTEMP", "temp-secret", "session-token-1", null, null),
        Arguments.of("wrong session token", "AKIDTEMP", "temp-secret", "other", "UnrecognizedClientException",
            "The security token included in the request is invalid."),
        Arguments.of("missing session token", "AKIDTEMP", "temp-secret", null, "UnrecognizedClientException",
            "The security token included in the request is invalid."),
        Arguments.of("token on a long-term key", "AKIDADMIN", "admin-secret", "x", "UnrecognizedClientException",
            "The security token included in the request is invalid."));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("keys")
  void signedWith(String name, String key, String secret, String token, String error, String message) {
    try (DynamoDbClient client = token == null ? AuthClients.client(dynamo, key, secret)
        : AuthClients.client(dynamo, key, secret, token)) {
      if (error == null) {
        assertThat(client.listTables().tableNames()).isNotNull();
      } else {
        assertError(client::listTables, error, message);
      }
    }
  }

  static Stream<Arguments> skews() {
    return Stream.of(
        Arguments.of(Duration.ofMinutes(14), null),
        Arguments.of(Duration.ofMinutes(-14), null),
        Arguments.of(Duration.ofMinutes(16), "Signature expired: "),
        Arguments.of(Duration.ofMinutes(-16), "Signature not yet current: "));
  }

  /** The engine clock moves, the client's does not: a 15-minute window either way. */
  @ParameterizedTest(name = "engine clock {0} ahead")
  @MethodSource("skews")
  void skewedClocks(Duration engineAhead, String messageStart) {
    ManualClock skewed = DynamoClock.manual(DynamoClock.system().now().plus(engineAhead));
    try (DynamoDouble other = DynamoDouble.builder().clock(skewed)
        .auth(AuthConfig.of(Identity.of("AKIDADMIN", "admin-secret"))).start();
         DynamoDbClient client = AuthClients.client(other, "AKIDADMIN", "admin-secret")) {
      if (messageStart == null) {
        assertThat(client.listTables().tableNames()).isEmpty();
      } else {
        var e = assertError(client::listTables, "InvalidSignatureException", null);
        assertThat(e.awsErrorDetails().errorMessage()).startsWith(messageStart)
            .endsWith(engineAhead.isNegative() ? " + 15 min.)" : " - 15 min.)");
      }
    }
  }

  static Stream<Arguments> malformedHeaders() {
    return Stream.of(
        Arguments.of(null, "MissingAuthenticationTokenException", "Request is missing Authentication Token"),
        Arguments.of("AWS4-HMAC-SHA256 Credential=AKIDADMIN/20260101/us-east-1/dynamodb/aws4_request",
            "IncompleteSignatureException", "Authorization header requires 'Signature' parameter. Authorization "
                + "header requires 'SignedHeaders' parameter. Authorization header requires existence of either a "
                + "'X-Amz-Date' or a 'Date' header. Authorization=AWS4-HMAC-SHA256 "
                + "Credential=AKIDADMIN/20260101/us-east-1/dynamodb/aws4_request"),
        Arguments.of("Bearer token", "IncompleteSignatureException", null));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("malformedHeaders")
  void malformedAuthorizationNeverReachesAnOperation(String authorization, String error, String message) throws Exception {
    RawClient raw = new RawClient(dynamo);
    HttpRequest.Builder request = HttpRequest.newBuilder(raw.endpoint().resolve("/"))
        .header("X-Amz-Target", "DynamoDB_20120810.CreateTable")
        .header("Content-Type", RawClient.AMZ_JSON)
        .POST(HttpRequest.BodyPublishers.ofString("{\"TableName\":\"sneaky\",\"BillingMode\":\"PAY_PER_REQUEST\","
            + "\"KeySchema\":[{\"AttributeName\":\"pk\",\"KeyType\":\"HASH\"}],"
            + "\"AttributeDefinitions\":[{\"AttributeName\":\"pk\",\"AttributeType\":\"S\"}]}"));
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    var response = raw.http().send(request.build(), java.net.http.HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).contains(error);
    if (message != null) {
      assertThat(response.body()).contains("\"message\":\"" + message + "\"");
    }
    assertThat(dynamo.engine().region("us-east-1").find("sneaky")).isNull();
  }

  @Test
  void presignedRequests() throws Exception {
    assertThat(presigned("admin-secret", Duration.ofMinutes(5), Function.identity()).statusCode()).isEqualTo(200);
    var wrong = presigned("nope", Duration.ofMinutes(5), Function.identity());
    assertThat(wrong.statusCode()).isEqualTo(400);
    assertThat(wrong.body()).contains("InvalidSignatureException");
    var expired = presigned("admin-secret", Duration.ofMinutes(5), r -> {
      clock.advance(Duration.ofMinutes(6));
      return r;
    });
    assertThat(expired.body()).contains("InvalidSignatureException").contains("Signature expired");
  }

  @Test
  void aBodyChangedAfterSigningFails() throws Exception {
    byte[] signedBody = "{}".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    SdkHttpFullRequest request = SdkHttpFullRequest.builder().method(SdkHttpMethod.POST).uri(dynamo.endpoint())
        .encodedPath("/").putHeader("X-Amz-Target", "DynamoDB_20120810.ListTables")
        .putHeader("Content-Type", RawClient.AMZ_JSON).build();
    SignedRequest signed = AwsV4HttpSigner.create().sign(r -> r.identity(AwsBasicCredentials.create("AKIDADMIN", "admin-secret"))
        .request(request).payload(() -> new java.io.ByteArrayInputStream(signedBody))
        .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "dynamodb")
        .putProperty(AwsV4HttpSigner.REGION_NAME, "us-east-1")
        .putProperty(AwsV4HttpSigner.PAYLOAD_SIGNING_ENABLED, true));
    for (String body : List.of("{}", "{\"Limit\":1}")) {
      HttpRequest.Builder http = HttpRequest.newBuilder(URI.create(signed.request().getUri().toString()))
          .POST(HttpRequest.BodyPublishers.ofString(body));
      signed.request().forEachHeader((name, values) -> {
        if (!List.of("host", "content-length").contains(name.toLowerCase())) {
          values.forEach(v -> http.header(name, v));
        }
      });
      var response = new RawClient(dynamo).http().send(http.build(), java.net.http.HttpResponse.BodyHandlers.ofString());
      if (body.equals("{}")) {
        assertThat(response.statusCode()).isEqualTo(200);
      } else {
        assertThat(response.body()).contains("InvalidSignatureException");
      }
    }
  }

  /**
   * DynamoDB signs with SigV4 only (the SDK's DynamoDB model offers no other scheme): a SigV4A
   * header is refused as an unsupported algorithm, a chunked (streaming) payload for its
   * aws-chunked encoding, and its signature, which covers the literal
   * STREAMING-AWS4-HMAC-SHA256-PAYLOAD instead of the body, does not match a plain body.
   */
  @Test
  void sigV4AAndChunkedPayloadsAreRefused() throws Exception {
    RawClient raw = new RawClient(dynamo);
    String amzDate = java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
        .withZone(java.time.ZoneOffset.UTC).format(clock.now());
    var sigV4A = raw.http().send(HttpRequest.newBuilder(raw.endpoint().resolve("/"))
        .header("X-Amz-Target", "DynamoDB_20120810.ListTables").header("Content-Type", RawClient.AMZ_JSON)
        .header("X-Amz-Date", amzDate).header("X-Amz-Region-Set", "us-east-1")
        .header("Authorization", "AWS4-ECDSA-P256-SHA256 Credential=AKIDADMIN/" + amzDate.substring(0, 8)
            + "/dynamodb/aws4_request, SignedHeaders=host;x-amz-date;x-amz-region-set, Signature=3045022100ab")
        .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
    assertThat(sigV4A.statusCode()).isEqualTo(400);
    assertThat(sigV4A.body()).contains("IncompleteSignatureException")
        .contains("Unsupported AWS 'algorithm': 'AWS4-ECDSA-P256-SHA256'");

    byte[] body = "{}".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    SdkHttpFullRequest request = SdkHttpFullRequest.builder().method(SdkHttpMethod.POST).uri(dynamo.endpoint())
        .encodedPath("/").putHeader("X-Amz-Target", "DynamoDB_20120810.ListTables")
        .putHeader("Content-Type", RawClient.AMZ_JSON).putHeader("Content-Length", Integer.toString(body.length))
        .build();
    SignedRequest signed = AwsV4HttpSigner.create().sign(r -> r.identity(AwsBasicCredentials.create("AKIDADMIN", "admin-secret"))
        .request(request).payload(() -> new java.io.ByteArrayInputStream(body))
        .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "dynamodb")
        .putProperty(AwsV4HttpSigner.REGION_NAME, "us-east-1")
        .putProperty(AwsV4HttpSigner.SIGNING_CLOCK, java.time.Clock.fixed(clock.now(), java.time.ZoneOffset.UTC))
        .putProperty(AwsV4HttpSigner.PAYLOAD_SIGNING_ENABLED, true)
        .putProperty(AwsV4HttpSigner.CHUNK_ENCODING_ENABLED, true));
    assertThat(signed.request().firstMatchingHeader("x-amz-content-sha256")).contains("STREAMING-AWS4-HMAC-SHA256-PAYLOAD");
    byte[] chunked = signed.payload().orElseThrow().newStream().readAllBytes();
    HttpRequest.Builder http = HttpRequest.newBuilder(URI.create(signed.request().getUri().toString()))
        .POST(HttpRequest.BodyPublishers.ofByteArray(chunked));
    signed.request().forEachHeader((name, values) -> {
      if (!List.of("host", "content-length").contains(name.toLowerCase())) {
        values.forEach(v -> http.header(name, v));
      }
    });
    var streaming = raw.http().send(http.build(), java.net.http.HttpResponse.BodyHandlers.ofString());
    assertThat(streaming.statusCode()).isEqualTo(400);
    assertThat(streaming.body()).contains("SerializationException").contains("Unsupported Content-Encoding: aws-chunked");

    HttpRequest.Builder plain = HttpRequest.newBuilder(URI.create(signed.request().getUri().toString()))
        .POST(HttpRequest.BodyPublishers.ofByteArray(body)); // the streaming signature, over a plain body
    signed.request().forEachHeader((name, values) -> {
      if (!List.of("host", "content-length", "content-encoding").contains(name.toLowerCase())) {
        values.forEach(v -> plain.header(name, v));
      }
    });
    var unchunked = raw.http().send(plain.build(), java.net.http.HttpResponse.BodyHandlers.ofString());
    assertThat(unchunked.body()).contains("InvalidSignatureException")
        .contains("The request signature we calculated does not match the signature you provided.");
  }

  private java.net.http.HttpResponse<String> presigned(String secret, Duration expires,
      Function<SdkHttpFullRequest, SdkHttpFullRequest> beforeSend) throws Exception {
    byte[] body = "{}".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    SdkHttpFullRequest request = SdkHttpFullRequest.builder().method(SdkHttpMethod.POST).uri(dynamo.endpoint())
        .encodedPath("/").putHeader("X-Amz-Target", "DynamoDB_20120810.ListTables")
        .putHeader("Content-Type", RawClient.AMZ_JSON).build();
    SignedRequest signed = AwsV4HttpSigner.create().sign(r -> r.identity(AwsBasicCredentials.create("AKIDADMIN", secret))
        .request(request).payload(() -> new java.io.ByteArrayInputStream(body))
        .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "dynamodb")
        .putProperty(AwsV4HttpSigner.REGION_NAME, "us-east-1")
        .putProperty(AwsV4HttpSigner.AUTH_LOCATION, AwsV4FamilyHttpSigner.AuthLocation.QUERY_STRING)
        .putProperty(AwsV4HttpSigner.EXPIRATION_DURATION, expires));
    beforeSend.apply(request);
    HttpRequest.Builder http = HttpRequest.newBuilder(URI.create(signed.request().getUri().toString()))
        .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    signed.request().forEachHeader((name, values) -> {
      if (!List.of("host", "content-length").contains(name.toLowerCase())) {
        values.forEach(v -> http.header(name, v));
      }
    });
    return new RawClient(dynamo).http().send(http.build(), java.net.http.HttpResponse.BodyHandlers.ofString());
  }
}
