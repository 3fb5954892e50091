package dev.dynamodouble.core.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * The standalone server, as a separate process, loads a scenario file at start ({@code --faults})
 * and the control API drives its rules over raw HTTP: list with hits, add, remove, reset.
 */
class FaultsControlProcessTest {
  private static final Pattern LISTENING = Pattern.compile("Dynamo Double listening on (http://127\\.0\\.0\\.1:\\d+) \\(in-memory\\)");
  private static final Duration GUARD = Duration.ofSeconds(60);
  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(GUARD).build();

  private static Process start(Path scenario) throws IOException {
    return new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), Main.class.getName(), "--port", "0", "--faults",
        scenario.toString()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
  }

  private JsonNode send(String method, URI uri, String body) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(GUARD)
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    JsonNode json = JSON.readTree(response.body());
    ((com.fasterxml.jackson.databind.node.ObjectNode) json).put("status", response.statusCode());
    return json;
  }

  @Test
  void aScenarioLoadedAtStartAndRulesDrivenOverTheControlApi(@TempDir Path dir) throws Exception {
    Path scenario = dir.resolve("faults.yml");
    Files.writeString(scenario, """
        rules:
          - name: throttle-puts
            operation: PutItem
            error: ProvisionedThroughputExceededException
            times: 1
        """);
    Process process = start(scenario);
    try {
      String first = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))
          .readLine();
      Matcher matcher = LISTENING.matcher(String.valueOf(first));
      assertThat(matcher.matches()).as(first).isTrue();
      URI endpoint = URI.create(matcher.group(1));
      URI faults = endpoint.resolve("/_dynamodouble/faults");

      try (DynamoDbClient client = DynamoDbClient.builder().endpointOverride(endpoint).region(Region.US_EAST_1)
          .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("a", "b")))
          .httpClient(UrlConnectionHttpClient.create())
          .overrideConfiguration(c -> c.retryStrategy(r -> r.maxAttempts(1))).build()) {
        client.createTable(r -> r.tableName("orders").billingMode("PAY_PER_REQUEST")
            .keySchema(k -> k.attributeName("pk").keyType("HASH"))
            .attributeDefinitions(a -> a.attributeName("pk").attributeType(ScalarAttributeType.S)));
        Map<String, AttributeValue> item = Map.of("pk", AttributeValue.fromS("o1"));
        DynamoDbException throttled = org.assertj.core.api.Assertions.catchThrowableOfType(DynamoDbException.class,
            () -> client.putItem(r -> r.tableName("orders").item(item)));
        assertThat(throttled.awsErrorDetails().errorCode()).isEqualTo("ProvisionedThroughputExceededException");
        client.putItem(r -> r.tableName("orders").item(item));

        JsonNode listed = send("GET", faults, null);
        assertThat(listed.get("status").asInt()).isEqualTo(200);
        assertThat(listed.get("rules").get(0).get("name").asText()).isEqualTo("throttle-puts");
        assertThat(listed.get("rules").get(0).get("hits").asInt()).isEqualTo(1);
        assertThat(listed.get("rules").get(0).get("matched").asInt()).isEqualTo(2);
        assertThat(listed.get("rules").get(0).get("source").asText()).endsWith("faults.yml line 2");

        JsonNode added = send("POST", faults, "[{\"name\": \"gets\", \"operation\": \"GetItem\", "
            + "\"error\": \"InternalServerError\"}]");
        assertThat(added.get("status").asInt()).isEqualTo(201);
        assertThat(added.get("rules").get(0).get("rule").asText()).isEqualTo("GetItem: error InternalServerError");
        DynamoDbException internal = org.assertj.core.api.Assertions.catchThrowableOfType(DynamoDbException.class,
            () -> client.getItem(r -> r.tableName("orders").key(item)));
        assertThat(internal.statusCode()).isEqualTo(500);
        assertThat(send("GET", endpoint.resolve("/_dynamodouble/faults/gets"), null).get("hits").asInt()).isEqualTo(1);
        assertThat(send("GET", endpoint.resolve("/_dynamodouble/faults/unfired"), null).get("rules")).isEmpty();

        JsonNode bad = send("POST", faults, "rules:\n  - operation: GetItem\n    error: Slow\n");
        assertThat(bad.get("status").asInt()).isEqualTo(400);
        assertThat(bad.get("error").asText()).startsWith("request body, line 3: field \"error\": unknown error \"Slow\"");

        assertThat(send("DELETE", endpoint.resolve("/_dynamodouble/faults/gets"), null).get("status").asInt())
            .isEqualTo(200);
        assertThat(client.getItem(r -> r.tableName("orders").key(item)).hasItem()).isTrue();
        assertThat(send("DELETE", endpoint.resolve("/_dynamodouble/faults/gets"), null).get("status").asInt())
            .isEqualTo(404);
        JsonNode reset = send("DELETE", faults, null);
        assertThat(reset.get("rules")).isEmpty();
        assertThat(send("GET", faults, null).get("rules")).isEmpty();
      }
    } finally {
      process.destroy();
      process.waitFor(GUARD.toSeconds(), TimeUnit.SECONDS);
      process.destroyForcibly();
    }
  }

  @Test
  void aBrokenScenarioStopsTheServerBeforeItListens(@TempDir Path dir) throws Exception {
    Path scenario = dir.resolve("broken.json");
    Files.writeString(scenario, "{\"rules\": [\n  {\"operation\": \"PutItem\", \"times\": -1, \"error\": \"ThrottlingException\"}\n]}");
    Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), Main.class.getName(), "--port", "0", "--faults",
        scenario.toString()).redirectErrorStream(true).start();
    try {
      List<String> lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))
          .lines().toList();
      assertThat(process.waitFor(GUARD.toSeconds(), TimeUnit.SECONDS)).isTrue();
      assertThat(process.exitValue()).isEqualTo(2);
      assertThat(lines).contains("dynamo-double: " + scenario + ", line 2: field \"times\": must not be negative, not -1");
    } finally {
      process.destroyForcibly();
    }
  }
}
