package dev.dynamodouble.core.persist;

import static dev.dynamodouble.core.sdk.SdkTestSupport.item;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The standalone server with {@code --fixtures}, {@code --faults} and {@code --data-dir}, restarted
 * with the same command line: the fixtures seed a new directory, and a restart keeps what the
 * directory holds, a fixture table deleted meanwhile included (its start line counts the directory's
 * tables, not the fixtures); the scenario's rules are loaded every time.
 */
class FixturesAndDataDirectoryTest {
  @TempDir
  Path dir;
  /** The last run's first line of output. */
  String startLine;

  private List<String> commandLine() throws IOException {
    Path fixtures = Files.createDirectories(dir.resolve("fixtures"));
    Files.writeString(fixtures.resolve("orders.table.json"), """
        {"TableName": "orders", "BillingMode": "PAY_PER_REQUEST",
         "KeySchema": [{"AttributeName": "pk", "KeyType": "HASH"}],
         "AttributeDefinitions": [{"AttributeName": "pk", "AttributeType": "S"}]}
        """);
    Files.writeString(fixtures.resolve("orders.json"), "[{\"pk\": \"o-1\"}, {\"pk\": \"o-2\"}]");
    Path faults = Files.writeString(dir.resolve("faults.yml"),
        "rules:\n  - name: slow-orders\n    table: orders\n    operation: Scan\n    latency: 1ms\n");
    return List.of("--fixtures", fixtures.toString(), "--faults", faults.toString(),
        "--data-dir", dir.resolve("data").toString());
  }

  private interface Work {
    void run(URI endpoint, DynamoDbClient client) throws Exception;
  }

  /** One run of the server with the same command line, stopped by SIGTERM (an orderly stop). */
  private void withServer(Work work) throws Exception {
    Process process = ServerProcesses.start(dir.resolve("server.log"), commandLine().toArray(String[]::new));
    try {
      startLine = ServerProcesses.firstLine(process);
      URI endpoint = ServerProcesses.endpointIn(startLine);
      try (DynamoDbClient client = ServerProcesses.client(endpoint)) {
        work.run(endpoint, client);
      }
      process.destroy();
      assertThat(process.waitFor(ServerProcesses.GUARD_SECONDS, TimeUnit.SECONDS)).as("stopped").isTrue();
    } finally {
      process.destroyForcibly();
    }
  }

  private static List<String> keys(DynamoDbClient client) {
    return client.scan(r -> r.tableName("orders")).items().stream().map(i -> i.get("pk").s()).sorted().toList();
  }

  private static String faults(URI endpoint) throws Exception {
    HttpResponse<String> response = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(endpoint.resolve("/_dynamodouble/faults")).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(200);
    return response.body();
  }

  @Test
  void theFixturesSeedANewDirectoryAndARestartKeepsWhatItHolds() throws Exception {
    withServer((endpoint, client) -> {
      assertThat(keys(client)).containsExactly("o-1", "o-2");
      client.deleteItem(r -> r.tableName("orders").key(item("pk", "o-1")));
      client.putItem(r -> r.tableName("orders").item(item("pk", "o-3")));
      client.createTable(r -> r.tableName("extra").billingMode("PAY_PER_REQUEST")
          .keySchema(k -> k.attributeName("pk").keyType("HASH"))
          .attributeDefinitions(a -> a.attributeName("pk").attributeType("S")));
    });
    assertThat(startLine).endsWith(", fixtures loaded: 1 table(s))");
    withServer((endpoint, client) -> {
      assertThat(keys(client)).containsExactly("o-2", "o-3");
      assertThat(faults(endpoint)).contains("\"slow-orders\"");
      client.deleteTable(r -> r.tableName("orders"));
    });
    // the start line says where the tables came from: the directory, not the fixtures
    assertThat(startLine).endsWith(", 2 table(s) restored from the data directory, "
        + "fixtures not loaded: they only seed a new data directory)");
    withServer((endpoint, client) -> {
      assertThat(client.listTables().tableNames()).as("a deleted fixture table stays deleted").containsExactly("extra");
      assertThat(faults(endpoint)).contains("\"slow-orders\"");
    });
    assertThat(startLine).contains(", 1 table(s) restored from the data directory, ");
  }
}
