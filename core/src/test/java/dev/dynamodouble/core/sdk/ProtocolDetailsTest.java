package dev.dynamodouble.core.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynamodouble.core.DynamoDouble;
import dev.dynamodouble.core.time.DynamoClock;
import dev.dynamodouble.core.time.ManualClock;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** HTTP details of the protocol: Date and Server headers, compressed request bodies. */
class ProtocolDetailsTest {
  static final ManualClock CLOCK = DynamoClock.manual(Instant.parse("2030-06-15T08:09:10.500Z"));
  static DynamoDouble dynamo;
  static RawClient raw;

  @BeforeAll
  static void start() {
    dynamo = DynamoDouble.builder().clock(CLOCK).start();
    raw = new RawClient(dynamo);
    raw.call("CreateTable", "{\"TableName\":\"tbl\",\"BillingMode\":\"PAY_PER_REQUEST\",\"AttributeDefinitions\":"
        + "[{\"AttributeName\":\"pk\",\"AttributeType\":\"S\"}],\"KeySchema\":[{\"AttributeName\":\"pk\",\"KeyType\":\"HASH\"}]}");
  }

  @AfterAll
  static void stop() {
    dynamo.close();
  }

  @Test
  void everyResponseHasDateAndServer() {
    for (RawClient.Response response : new RawClient.Response[] {
        raw.call("ListTables", "{}"), raw.call("DescribeTable", "{\"TableName\":\"missing\"}"),
        raw.call("ListTables", "{"), raw.get("/")}) {
      // the wall clock's time, whatever the engine's (see HttpDate)
      assertThat(java.time.ZonedDateTime.parse(response.header("Date"),
          java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME).getYear()).as("%s", response).isLessThan(2030);
      assertThat(response.header("Server")).as("%s", response).isEqualTo("Server");
    }
  }

  @Test
  void gzipAndDeflateBodiesAreDecoded() throws IOException {
    RawClient.Response gzip = post("gzip", gzip(put("gz")));
    assertThat(gzip.status()).as("%s", gzip).isEqualTo(200);
    RawClient.Response deflate = post("deflate", deflate(put("df")));
    assertThat(deflate.status()).as("%s", deflate).isEqualTo(200);
    assertThat(itemCount()).isGreaterThanOrEqualTo(2);
    assertThat(get("gz")).contains("\"gz\"");
    assertThat(get("df")).contains("\"df\"");
  }

  @Test
  void anUnknownOrCorruptEncodingExecutesNothing() {
    RawClient.Response unknown = post("br", put("br").getBytes(StandardCharsets.UTF_8));
    assertThat(unknown.status()).isEqualTo(400);
    assertThat(unknown.errorType()).isEqualTo("SerializationException");
    assertThat(unknown.message()).isEqualTo("Unsupported Content-Encoding: br");
    RawClient.Response plain = post("gzip", put("plain").getBytes(StandardCharsets.UTF_8));
    assertThat(plain.status()).isEqualTo(400);
    assertThat(plain.errorType()).isEqualTo("SerializationException");
    assertThat(plain.message()).isEqualTo("The request body is not valid gzip data");
    assertThat(get("br")).isEqualTo("{}");
    assertThat(get("plain")).isEqualTo("{}");
  }

  @Test
  void describeEndpointsAnswersTheRegionalEndpoint() {
    try (var client = SdkTestSupport.client(dynamo, "eu-west-1")) {
      var endpoints = client.describeEndpoints(r -> { }).endpoints();
      assertThat(endpoints).hasSize(1);
      assertThat(endpoints.get(0).address()).isEqualTo("dynamodb.eu-west-1.amazonaws.com");
      assertThat(endpoints.get(0).cachePeriodInMinutes()).isEqualTo(1440L);
    }
  }

  @Test
  void theControlApiAnswersValidJsonWhateverThePath() {
    RawClient.Response response = raw.get("/_dynamodouble/a%5Cb%00c%22d");
    assertThat(response.status()).isEqualTo(404);
    assertThat(response.json().path("error").asText()).isEqualTo("unknown control path: a\\b\u0000c\"d");
  }

  private static String put(String pk) {
    return "{\"TableName\":\"tbl\",\"Item\":{\"pk\":{\"S\":\"" + pk + "\"}}}";
  }

  private static String get(String pk) {
    return raw.call("GetItem", "{\"TableName\":\"tbl\",\"Key\":{\"pk\":{\"S\":\"" + pk + "\"}}}").body();
  }

  private static int itemCount() {
    return raw.call("Scan", "{\"TableName\":\"tbl\",\"Select\":\"COUNT\"}").json().path("Count").asInt();
  }

  private static RawClient.Response post(String encoding, byte[] body) {
    return raw.send(HttpRequest.newBuilder(raw.endpoint().resolve("/"))
        .header("X-Amz-Target", "DynamoDB_20120810.PutItem")
        .header("Content-Type", RawClient.AMZ_JSON)
        .header("Content-Encoding", encoding)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());
  }

  private static byte[] gzip(String text) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
      out.write(text.getBytes(StandardCharsets.UTF_8));
    }
    return bytes.toByteArray();
  }

  private static byte[] deflate(String text) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DeflaterOutputStream out = new DeflaterOutputStream(bytes)) {
      out.write(text.getBytes(StandardCharsets.UTF_8));
    }
    return bytes.toByteArray();
  }
}
