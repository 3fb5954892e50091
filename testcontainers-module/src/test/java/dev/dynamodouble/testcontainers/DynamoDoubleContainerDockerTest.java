package dev.dynamodouble.testcontainers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.ThrottlingException;

/**
 * The image through the real AWS SDK: one container for the class, started with fixtures, a fault
 * scenario and a manual clock; {@link DynamoDoubleContainer#reset()} after every test puts it back.
 */
@Tag("docker")
class DynamoDoubleContainerDockerTest {
  static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
  static final Map<String, AttributeValue> O1 = Map.of("pk", AttributeValue.fromS("o-1"));

  static DynamoDoubleContainer dynamo;
  static DynamoDbClient client;

  @BeforeAll
  static void start() throws URISyntaxException {
    Path scenario = Path.of(DynamoDoubleContainerDockerTest.class.getResource("/faults/flaky-orders.yml").toURI());
    dynamo = new DynamoDoubleContainer(System.getProperty("dynamodouble.image", "dynamo-double:latest"))
        .withFixtureResource("dynamo")
        .withFaultScenario(scenario)
        .withManualClock(START);
    dynamo.start();
    client = DynamoDbClient.builder()
        .endpointOverride(dynamo.getEndpoint())
        .region(Region.of(dynamo.getRegion()))
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
        .httpClient(UrlConnectionHttpClient.create())
        .overrideConfiguration(c -> c.retryStrategy(r -> r.maxAttempts(1))) // every call is one request
        .build();
  }

  @AfterAll
  static void stop() {
    if (client != null) {
      client.close();
    }
    if (dynamo != null) {
      dynamo.stop();
    }
  }

  @AfterEach
  void resetToTheFixtures() {
    dynamo.reset();
  }

  @Test
  void createsATableAndReadsBackWhatItWrote() {
    client.createTable(r -> r.tableName("customers").billingMode(BillingMode.PAY_PER_REQUEST)
        .keySchema(k -> k.attributeName("id").keyType(KeyType.HASH))
        .attributeDefinitions(a -> a.attributeName("id").attributeType(ScalarAttributeType.S)));
    Map<String, AttributeValue> item = Map.of("id", AttributeValue.fromS("c-1"), "name", AttributeValue.fromS("Ada"));
    client.putItem(r -> r.tableName("customers").item(item));

    assertThat(client.getItem(r -> r.tableName("customers").key(Map.of("id", item.get("id"))).consistentRead(true)).item())
        .isEqualTo(item);
    assertThat(dynamo.tableItems("customers")).contains("\"Count\":1", "Ada");
  }

  @Test
  void theFixturesAreLoadedAtStart() {
    assertThat(client.listTables().tableNames()).containsExactly("orders");
    assertThat(client.scan(r -> r.tableName("orders")).count()).isEqualTo(2);
    assertThat(dynamo.tableItems("orders")).contains("\"Count\":2", "\"c-2\"");
  }

  @Test
  void theFaultScenarioFiresOnTheFirstRead() {
    assertThatThrownBy(() -> client.getItem(r -> r.tableName("orders").key(O1)))
        .isInstanceOf(DynamoDbException.class)
        .satisfies(e -> assertThat(((DynamoDbException) e).statusCode()).isEqualTo(500));
    assertThat(client.getItem(r -> r.tableName("orders").key(O1)).item()).containsEntry("total", AttributeValue.fromN("12"));
    assertThat(dynamo.faults()).contains("\"flaky-read\"", "\"hits\":1");
  }

  @Test
  void theStreamsDrainAnswersWhatStillWaits() {
    client.updateTable(r -> r.tableName("orders").streamSpecification(st -> st.streamEnabled(true)
        .streamViewType(software.amazon.awssdk.services.dynamodb.model.StreamViewType.KEYS_ONLY)));
    dynamo.applyFaults("{\"rules\": [{\"name\": \"late\", \"table\": \"orders\", \"streamDelay\": \"5s\"}]}");
    client.putItem(r -> r.tableName("orders").item(Map.of("pk", AttributeValue.fromS("o-4"))));

    assertThat(dynamo.pendingStreams()).contains("\"hiddenStreamRecords\":1");
    assertThat(dynamo.drainStreams()).contains("\"hiddenStreamRecords\":1");
    dynamo.advanceClock(java.time.Duration.ofSeconds(5));
    assertThat(dynamo.drainStreams()).contains("\"hiddenStreamRecords\":0", "\"nextReadableAt\":null");
  }

  @Test
  void contributorInsightsCountsAccessedAndThrottledKeys() {
    client.updateContributorInsights(r -> r.tableName("orders")
        .contributorInsightsAction(software.amazon.awssdk.services.dynamodb.model.ContributorInsightsAction.ENABLE));
    for (int i = 0; i < 2; i++) {
      client.putItem(r -> r.tableName("orders").item(Map.of("pk", AttributeValue.fromS("o-5"))));
    }
    dynamo.applyFaults("{\"rules\": [{\"name\": \"hot\", \"operation\": \"PutItem\", \"error\": \"ThrottlingException\"}]}");
    assertThatThrownBy(() -> client.putItem(r -> r.tableName("orders").item(Map.of("pk", AttributeValue.fromS("o-6")))))
        .isInstanceOf(ThrottlingException.class);

    assertThat(dynamo.contributorInsightsKeys("orders")).isEqualTo("{\"Table\":\"orders\","
        + "\"Accessed\":[{\"Key\":\"o-5\",\"Count\":2}],\"Throttled\":[{\"Key\":\"o-6\",\"Count\":1}]}");
    assertThatThrownBy(() -> dynamo.contributorInsightsKeys("orders", "noSuchIndex", false))
        .isInstanceOf(DynamoDoubleControlException.class).hasMessageContaining("no index named 'noSuchIndex'");
  }

  @Test
  void faultsAddedAtRunTimeFireAndCanBeCleared() {
    dynamo.applyFaults("{\"rules\": [{\"name\": \"no-writes\", \"operation\": \"PutItem\", \"error\": \"ThrottlingException\"}]}");
    assertThatThrownBy(() -> client.putItem(r -> r.tableName("orders").item(Map.of("pk", AttributeValue.fromS("o-3")))))
        .isInstanceOf(ThrottlingException.class);

    dynamo.clearFaults();
    client.putItem(r -> r.tableName("orders").item(Map.of("pk", AttributeValue.fromS("o-3"))));
    assertThat(client.scan(r -> r.tableName("orders")).count()).isEqualTo(3);
  }

  @Test
  void advancingTheClockExpiresItemsByTtl() {
    assertThat(dynamo.clock()).isEqualTo(START);
    client.updateTimeToLive(r -> r.tableName("orders").timeToLiveSpecification(s -> s.enabled(true).attributeName("expiresAt")));
    long inOneHour = START.plus(Duration.ofHours(1)).getEpochSecond();
    client.putItem(r -> r.tableName("orders").item(Map.of("pk", AttributeValue.fromS("session"),
        "expiresAt", AttributeValue.fromN(Long.toString(inOneHour)))));

    assertThat(client.scan(r -> r.tableName("orders")).count()).isEqualTo(3);

    assertThat(dynamo.advanceClock(Duration.ofHours(2))).isEqualTo(START.plus(Duration.ofHours(2)));

    // A Scan: the scenario's rule would fail this test's first GetItem.
    assertThat(client.scan(r -> r.tableName("orders")).items()).extracting(item -> item.get("pk").s())
        .containsExactlyInAnyOrder("o-1", "o-2");
  }

  @Test
  void theClockIsSetForwardOnly() {
    Instant later = START.plus(Duration.ofDays(3));
    assertThat(dynamo.setClock(later)).isEqualTo(later);
    assertThat(dynamo.clock()).isEqualTo(later);
    assertThatThrownBy(() -> dynamo.setClock(START))
        .isInstanceOf(DynamoDoubleControlException.class)
        .hasMessageContaining("400").hasMessageContaining("cannot go back");
  }

  @Test
  void resetPutsBackTheFixturesTheClockAndTheStartUpFaults() {
    client.deleteItem(r -> r.tableName("orders").key(O1));
    client.createTable(r -> r.tableName("scratch").billingMode(BillingMode.PAY_PER_REQUEST)
        .keySchema(k -> k.attributeName("id").keyType(KeyType.HASH))
        .attributeDefinitions(a -> a.attributeName("id").attributeType(ScalarAttributeType.S)));
    dynamo.clearFaults();
    dynamo.advanceClock(Duration.ofHours(1));

    dynamo.reset();

    assertThat(client.listTables().tableNames()).containsExactly("orders");
    assertThat(dynamo.tableItems("orders")).contains("\"Count\":2");
    assertThat(dynamo.clock()).isEqualTo(START);
    assertThat(dynamo.faults()).contains("\"flaky-read\"");
  }

  @Test
  void namedSnapshotsAreRestored() {
    client.putItem(r -> r.tableName("orders").item(Map.of("pk", AttributeValue.fromS("o-3"))));
    dynamo.snapshot("three-orders");
    client.deleteItem(r -> r.tableName("orders").key(O1));
    client.deleteItem(r -> r.tableName("orders").key(Map.of("pk", AttributeValue.fromS("o-3"))));

    dynamo.restoreSnapshot("three-orders");

    assertThat(dynamo.tableItems("orders")).contains("\"Count\":3");
    assertThatThrownBy(() -> dynamo.restoreSnapshot("never-taken"))
        .isInstanceOf(DynamoDoubleControlException.class)
        .hasMessageContaining("404").hasMessageContaining("never-taken");
  }
}
