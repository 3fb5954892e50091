package dev.dynamodouble.core.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynamodouble.core.DynamoDouble;
import dev.dynamodouble.core.pipeline.RequestHead;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.CRC32;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The socket-free entry point, byte for byte: what the HTTP server would answer, without the connection. */
class InProcessEndpointTest {
  private final DynamoDouble dynamo = DynamoDouble.builder().build();
  private final InProcessEndpoint endpoint = dynamo.inProcess();

  @AfterEach
  void close() {
    dynamo.close();
  }

  @Test
  void servesTheProtocolWithTheServersHeaders() {
    InProcessResponse response = endpoint.serve(post("DynamoDB_20120810.ListTables", Map.of()), utf8("{}"));
    assertThat(response.status()).isEqualTo(200);
    assertThat(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo("{\"TableNames\":[]}");
    CRC32 crc = new CRC32();
    crc.update(response.body());
    assertThat(response.headers()).containsEntry("Content-Type", "application/x-amz-json-1.0")
        .containsEntry("x-amz-crc32", Long.toString(crc.getValue()))
        .containsEntry("Content-Length", Integer.toString(response.body().length))
        .containsKeys("x-amzn-RequestId", "Date");
    assertThat(response.fault()).isNull();
    assertThat(dynamo.listening()).isFalse();
  }

  @Test
  void decodesCompressedBodiesAndReadsTheRegionFromTheCredentialScope() throws IOException {
    ByteArrayOutputStream zipped = new ByteArrayOutputStream();
    try (GZIPOutputStream gzip = new GZIPOutputStream(zipped)) {
      gzip.write(utf8("{\"TableName\":\"eu-orders\",\"BillingMode\":\"PAY_PER_REQUEST\",\"KeySchema\":[{\"AttributeName\":"
          + "\"pk\",\"KeyType\":\"HASH\"}],\"AttributeDefinitions\":[{\"AttributeName\":\"pk\",\"AttributeType\":\"S\"}]}"));
    }
    InProcessResponse response = endpoint.serve(post("DynamoDB_20120810.CreateTable", Map.of("Content-Encoding", "gzip",
        "Authorization", "AWS4-HMAC-SHA256 Credential=k/20260101/eu-west-1/dynamodb/aws4_request, SignedHeaders=host, "
            + "Signature=00")), zipped.toByteArray());
    assertThat(response.status()).isEqualTo(200);
    assertThat(dynamo.engine().region("eu-west-1").find("eu-orders")).isNotNull();
    assertThat(dynamo.engine().region("us-east-1").find("eu-orders")).isNull();
  }

  @Test
  void answersWhatIsNotTheProtocolAsTheServerDoes() {
    assertThat(endpoint.serve(head("GET", "/", Map.of()), null).status()).isEqualTo(200);
    assertThat(endpoint.serve(head("PUT", "/", Map.of()), utf8("{}")).status()).isEqualTo(404);
    InProcessResponse control = endpoint.serve(head("GET", "/_dynamodouble/health", Map.of()), null);
    assertThat(control.status()).isEqualTo(404);
    assertThat(new String(control.body(), StandardCharsets.UTF_8)).contains("served over HTTP only");
    InProcessResponse bad = endpoint.serve(post("DynamoDB_20120810.ListTables", Map.of("Content-Encoding", "gzip")),
        utf8("not gzip"));
    assertThat(new String(bad.body(), StandardCharsets.UTF_8)).contains("SerializationException");
    dynamo.close();
    assertThatThrownBy(() -> endpoint.serve(post("DynamoDB_20120810.ListTables", Map.of()), utf8("{}")))
        .isInstanceOf(IllegalStateException.class);
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static RequestHead post(String target, Map<String, String> more) {
    Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    headers.put("Content-Type", "application/x-amz-json-1.0");
    headers.put("X-Amz-Target", target);
    headers.putAll(more);
    return head("POST", "/", headers);
  }

  private static RequestHead head(String method, String path, Map<String, String> given) {
    Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    headers.putAll(given);
    return new RequestHead() {
      @Override
      public String method() {
        return method;
      }

      @Override
      public String rawPath() {
        return path;
      }

      @Override
      public String rawQuery() {
        return "";
      }

      @Override
      public List<String> headers(String name) {
        String value = headers.get(name);
        return value == null ? List.of() : List.of(value);
      }

      @Override
      public boolean secure() {
        return false;
      }
    };
  }
}
