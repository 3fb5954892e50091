package dev.dynamodouble.core.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dynamodouble.core.DynamoDouble;
import dev.dynamodouble.core.sdk.RawClient;
import dev.dynamodouble.core.sdk.SdkTestSupport;
import dev.dynamodouble.core.time.DynamoClock;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.zip.CRC32;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The awsJson1_0 wire format through raw HTTP: targets, content types, malformed bodies, field
 * types, the 16 MB limit, x-amz-crc32, x-amzn-RequestId, keep-alive, and the health and control paths.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProtocolTest {
  private static final Instant T0 = Instant.parse("2024-05-01T10:00:00Z");
  private DynamoDouble dynamo;
  private RawClient raw;

  @BeforeAll
  void start() {
    dynamo = DynamoDouble.builder().clock(DynamoClock.manual(T0)).start();
    raw = new RawClient(dynamo);
    try (DynamoDbClient client = SdkTestSupport.client(dynamo)) {
      SdkTestSupport.createTable(client, "wire", "pk", null);
    }
  }

  @AfterAll
  void stop() {
    dynamo.close();
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static long crc32(byte[] body) {
    CRC32 crc = new CRC32();
    crc.update(body);
    return crc.getValue();
  }

  private static void assertError(RawClient.Response response, String type, String message) {
    assertThat(response.status()).as(response.toString()).isEqualTo(400);
    assertThat(response.errorType()).as(response.toString()).isEqualTo(type);
    assertThat(response.message()).isEqualTo(message);
    assertThat(response.json().path("__type").asText()).startsWith("com.amazon");
  }

  @Test
  void aSuccessfulResponse() {
    RawClient.Response response = raw.call("ListTables", "{}");
    assertThat(response.status()).isEqualTo(200);
    assertThat(response.header("Content-Type")).isEqualTo("application/x-amz-json-1.0");
    assertThat(response.json().path("TableNames").get(0).asText()).isEqualTo("wire");
    assertThat(response.header("x-amz-crc32")).isEqualTo(Long.toString(crc32(response.bytes())));
    assertThat(response.header("x-amzn-RequestId")).hasSize(52).matches("[A-Z0-9]+");
  }

  @Test
  void applicationJsonIsAcceptedAndAnswered() {
    RawClient.Response response = raw.post("DynamoDB_20120810.ListTables", "application/json", utf8("{}"));
    assertThat(response.status()).isEqualTo(200);
    assertThat(response.header("Content-Type")).isEqualTo("application/json");
    RawClient.Response withCharset = raw.post("DynamoDB_20120810.ListTables",
        "application/x-amz-json-1.0; charset=utf-8", utf8("{}"));
    assertThat(withCharset.status()).isEqualTo(200);
  }

  @Test
  void everyResponseCarriesACorrectCrc32AndItsOwnRequestId() {
    Set<String> ids = new HashSet<>();
    for (RawClient.Response response : new RawClient.Response[] {
        raw.call("DescribeTable", "{\"TableName\":\"wire\"}"),
        raw.call("DescribeTable", "{\"TableName\":\"nope\"}"),
        raw.call("PutItem", "{\"TableName\":\"wire\",\"Item\":{\"pk\":{\"S\":\"é😀\"}}}"),
        raw.call("Nope", "{}"),
        raw.call("ListTables", "{"),
        raw.post("DynamoDB_20120810.ListTables", "text/plain", utf8("{}")),
    }) {
      assertThat(response.header("x-amz-crc32")).as(response.toString()).isEqualTo(Long.toString(crc32(response.bytes())));
      assertThat(response.header("x-amzn-RequestId")).as(response.toString()).isNotBlank();
      ids.add(response.header("x-amzn-RequestId"));
    }
    assertThat(ids).hasSize(6);
  }

  @Test
  void anUnknownTargetIsAnUnknownOperation() {
    assertError(raw.call("DropEverything", "{}"), "UnknownOperationException", unknown("DynamoDB_20120810.DropEverything"));
    assertError(raw.post("DynamoDB_20111205.ListTables", RawClient.AMZ_JSON, utf8("{}")), "UnknownOperationException",
        unknown("DynamoDB_20111205.ListTables"));
    assertError(raw.post("ListTables", RawClient.AMZ_JSON, utf8("{}")), "UnknownOperationException",
        unknown("ListTables"));
    assertError(raw.post("DynamoDB_20120810.", RawClient.AMZ_JSON, utf8("{}")), "UnknownOperationException",
        unknown("DynamoDB_20120810."));
    assertThat(raw.call("DropEverything", "{}").json().path("__type").asText())
        .isEqualTo("com.amazon.coral.service#UnknownOperationException");
  }

  @Test
  void aMissingTargetIsAnUnknownOperation() {
    assertError(raw.post(null, RawClient.AMZ_JSON, utf8("{}")), "UnknownOperationException",
        "No operation: the request has no X-Amz-Target header");
  }

  private static String unknown(String target) {
    return "Unknown operation " + target + ": not a DynamoDB operation, or one Dynamo Double does not support yet";
  }

  @ParameterizedTest
  @ValueSource(strings = {"text/plain", "application/xml", "application/x-amz-json-1.1", "application/x-www-form-urlencoded"})
  void aWrongContentTypeIs404WithAnXmlUnknownOperation(String contentType) {
    RawClient.Response response = raw.post("DynamoDB_20120810.ListTables", contentType, utf8("{}"));
    assertThat(response.status()).isEqualTo(404);
    assertThat(response.body()).isEqualTo("<UnknownOperationException/>\n");
  }

  @Test
  void aBodyWithoutAContentTypeIs404() {
    RawClient.Response response = raw.post("DynamoDB_20120810.ListTables", null, utf8("{}"));
    assertThat(response.status()).isEqualTo(404);
    assertThat(response.body()).isEqualTo("<UnknownOperationException/>\n");
  }

  @Test
  void otherMethodsAre404() {
    RawClient.Response put = raw.send(HttpRequest.newBuilder(raw.endpoint().resolve("/"))
        .header("X-Amz-Target", "DynamoDB_20120810.ListTables").header("Content-Type", RawClient.AMZ_JSON)
        .PUT(HttpRequest.BodyPublishers.ofString("{}")).build());
    assertThat(put.status()).isEqualTo(404);
    assertThat(put.body()).isEqualTo("<UnknownOperationException/>\n");
    assertThat(raw.get("/some/path").status()).isEqualTo(404);
  }

  @ParameterizedTest
  @ValueSource(strings = {"{", "}{", "habababa", "{\"TableName\":}", "{\"a\" \"b\"}", "{'TableName':'wire'}", "{,}",
      "{\"TableName\":\"wire\"", "\"\"\"", "{\"TableName\":\"wire\"} x", "{}{}"})
  void malformedJsonIsASerializationException(String body) {
    assertError(raw.call("DescribeTable", body), "SerializationException", null);
  }

  @Test
  void malformedJsonIsReportedBeforeAnUnknownTarget() {
    assertError(raw.call("DropEverything", "{"), "SerializationException", null);
  }

  @Test
  void anEmptyBodyIsASerializationException() {
    assertError(raw.call("ListTables", ""), "SerializationException", null);
    assertError(raw.post("DynamoDB_20120810.ListTables", null, new byte[0]), "SerializationException", null);
    // ... but the target is checked first.
    assertError(raw.call("DropEverything", ""), "UnknownOperationException", unknown("DynamoDB_20120810.DropEverything"));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', value = {
      "{\"TableName\":5}|class java.lang.Short can not be converted to an String",
      "{\"TableName\":100000}|class java.lang.Integer can not be converted to an String",
      "{\"TableName\":10000000000}|class java.lang.Long can not be converted to an String",
      "{\"TableName\":1.5}|class java.lang.Double can not be converted to an String",
      "{\"TableName\":true}|class java.lang.Boolean can not be converted to an String",
      "{\"TableName\":[]}|Start of list found where not expected",
      "{\"TableName\":{}}|Start of structure or map found where not expected.",
  })
  void aWrongJsonTypeInAStringField(String body, String message) {
    assertError(raw.call("DescribeTable", body), "SerializationException", message);
  }

  @Test
  void wrongJsonTypesInOtherFields() {
    assertError(raw.call("ListTables", "{\"Limit\":\"5\"}"), "SerializationException",
        "class java.lang.String can not be converted to an Integer");
    assertError(raw.call("ListTables", "{\"Limit\":true}"), "SerializationException",
        "class java.lang.Boolean can not be converted to an Integer");
    assertError(raw.call("GetItem", "{\"TableName\":\"wire\",\"Key\":{\"pk\":{\"S\":\"a\"}},\"ConsistentRead\":\"yes\"}"),
        "SerializationException", "'YES' can not be converted to an Boolean");
    assertError(raw.call("GetItem", "{\"TableName\":\"wire\",\"Key\":[]}"), "SerializationException",
        "Start of list found where not expected");
    assertError(raw.call("GetItem", "{\"TableName\":\"wire\",\"Key\":\"pk\"}"), "SerializationException",
        "Expected map or null");
    assertError(raw.call("CreateTable", "{\"TableName\":\"x\",\"KeySchema\":{}}"), "SerializationException",
        "Start of structure or map found where not expected.");
    assertError(raw.call("CreateTable", "{\"TableName\":\"x\",\"KeySchema\":5}"), "SerializationException",
        "Expected list or null");
    assertError(raw.call("CreateTable", "{\"TableName\":\"x\",\"ProvisionedThroughput\":[]}"), "SerializationException",
        "Start of list found where not expected");
  }

  @Test
  void aTopLevelArrayIsASerializationException() {
    assertError(raw.call("ListTables", "[]"), "SerializationException", "Start of list found where not expected");
  }

  @Test
  void unknownMembersAreRefusedNotIgnored() {
    // DynamoDB ignores them; Dynamo Double refuses them so that no part of a request is silently dropped
    assertError(raw.call("ListTables", "{\"Bogus\":1,\"Other\":{\"x\":[1,2]}}"), "ValidationException",
        "Unknown member Bogus in a ListTables request: Dynamo Double refuses members it does not know rather than "
            + "ignore them (the API as of AWS SDK for Java 2.59)");
    assertThat(raw.call("ListTables", "{\"Bogus\":null}").status()).isEqualTo(200);
  }

  @Test
  void nullMembersReadAsAbsent() {
    RawClient.Response response = raw.call("ListTables", "{\"Limit\":null,\"ExclusiveStartTableName\":null}");
    assertThat(response.status()).isEqualTo(200);
    assertError(raw.call("DescribeTable", "{\"TableName\":null}"), "ValidationException",
        "1 validation error detected: Value null at 'tableName' failed to satisfy constraint: Member must not be null");
  }

  @Test
  void deeplyNestedJsonIsRefusedWithoutA500() {
    int depth = 200_000;
    StringBuilder body = new StringBuilder("{\"TableName\":\"wire\",\"Item\":{\"pk\":{\"S\":\"x\"},\"a\":");
    for (int i = 0; i < depth; i++) {
      body.append("{\"M\":{\"a\":");
    }
    body.append("{\"S\":\"leaf\"}");
    for (int i = 0; i < depth; i++) {
      body.append("}}");
    }
    body.append("}}");
    RawClient.Response response = raw.call("PutItem", body.toString());
    assertThat(response.status()).as(response.toString()).isEqualTo(400);
    assertThat(response.errorType()).isIn("SerializationException", "ValidationException");
    assertThat(raw.call("ListTables", "{}").status()).isEqualTo(200);
  }

  @Test
  void aBodyOver16MbIs413AndTheServerCarriesOn() {
    byte[] big = new byte[16 * 1024 * 1024 + 1];
    java.util.Arrays.fill(big, (byte) ' ');
    big[0] = '{';
    big[big.length - 1] = '}';
    RawClient.Response response = raw.post("DynamoDB_20120810.ListTables", RawClient.AMZ_JSON, big);
    assertThat(response.status()).isEqualTo(413);
    assertThat(raw.call("ListTables", "{}").status()).isEqualTo(200);
  }

  @Test
  void aBodyOfExactly16MbIsServed() {
    byte[] body = new byte[16 * 1024 * 1024];
    java.util.Arrays.fill(body, (byte) ' ');
    body[0] = '{';
    body[body.length - 1] = '}';
    assertThat(raw.post("DynamoDB_20120810.ListTables", RawClient.AMZ_JSON, body).status()).isEqualTo(200);
  }

  @Test
  void keepAliveServesSeveralRequestsOnOneConnection() throws IOException {
    try (Socket socket = new Socket("127.0.0.1", dynamo.port())) {
      socket.setSoTimeout(60_000); // a guard against a hang, not a timing assertion
      OutputStream out = socket.getOutputStream();
      InputStream in = socket.getInputStream();
      for (int i = 0; i < 3; i++) {
        out.write(request("DynamoDB_20120810.ListTables", "{}"));
        out.flush();
        HttpMessage response = HttpMessage.read(in);
        assertThat(response.status).isEqualTo(200);
        assertThat(response.body).contains("\"wire\"");
      }
      out.write(request("DynamoDB_20120810.Nope", "{}"));
      out.flush();
      assertThat(HttpMessage.read(in).status).isEqualTo(400);
      out.write(request("DynamoDB_20120810.ListTables", "{"));
      out.flush();
      assertThat(HttpMessage.read(in).status).isEqualTo(400);
      out.write(request("DynamoDB_20120810.DescribeTable", "{\"TableName\":\"wire\"}"));
      out.flush();
      assertThat(HttpMessage.read(in).status).isEqualTo(200);
    }
  }

  @Test
  void healthOnGetSlash() {
    RawClient.Response response = raw.get("/");
    assertThat(response.status()).isEqualTo(200);
    assertThat(response.body()).startsWith("healthy");
  }

  @Test
  void controlApiHealthAndClock() {
    RawClient.Response health = raw.get("/_dynamodouble/health");
    assertThat(health.status()).isEqualTo(200);
    assertThat(health.json().path("status").asText()).isEqualTo("ok");

    JsonNode clock = raw.get("/_dynamodouble/clock").json();
    assertThat(clock.path("manual").asBoolean()).isTrue();
    assertThat(Instant.parse(clock.path("now").asText())).isEqualTo(dynamo.clock().now());

    assertThat(raw.get("/_dynamodouble/nope").status()).isEqualTo(404);
  }

  @Test
  void controlApiAdvancesAManualClock() {
    Instant before = dynamo.clock().now();
    RawClient.Response advanced = raw.send(HttpRequest.newBuilder(raw.endpoint().resolve("/_dynamodouble/clock/advance?millis=1500"))
        .POST(HttpRequest.BodyPublishers.noBody()).build());
    assertThat(advanced.status()).isEqualTo(200);
    assertThat(dynamo.clock().now()).isEqualTo(before.plusMillis(1500));
    assertThat(advanced.json().path("epochMillis").asLong()).isEqualTo(before.plusMillis(1500).toEpochMilli());

    RawClient.Response bad = raw.send(HttpRequest.newBuilder(raw.endpoint().resolve("/_dynamodouble/clock/advance?millis=-5"))
        .POST(HttpRequest.BodyPublishers.noBody()).build());
    assertThat(bad.status()).isEqualTo(400);
  }

  @Test
  void controlApiRefusesToAdvanceTheSystemClock() {
    try (DynamoDouble system = DynamoDouble.builder().start()) {
      RawClient other = new RawClient(system);
      RawClient.Response response = other.send(HttpRequest.newBuilder(other.endpoint().resolve("/_dynamodouble/clock/advance?millis=10"))
          .POST(HttpRequest.BodyPublishers.noBody()).build());
      assertThat(response.status()).isEqualTo(409);
      assertThat(other.get("/_dynamodouble/clock").json().path("manual").asBoolean()).isFalse();
    }
  }

  private byte[] request(String target, String json) {
    byte[] body = utf8(json);
    String head = "POST / HTTP/1.1\r\nHost: 127.0.0.1:" + dynamo.port() + "\r\nX-Amz-Target: " + target
        + "\r\nContent-Type: " + RawClient.AMZ_JSON + "\r\nContent-Length: " + body.length + "\r\n\r\n";
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    bytes.writeBytes(utf8(head));
    bytes.writeBytes(body);
    return bytes.toByteArray();
  }

  /** A minimal HTTP/1.1 response reader (Content-Length bodies only). */
  private static final class HttpMessage {
    int status;
    final Map<String, String> headers = new LinkedHashMap<>();
    String body;

    static HttpMessage read(InputStream in) throws IOException {
      HttpMessage message = new HttpMessage();
      String statusLine = line(in);
      message.status = Integer.parseInt(statusLine.split(" ")[1]);
      for (String header = line(in); !header.isEmpty(); header = line(in)) {
        int colon = header.indexOf(':');
        message.headers.put(header.substring(0, colon).trim().toLowerCase(Locale.ROOT), header.substring(colon + 1).trim());
      }
      int length = Integer.parseInt(message.headers.getOrDefault("content-length", "0"));
      byte[] body = in.readNBytes(length);
      message.body = new String(body, StandardCharsets.UTF_8);
      return message;
    }

    private static String line(InputStream in) throws IOException {
      StringBuilder line = new StringBuilder();
      int c;
      while ((c = in.read()) != -1 && c != '\n') {
        if (c != '\r') {
          line.append((char) c);
        }
      }
      return line.toString();
    }
  }
}
