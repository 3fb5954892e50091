package dev.dynamodouble.core.capacity;

import static dev.dynamodouble.core.sdk.SdkTestSupport.assertError;
import static dev.dynamodouble.core.sdk.SdkTestSupport.attr;
import static dev.dynamodouble.core.sdk.SdkTestSupport.hash;
import static dev.dynamodouble.core.sdk.SdkTestSupport.item;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dynamodouble.core.DynamoDouble;
import dev.dynamodouble.core.engine.EngineSnapshot;
import dev.dynamodouble.core.sdk.SdkTestSupport;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.UnaryOperator;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.DescribeLimitsResponse;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;

/** Throughput changes, the decrease limit, DescribeLimits, resets, switching enforcement off, the control API. */
class CapacitySettingsTest extends ManualEndpointTest {
  @Override
  protected UnaryOperator<DynamoDouble.Builder> settings() {
    return builder -> builder.statusDelay(Duration.ofSeconds(10));
  }

  @BeforeEach
  void createTable() {
    endpoint.createProvisioned("tbl", 1, 1);
    clock.advance(Duration.ofSeconds(10));
    dynamo.capacity().reset(); // a bucket of one second from now on
  }

  private int puts(int n) {
    return endpoint.puts("tbl", "k", n);
  }

  @Test
  void aNewThroughputAppliesWhenTheTableIsActiveAgain() {
    client.updateTable(r -> r.tableName("tbl").provisionedThroughput(p -> p.readCapacityUnits(1L).writeCapacityUnits(10L)));
    clock.advance(Duration.ofSeconds(5));
    assertThat(client.describeTable(r -> r.tableName("tbl")).table().tableStatus()).isEqualTo(TableStatus.UPDATING);
    assertThat(puts(20)).isEqualTo(6); // 1 + 5 seconds at the old rate, while UPDATING
    clock.advance(Duration.ofSeconds(5)); // ACTIVE at 10 s: the bucket filled at the old rate until then
    assertThat(client.describeTable(r -> r.tableName("tbl")).table().tableStatus()).isEqualTo(TableStatus.ACTIVE);
    clock.advance(Duration.ofSeconds(1));
    assertThat(puts(20)).isEqualTo(15); // 5 at 1 WCU, then 10 at 10 WCU
  }

  @Test
  void decreasesAreLimitedPerUtcDayAndTheCountResetsAtMidnight() {
    for (int i = 0; i < 4; i++) {
      long up = 100 + i;
      client.updateTable(r -> r.tableName("tbl").provisionedThroughput(p -> p.readCapacityUnits(1L).writeCapacityUnits(up)));
      clock.advance(Duration.ofSeconds(10));
      client.updateTable(r -> r.tableName("tbl").provisionedThroughput(p -> p.readCapacityUnits(1L).writeCapacityUnits(1L)));
      clock.advance(Duration.ofSeconds(10));
    }
    assertThat(client.describeTable(r -> r.tableName("tbl")).table().provisionedThroughput().numberOfDecreasesToday())
        .isEqualTo(4);
    client.updateTable(r -> r.tableName("tbl").provisionedThroughput(p -> p.readCapacityUnits(1L).writeCapacityUnits(50L)));
    clock.advance(Duration.ofSeconds(10));
    assertError(() -> client.updateTable(r -> r.tableName("tbl")
            .provisionedThroughput(p -> p.readCapacityUnits(1L).writeCapacityUnits(1L))), "LimitExceededException",
        "Subscriber limit exceeded: Provisioned throughput decreases are limited within a given UTC day. After the "
            + "first 4 decreases, each subsequent decrease in the same UTC day can be performed at most once every 3600 "
            + "seconds. Number of decreases today: 4. Last decrease at Sunday, March 1, 2026 10:01:30 AM UTC. Next "
            + "decrease can be made at Sunday, March 1, 2026 11:01:30 AM UTC");
    clock.advance(Duration.ofHours(1));
    client.updateTable(r -> r.tableName("tbl").provisionedThroughput(p -> p.readCapacityUnits(1L).writeCapacityUnits(1L)));
    clock.advance(Duration.ofSeconds(10));
    assertThat(client.describeTable(r -> r.tableName("tbl")).table().provisionedThroughput().numberOfDecreasesToday())
        .isEqualTo(5);
    clock.setTo(Instant.parse("2026-03-02T00:00:00Z"));
    assertThat(client.describeTable(r -> r.tableName("tbl")).table().provisionedThroughput().numberOfDecreasesToday())
        .isZero();
  }

  @Test
  void describeLimitsAnswersTheDefaultQuotas() {
    DescribeLimitsResponse limits = client.describeLimits(r -> { });
    assertThat(limits.accountMaxReadCapacityUnits()).isEqualTo(80_000L);
    assertThat(limits.accountMaxWriteCapacityUnits()).isEqualTo(80_000L);
    assertThat(limits.tableMaxReadCapacityUnits()).isEqualTo(40_000L);
    assertThat(limits.tableMaxWriteCapacityUnits()).isEqualTo(40_000L);
  }

  @Test
  void restoringAnEngineSnapshotResetsBucketsAndCounts() {
    EngineSnapshot snapshot = dynamo.engine().snapshot();
    assertThat(puts(3)).isEqualTo(1);
    assertThat(dynamo.capacity().usage("tbl").throttledWrites()).isEqualTo(2);
    dynamo.engine().restore(snapshot);
    assertThat(dynamo.capacity().usage("tbl").throttledWrites()).isZero();
    assertThat(puts(3)).isEqualTo(1);
  }

  @Test
  void enforcementCanBeSwitchedOffForTheEngineOrOneTable() {
    dynamo.capacity().enabled(false);
    assertThat(puts(10)).isEqualTo(10);
    dynamo.capacity().enabled(true);
    assertThat(puts(2)).isEqualTo(1);
    dynamo.capacity().exempt("tbl", true);
    assertThat(puts(10)).isEqualTo(10);
    try (DynamoDouble off = DynamoDouble.builder().capacityEnforcement(false).start();
         DynamoDbClient offClient = SdkTestSupport.client(off)) {
      offClient.createTable(r -> r.tableName("tbl").keySchema(hash("pk"))
          .attributeDefinitions(attr("pk", ScalarAttributeType.S))
          .provisionedThroughput(p -> p.readCapacityUnits(1L).writeCapacityUnits(1L)));
      for (int i = 0; i < 20; i++) {
        String key = "k" + i;
        offClient.putItem(r -> r.tableName("tbl").item(item("pk", key)));
      }
    }
  }

  @Test
  void unmeteredWorkConsumesNothing() {
    dynamo.capacity().unmetered(() -> puts(50));
    assertThat(dynamo.capacity().usage("tbl").consumedWrite()).isZero();
    assertThat(puts(2)).isEqualTo(1);
  }

  @Test
  void theControlApiReportsAndResets() throws Exception {
    puts(3);
    HttpClient http = HttpClient.newHttpClient();
    URI base = dynamo.endpoint();
    String body = http.send(HttpRequest.newBuilder(base.resolve("/_dynamodouble/capacity?table=tbl")).build(),
        HttpResponse.BodyHandlers.ofString()).body();
    assertThat(body).contains("\"name\":\"tbl\"").contains("\"admittedWrites\":1").contains("\"throttledWrites\":2")
        .contains("\"remainingRead\":1.0");
    http.send(HttpRequest.newBuilder(base.resolve("/_dynamodouble/capacity/reset"))
        .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(dynamo.capacity().usage("tbl").throttledWrites()).isZero();
    String off = http.send(HttpRequest.newBuilder(base.resolve("/_dynamodouble/capacity/enforcement?enabled=false"))
        .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString()).body();
    assertThat(off).isEqualTo("{\"enabled\":false}");
    assertThat(puts(5)).isEqualTo(5);
    HttpResponse<String> missing = http.send(HttpRequest.newBuilder(base.resolve("/_dynamodouble/capacity?table=nope"))
        .build(), HttpResponse.BodyHandlers.ofString());
    assertThat(missing.statusCode()).isEqualTo(404);
  }
}
