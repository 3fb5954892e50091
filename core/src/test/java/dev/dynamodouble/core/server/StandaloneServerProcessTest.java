package dev.dynamodouble.core.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The standalone server as a separate process, driven over HTTP (the control API) and through the
 * AWS SDK: fixtures loaded at start, named snapshots, restore and reset, the manual clock set,
 * table dumps, the version, one namespace for every region, and bad input refused before anything
 * is served. Waits are guards against a hang, never timing assertions.
 */
class StandaloneServerProcessTest {
  private static final Pattern LISTENING = Pattern.compile("Dynamo Double listening on (http://127\\.0\\.0\\.1:\\d+) \\(.*");
  private static final Duration GUARD = Duration.ofSeconds(60);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String START = "2026-01-01T00:00:00Z";

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(GUARD).build();
  private final List<Process> processes = new ArrayList<>();
  private final List<DynamoDbClient> clients = new ArrayList<>();

  @AfterEach
  void stop() throws InterruptedException {
    clients.forEach(DynamoDbClient::close);
    for (Process process : processes) {
      process.destroy();
      process.waitFor(GUARD.toSeconds(), TimeUnit.SECONDS);
      process.destroyForcibly();
    }
  }

  private Process launch(List<String> flags, boolean mergeErrors) throws IOException {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), Main.class.getName(), "--port", "0"));
    command.addAll(flags);
    ProcessBuilder builder = new ProcessBuilder(command);
    if (mergeErrors) {
      builder.redirectErrorStream(true);
    } else {
      builder.redirectError(ProcessBuilder.Redirect.DISCARD);
    }
    Process process = builder.start();
    processes.add(process);
    return process;
  }

  /** Starts a server and returns its endpoint, read from the line it prints once it listens. */
  private URI start(String... flags) throws IOException {
    Process process = launch(List.of(flags), false);
    String first = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8)).readLine();
    Matcher matcher = LISTENING.matcher(String.valueOf(first));
    assertThat(matcher.matches()).as(first).isTrue();
    return URI.create(matcher.group(1));
  }

  /** Runs a server that must exit; returns its exit code and everything it printed. */
  private Exited run(String... flags) throws Exception {
    Process process = launch(List.of(flags), true);
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(GUARD.toSeconds(), TimeUnit.SECONDS)).as("exited").isTrue();
    return new Exited(process.exitValue(), output);
  }

  private record Exited(int code, String output) {}

  private JsonNode send(String method, URI endpoint, String path) throws Exception {
    HttpResponse<String> response = http.send(HttpRequest.newBuilder(endpoint.resolve("/_dynamodouble/" + path))
        .timeout(GUARD).method(method, HttpRequest.BodyPublishers.noBody()).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(response.headers().firstValue("content-type")).hasValue("application/json");
    ObjectNode json = (ObjectNode) JSON.readTree(response.body());
    json.put("status", response.statusCode());
    return json;
  }

  private DynamoDbClient client(URI endpoint, String region, String accessKey) {
    DynamoDbClient client = DynamoDbClient.builder().endpointOverride(endpoint).region(Region.of(region))
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey, "secret")))
        .httpClient(UrlConnectionHttpClient.create())
        .overrideConfiguration(c -> c.retryStrategy(r -> r.maxAttempts(1))).build();
    clients.add(client);
    return client;
  }

  private static Path fixtures(Path dir) throws IOException {
    Files.writeString(dir.resolve("orders.table.json"), """
        {"TableName": "orders",
         "KeySchema": [{"AttributeName": "pk", "KeyType": "HASH"}, {"AttributeName": "sk", "KeyType": "RANGE"}],
         "AttributeDefinitions": [{"AttributeName": "pk", "AttributeType": "S"},
                                  {"AttributeName": "sk", "AttributeType": "N"}],
         "BillingMode": "PAY_PER_REQUEST"}
        """);
    Files.writeString(dir.resolve("orders.json"), """
        [{"pk": "c1", "sk": 1, "total": 12.50, "tags": {"$ss": ["new", "paid"]}},
         {"pk": "c1", "sk": 2, "total": 3}]
        """);
    Files.writeString(dir.resolve("more.json"), """
        {"orders": [{"PutRequest": {"Item": {"pk": {"S": "c2"}, "sk": {"N": "1"}}}}]}
        """);
    return dir;
  }

  private static Map<String, AttributeValue> key(String pk, int sk) {
    return Map.of("pk", AttributeValue.fromS(pk), "sk", AttributeValue.fromN(Integer.toString(sk)));
  }

  @Test
  void fixturesSnapshotsResetClockAndDumps(@TempDir Path dir) throws Exception {
    URI endpoint = start("--manual-clock", START, "--fixtures", fixtures(dir).toString());
    DynamoDbClient client = client(endpoint, "us-east-1", "AKIDEXAMPLE");

    Map<String, AttributeValue> first = client.getItem(r -> r.tableName("orders").key(key("c1", 1))).item();
    assertThat(first.get("total").n()).isEqualTo("12.5");
    assertThat(first.get("tags").ss()).containsExactlyInAnyOrder("new", "paid");
    JsonNode dump = send("GET", endpoint, "tables/orders/items");
    assertThat(dump.get("status").asInt()).isEqualTo(200);
    assertThat(dump.get("Count").asInt()).isEqualTo(3);
    assertThat(dump.get("Items").get(0).get("pk").get("S").asText()).isEqualTo("c1");
    assertThat(dump.get("Items").get(0).get("sk").get("N").asText()).isEqualTo("1");

    client.putItem(r -> r.tableName("orders").item(key("c3", 1)));
    JsonNode saved = send("POST", endpoint, "snapshots/three-customers");
    assertThat(saved.get("tables").asInt()).isEqualTo(1);
    client.deleteItem(r -> r.tableName("orders").key(key("c1", 1)));
    client.createTable(r -> r.tableName("later").billingMode("PAY_PER_REQUEST")
        .keySchema(k -> k.attributeName("id").keyType("HASH"))
        .attributeDefinitions(a -> a.attributeName("id").attributeType("S")));
    assertThat(send("POST", endpoint, "clock/advance?millis=60000").get("epochMillis").asLong())
        .isEqualTo(Instant.parse(START).toEpochMilli() + 60_000);

    assertThat(send("POST", endpoint, "snapshots/three-customers/restore").get("status").asInt()).isEqualTo(200);
    assertThat(send("GET", endpoint, "tables/orders/items").get("Count").asInt()).isEqualTo(4);
    assertThat(client.listTables().tableNames()).containsExactly("orders");
    assertThat(send("GET", endpoint, "clock").get("now").asText()).isEqualTo(START);

    assertThat(send("GET", endpoint, "snapshots").get("snapshots").toString())
        .isEqualTo("[\"start\",\"three-customers\"]");
    assertThat(send("POST", endpoint, "reset").get("restored").asText()).isEqualTo("start");
    assertThat(send("GET", endpoint, "tables/orders/items").get("Count").asInt()).isEqualTo(3);
    assertThat(client.getItem(r -> r.tableName("orders").key(key("c3", 1))).hasItem()).isFalse();

    assertThat(send("DELETE", endpoint, "snapshots/three-customers").get("deleted").asText()).isEqualTo("three-customers");
    JsonNode unknown = send("POST", endpoint, "snapshots/three-customers/restore");
    assertThat(unknown.get("status").asInt()).isEqualTo(404);
    assertThat(unknown.get("error").asText()).isEqualTo(
        "no snapshot named 'three-customers'; GET /_dynamodouble/snapshots lists them");
    assertThat(send("POST", endpoint, "snapshots/start").get("status").asInt()).isEqualTo(400);
    assertThat(send("POST", endpoint, "snapshots/bad%20name").get("status").asInt()).isEqualTo(400);

    long later = Instant.parse("2026-06-01T00:00:00Z").toEpochMilli();
    JsonNode set = send("POST", endpoint, "clock/set?epochMillis=" + later);
    assertThat(set.get("now").asText()).isEqualTo("2026-06-01T00:00:00Z");
    JsonNode back = send("POST", endpoint, "clock/set?epochMillis=" + (later - 1));
    assertThat(back.get("status").asInt()).isEqualTo(400);
    assertThat(back.get("error").asText()).startsWith("the clock cannot go back: epochMillis " + (later - 1));
    assertThat(send("POST", endpoint, "clock/set").get("status").asInt()).isEqualTo(400);

    JsonNode missing = send("GET", endpoint, "tables/nope/items");
    assertThat(missing.get("status").asInt()).isEqualTo(404);
    assertThat(missing.get("error").asText()).isEqualTo("no table named 'nope' in region us-east-1");
    assertThat(send("GET", endpoint, "version").get("version").asText()).isEqualTo(Version.current());
  }

  @Test
  void yamlFixturesInTheExtensionsFormats(@TempDir Path dir) throws Exception {
    fixtures(dir);
    Files.delete(dir.resolve("orders.json"));
    Files.writeString(dir.resolve("orders.yml"), """
        # the same items as orders.json, in YAML, grouped by table
        orders:
          - pk: c1
            sk: 1
            total: 12.50
            tags: {$ss: [new, paid]}
            photo: !!binary AQID
          - {pk: c1, sk: 2, total: 3, paid: yes}
        """);
    URI endpoint = start("--fixtures", dir.toString());
    DynamoDbClient client = client(endpoint, "us-east-1", "AKIDEXAMPLE");
    Map<String, AttributeValue> first = client.getItem(r -> r.tableName("orders").key(key("c1", 1))).item();
    assertThat(first.get("total").n()).isEqualTo("12.5");
    assertThat(first.get("tags").ss()).containsExactlyInAnyOrder("new", "paid");
    assertThat(first.get("photo").b().asByteArray()).containsExactly(1, 2, 3);
    assertThat(client.getItem(r -> r.tableName("orders").key(key("c1", 2))).item().get("paid").bool()).isTrue();
    assertThat(send("GET", endpoint, "tables/orders/items").get("Count").asInt()).isEqualTo(3);
  }

  @Test
  void aYamlFixtureItCannotReadServesNothing(@TempDir Path dir) throws Exception {
    fixtures(dir);
    Path file = Files.writeString(dir.resolve("orders.json").resolveSibling("orders.yml"),
        "orders:\n  - pk: c9\n    sk: 0755\n");
    Files.delete(dir.resolve("orders.json"));
    Exited exited = run("--fixtures", dir.toString());
    assertThat(exited.code()).isEqualTo(2);
    assertThat(exited.output()).isEqualTo("dynamo-double: Fixture " + file + ", line 3: YAML: YAML readers disagree on "
        + "whether 0755 is a number; write a plain decimal number (12, 12.5, 1e3), or quote it for a string"
        + System.lineSeparator());
  }

  @Test
  void streamsPendingAndDrainOnTheManualClock(@TempDir Path dir) throws Exception {
    Path faults = Files.writeString(dir.resolve("late.yml"),
        "rules:\n  - name: late-stream\n    table: events\n    streamDelay: 2s\n");
    URI endpoint = start("--manual-clock", START, "--faults", faults.toString());
    DynamoDbClient client = client(endpoint, "us-east-1", "AKIDEXAMPLE");
    client.createTable(r -> r.tableName("events").billingMode("PAY_PER_REQUEST")
        .keySchema(k -> k.attributeName("id").keyType("HASH"))
        .attributeDefinitions(a -> a.attributeName("id").attributeType("S"))
        .streamSpecification(st -> st.streamEnabled(true).streamViewType("NEW_IMAGE")));
    client.putItem(r -> r.tableName("events").item(Map.of("id", AttributeValue.fromS("e1"))));

    JsonNode pending = send("GET", endpoint, "streams/pending");
    assertThat(pending.get("hiddenStreamRecords").asInt()).isEqualTo(1);
    assertThat(pending.get("nextReadableAt").asText()).isEqualTo("2026-01-01T00:00:02Z");
    assertThat(pending.get("triggers").size()).isZero();
    assertThat(send("POST", endpoint, "streams/drain").get("hiddenStreamRecords").asInt())
        .as("a drain runs what is due now; the delay is not over").isEqualTo(1);
    send("POST", endpoint, "clock/advance?millis=2000");
    JsonNode drained = send("POST", endpoint, "streams/drain");
    assertThat(drained.get("status").asInt()).isEqualTo(200);
    assertThat(drained.get("hiddenStreamRecords").asInt()).isZero();
    assertThat(drained.get("nextReadableAt").isNull()).isTrue();
    assertThat(send("GET", endpoint, "streams/drain").get("status").asInt()).isEqualTo(405);
  }

  @Test
  void oneNamespaceForEveryRegionAndCredentials() throws Exception {
    URI endpoint = start("--single-namespace");
    DynamoDbClient east = client(endpoint, "us-east-1", "AKIDALICE");
    DynamoDbClient west = client(endpoint, "eu-west-1", "AKIDBOB");
    east.createTable(r -> r.tableName("shared").billingMode("PAY_PER_REQUEST")
        .keySchema(k -> k.attributeName("id").keyType("HASH"))
        .attributeDefinitions(a -> a.attributeName("id").attributeType("S")));
    west.putItem(r -> r.tableName("shared").item(Map.of("id", AttributeValue.fromS("x"))));

    assertThat(west.listTables().tableNames()).containsExactly("shared");
    assertThat(east.getItem(r -> r.tableName("shared").key(Map.of("id", AttributeValue.fromS("x")))).hasItem()).isTrue();
    assertThat(send("GET", endpoint, "tables/shared/items?region=eu-west-1").get("Count").asInt()).isEqualTo(1);
    JsonNode notManual = send("POST", endpoint, "clock/set?epochMillis=0");
    assertThat(notManual.get("status").asInt()).isEqualTo(409);
  }

  @Test
  void withoutItEachRegionHasItsOwnTables() throws Exception {
    URI endpoint = start();
    client(endpoint, "us-east-1", "AKIDALICE").createTable(r -> r.tableName("east").billingMode("PAY_PER_REQUEST")
        .keySchema(k -> k.attributeName("id").keyType("HASH"))
        .attributeDefinitions(a -> a.attributeName("id").attributeType("S")));
    assertThat(client(endpoint, "eu-west-1", "AKIDALICE").listTables().tableNames()).isEmpty();
    assertThat(client(endpoint, "us-east-1", "AKIDBOB").listTables().tableNames()).containsExactly("east");
  }

  @Test
  void versionPrintsAndExits() throws Exception {
    Exited exited = run("--version");
    assertThat(exited.code()).isZero();
    assertThat(exited.output()).isEqualTo("dynamo-double " + Version.current() + System.lineSeparator());
    assertThat(Version.current()).matches("\\d+\\.\\d+\\.\\d+.*");
  }

  @Test
  void aFixtureWithBadSyntaxServesNothing(@TempDir Path dir) throws Exception {
    Path file = Files.writeString(dir.resolve("orders.json"), "[{\"pk\": \"a\",\n  \"sk\" 1}]");
    Exited exited = run("--fixtures", file.toString());
    assertThat(exited.code()).isEqualTo(2);
    assertThat(exited.output()).startsWith("dynamo-double: Fixture " + file + ", line 2 (column 8): syntax error: ")
        .doesNotContain("listening");
  }

  @Test
  void aMissingFixtureFileServesNothing(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("absent.json");
    Exited exited = run("--fixtures", file.toString());
    assertThat(exited.code()).isEqualTo(2);
    assertThat(exited.output()).isEqualTo("dynamo-double: Fixture " + file + ": no such file" + System.lineSeparator());
  }

  @Test
  void anItemTheTableRefusesServesNothing(@TempDir Path dir) throws Exception {
    fixtures(dir);
    Files.writeString(dir.resolve("orders.json"), "[{\"pk\": \"c1\", \"sk\": \"one\"}]");
    Exited exited = run("--fixtures", dir.toString());
    assertThat(exited.code()).isEqualTo(2);
    assertThat(exited.output()).isEqualTo("dynamo-double: Fixture " + dir.resolve("orders.json")
        + ", line 1 (item 1 of table \"orders\"): the table refused it: ValidationException: One or more parameter "
        + "values were invalid: Type mismatch for key sk expected: N actual: S" + System.lineSeparator());
  }

  @Test
  void aTableDefinitionTheServiceRefusesServesNothing(@TempDir Path dir) throws Exception {
    Path file = Files.writeString(dir.resolve("bad.table.json"), "[{\"TableName\": \"okay\", \"KeySchema\": "
        + "[{\"AttributeName\": \"id\", \"KeyType\": \"HASH\"}], \"AttributeDefinitions\": [{\"AttributeName\": \"id\", "
        + "\"AttributeType\": \"S\"}], \"BillingMode\": \"PAY_PER_REQUEST\"},\n {\"TableName\": \"x\"}]");
    Exited exited = run("--fixtures", file.toString());
    assertThat(exited.code()).isEqualTo(2);
    assertThat(exited.output()).startsWith("dynamo-double: Table definition " + file
        + ", line 2 (table 2): the table refused it: ValidationException: ");
  }

  @Test
  void itemsForAnUnknownTableServeNothing(@TempDir Path dir) throws Exception {
    Path file = Files.writeString(dir.resolve("customers.json"), "[{\"id\": \"c1\"}]");
    Exited exited = run("--fixtures", file.toString());
    assertThat(exited.code()).isEqualTo(2);
    assertThat(exited.output()).isEqualTo("dynamo-double: Fixture " + file + ", line 1: unknown table \"customers\"; "
        + "the tables of the server are none" + System.lineSeparator());
  }

  @Test
  void aBadScenarioFileServesNothing(@TempDir Path dir) throws Exception {
    Path file = Files.writeString(dir.resolve("faults.yml"), "rules:\n  - operation: PutItem\n    error: Nope\n");
    Exited exited = run("--faults", file.toString());
    assertThat(exited.code()).isEqualTo(2);
    assertThat(exited.output()).startsWith("dynamo-double: " + file + ", line 3: field \"error\": unknown error \"Nope\"");
  }
}
