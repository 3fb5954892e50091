package dev.dynamodouble.core.sdk;

import static dev.dynamodouble.core.sdk.SdkTestSupport.assertError;
import static dev.dynamodouble.core.sdk.SdkTestSupport.item;
import static dev.dynamodouble.core.sdk.SdkTestSupport.n;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dynamodouble.core.DynamoDouble;
import dev.dynamodouble.core.engine.EngineSnapshot;
import dev.dynamodouble.core.table.Table;
import dev.dynamodouble.core.time.DynamoClock;
import dev.dynamodouble.core.time.ManualClock;
import dev.dynamodouble.core.ttl.TtlDeletion;
import dev.dynamodouble.core.ttl.UserIdentity;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveDescription;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;
import software.amazon.awssdk.services.dynamodb.model.UpdateTimeToLiveResponse;

/** Time to Live through the SDK, on a manual clock: settings, validation, and the sweeper. */
class TimeToLiveTest {
  private static final Instant START = Instant.parse("2024-01-01T00:00:00Z");
  private static final long NOW = START.getEpochSecond();

  private static DynamoDouble start(ManualClock clock) {
    return DynamoDouble.builder().clock(clock).start();
  }

  /** A table keyed by pk with a GSI on owner (ALL), like an application's "orders by customer". */
  private static void createTableWithIndex(DynamoDbClient client, String name) {
    client.createTable(r -> r.tableName(name).billingMode(BillingMode.PAY_PER_REQUEST)
        .keySchema(KeySchemaElement.builder().attributeName("pk").keyType(KeyType.HASH).build())
        .attributeDefinitions(
            AttributeDefinition.builder().attributeName("pk").attributeType(ScalarAttributeType.S).build(),
            AttributeDefinition.builder().attributeName("owner").attributeType(ScalarAttributeType.S).build())
        .globalSecondaryIndexes(GlobalSecondaryIndex.builder().indexName("byOwner")
            .keySchema(KeySchemaElement.builder().attributeName("owner").keyType(KeyType.HASH).build())
            .projection(Projection.builder().projectionType(ProjectionType.ALL).build()).build()));
  }

  private static void enableTtl(DynamoDbClient client, String table, String attribute) {
    client.updateTimeToLive(r -> r.tableName(table).timeToLiveSpecification(s -> s.enabled(true).attributeName(attribute)));
  }

  private static TimeToLiveDescription describeTtl(DynamoDbClient client, String table) {
    return client.describeTimeToLive(r -> r.tableName(table)).timeToLiveDescription();
  }

  private static boolean exists(DynamoDbClient client, String table, String pk) {
    return client.getItem(r -> r.tableName(table).key(item("pk", pk))).hasItem();
  }

  private static long tableCount(DynamoDbClient client, String table) {
    return client.describeTable(r -> r.tableName(table)).table().itemCount();
  }

  private static long indexCount(DynamoDbClient client, String table) {
    return client.describeTable(r -> r.tableName(table)).table().globalSecondaryIndexes().get(0).itemCount();
  }

  private static Table table(DynamoDouble dynamo, String name) {
    return dynamo.engine().region("us-east-1").find(name);
  }

  @Test
  void updateEchoesTheSpecificationAndDescribeSettles() {
    ManualClock clock = DynamoClock.manual(START);
    try (DynamoDouble dynamo = start(clock); DynamoDbClient client = SdkTestSupport.client(dynamo)) {
      SdkTestSupport.createTable(client, "sessions", "pk", null);
      assertThat(describeTtl(client, "sessions").timeToLiveStatus()).isEqualTo(TimeToLiveStatus.DISABLED);
      assertThat(describeTtl(client, "sessions").attributeName()).isNull();

      UpdateTimeToLiveResponse response = client.updateTimeToLive(r -> r.tableName("sessions")
          .timeToLiveSpecification(s -> s.enabled(true).attributeName("expiresAt")));
      assertThat(response.timeToLiveSpecification().enabled()).isTrue();
      assertThat(response.timeToLiveSpecification().attributeName()).isEqualTo("expiresAt");

      TimeToLiveDescription described = describeTtl(client, "sessions");
      assertThat(described.timeToLiveStatus()).isEqualTo(TimeToLiveStatus.ENABLED);
      assertThat(described.attributeName()).isEqualTo("expiresAt");
    }
  }

  @Test
  void statusGoesThroughEnablingAndDisablingOnTheClock() {
    ManualClock clock = DynamoClock.manual(START);
    try (DynamoDouble dynamo = DynamoDouble.builder().clock(clock).statusDelay(Duration.ofSeconds(5)).start();
         DynamoDbClient client = SdkTestSupport.client(dynamo)) {
      SdkTestSupport.createTable(client, "sessions", "pk", null);
      assertError(() -> describeTtl(client, "sessions"), "ValidationException",
          "Cannot describe time to live while table is in CREATING state: Current table state is CREATING");
      assertError(() -> enableTtl(client, "sessions", "expiresAt"), "ResourceInUseException", null);
      clock.advance(Duration.ofSeconds(5));

      enableTtl(client, "sessions", "expiresAt");
      assertThat(describeTtl(client, "sessions").timeToLiveStatus()).isEqualTo(TimeToLiveStatus.ENABLING);
      clock.advance(Duration.ofSeconds(5));
      assertThat(describeTtl(client, "sessions").timeToLiveStatus()).isEqualTo(TimeToLiveStatus.ENABLED);

      clock.advance(Duration.ofHours(1));
      client.updateTimeToLive(r -> r.tableName("sessions").timeToLiveSpecification(s -> s.enabled(false).attributeName("expiresAt")));
      TimeToLiveDescription disabling = describeTtl(client, "sessions");
      assertThat(disabling.timeToLiveStatus()).isEqualTo(TimeToLiveStatus.DISABLING);
      assertThat(disabling.attributeName()).isEqualTo("expiresAt");
      clock.advance(Duration.ofSeconds(5));
      TimeToLiveDescription disabled = describeTtl(client, "sessions");
      assertThat(disabled.timeToLiveStatus()).isEqualTo(TimeToLiveStatus.DISABLED);
      assertThat(disabled.attributeName()).isNull();
    }
  }

  @Test
  void updateTimeToLiveValidatesLikeDynamoDb() {
    ManualClock clock = DynamoClock.manual(START);
    try (DynamoDouble dynamo = start(clock); DynamoDbClient client = SdkTestSupport.client(dynamo)) {
      SdkTestSupport.createTable(client, "sessions", "pk", null);
      assertError(() -> client.updateTimeToLive(r -> r.tableName("sessions")
              .timeToLiveSpecification(s -> s.enabled(false).attributeName("expiresAt"))),
          "ValidationException", "TimeToLive is already disabled");
      assertError(() -> client.updateTimeToLive(r -> r.tableName("sessions").timeToLiveSpecification(s -> s.enabled(true))),
          "ValidationException", "1 validation error detected: Value null at 'timeToLiveSpecification.attributeName' "
              + "failed to satisfy constraint: Member must not be null");
      assertError(() -> client.updateTimeToLive(r -> r.tableName("sessions")
              .timeToLiveSpecification(s -> s.attributeName("expiresAt"))),
          "ValidationException", "1 validation error detected: Value null at 'timeToLiveSpecification.enabled' "
              + "failed to satisfy constraint: Member must not be null");
      assertError(() -> client.updateTimeToLive(r -> r.tableName("sessions")),
          "ValidationException", "1 validation error detected: Value null at 'timeToLiveSpecification' "
              + "failed to satisfy constraint: Member must not be null");
      String tooLong = "a".repeat(256);
      assertError(() -> enableTtl(client, "sessions", tooLong), "ValidationException",
          "1 validation error detected: Value '" + tooLong + "' at 'timeToLiveSpecification.attributeName' "
              + "failed to satisfy constraint: Member must have length less than or equal to 255");
      assertError(() -> enableTtl(client, "missing", "expiresAt"), "ResourceNotFoundException",
          "Requested resource not found: Table: missing not found");
      assertError(() -> describeTtl(client, "missing"), "ResourceNotFoundException",
          "Requested resource not found: Table: missing not found");

      enableTtl(client, "sessions", "expiresAt");
      // Content checks come before the cooldown, so these say what is wrong even right after the change.
      assertError(() -> enableTtl(client, "sessions", "expiresAt"), "ValidationException", "TimeToLive is already enabled");
      assertError(() -> enableTtl(client, "sessions", "other"), "ValidationException",
          "TimeToLive is active on a different AttributeName: current AttributeName is expiresAt");
      assertError(() -> client.updateTimeToLive(r -> r.tableName("sessions")
              .timeToLiveSpecification(s -> s.enabled(false).attributeName("other"))),
          "ValidationException", "TimeToLive is active on a different AttributeName: current AttributeName is expiresAt");
      assertError(() -> client.updateTimeToLive(r -> r.tableName("sessions")
              .timeToLiveSpecification(s -> s.enabled(false).attributeName("expiresAt"))),
          "ValidationException", "Time to live has been modified multiple times within a fixed interval");

      clock.advance(Duration.ofMinutes(59));
      assertError(() -> client.updateTimeToLive(r -> r.tableName("sessions")
              .timeToLiveSpecification(s -> s.enabled(false).attributeName("expiresAt"))),
          "ValidationException", "Time to live has been modified multiple times within a fixed interval");
      clock.advance(Duration.ofMinutes(1));
      client.updateTimeToLive(r -> r.tableName("sessions").timeToLiveSpecification(s -> s.enabled(false).attributeName("expiresAt")));
      assertThat(describeTtl(client, "sessions").timeToLiveStatus()).isEqualTo(TimeToLiveStatus.DISABLED);
      // A rename is disable, wait out the cooldown, enable.
      assertError(() -> enableTtl(client, "sessions", "other"), "ValidationException",
          "Time to live has been modified multiple times within a fixed interval");
      clock.advance(Duration.ofHours(1));
      enableTtl(client, "sessions", "other");
      assertThat(describeTtl(client, "sessions").attributeName()).isEqualTo("other");
    }
  }

  @Test
  void anExpiredItemStaysReadableUntilTheSweepThenLeavesTheTableAndEveryIndex() {
    ManualClock clock = DynamoClock.manual(START);
    try (DynamoDouble dynamo = start(clock); DynamoDbClient client = SdkTestSupport.client(dynamo)) {
      List<TtlDeletion> deletions = new CopyOnWriteArrayList<>();
      dynamo.engine().timeToLive().addDeletionListener(deletions::add);
      createTableWithIndex(client, "orders");
      enableTtl(client, "orders", "expiresAt");
      client.putItem(r -> r.tableName("orders").item(item("pk", "past", "owner", "o1", "expiresAt", n(Long.toString(NOW - 60)))));
      client.putItem(r -> r.tableName("orders").item(item("pk", "future", "owner", "o1", "expiresAt", n(Long.toString(NOW + 3600)))));
      client.putItem(r -> r.tableName("orders").item(item("pk", "none", "owner", "o2")));
      client.putItem(r -> r.tableName("orders").item(item("pk", "text", "owner", "o2", "expiresAt", Long.toString(NOW - 60))));
      client.putItem(r -> r.tableName("orders").item(item("pk", "ancient", "owner", "o3",
          "expiresAt", n(Long.toString(NOW - 6L * 366 * 86_400)))));
      client.putItem(r -> r.tableName("orders").item(item("pk", "nested", "owner", "o3",
          "expiresAt", AttributeValue.fromM(Map.of("at", n(Long.toString(NOW - 60)))))));

      // Expired, not yet deleted: still read, counted and indexed, as in DynamoDB.
      assertThat(exists(client, "orders", "past")).isTrue();
      assertThat(tableCount(client, "orders")).isEqualTo(6);
      assertThat(indexCount(client, "orders")).isEqualTo(6);

      clock.advance(Duration.ofSeconds(1));
      assertThat(exists(client, "orders", "past")).isFalse();
      assertThat(tableCount(client, "orders")).isEqualTo(5);
      assertThat(indexCount(client, "orders")).isEqualTo(5);
      assertThat(table(dynamo, "orders").snapshot().index("byOwner").itemCount()).isEqualTo(5);

      clock.advance(Duration.ofSeconds(3599));
      assertThat(exists(client, "orders", "future")).isTrue(); // expires at NOW + 3600: expired only after it
      clock.advance(Duration.ofSeconds(1)); // the first sweep after its expiry: NOW + 3601
      assertThat(exists(client, "orders", "future")).isFalse();

      clock.advance(Duration.ofDays(35));
      // Missing, non-Number (String, Map) and more-than-five-years-old values are never deleted.
      for (String kept : List.of("none", "text", "ancient", "nested")) {
        assertThat(exists(client, "orders", kept)).as(kept).isTrue();
      }
      assertThat(tableCount(client, "orders")).isEqualTo(4);
      assertThat(table(dynamo, "orders").snapshot().index("byOwner").itemCount()).isEqualTo(4);

      assertThat(deletions).extracting(d -> ((dev.dynamodouble.core.value.AttributeValue.S) d.keys().get("pk")).value()).containsExactly("past", "future");
      TtlDeletion first = deletions.get(0);
      assertThat(first.userIdentity()).isEqualTo(UserIdentity.DYNAMODB_SERVICE);
      assertThat(first.userIdentity().principalId()).isEqualTo("dynamodb.amazonaws.com");
      assertThat(first.userIdentity().type()).isEqualTo("Service");
      assertThat(first.tableName()).isEqualTo("orders");
      assertThat(first.expiredAt()).isEqualTo(START.minusSeconds(60));
      assertThat(first.deletedAt()).isEqualTo(START.plusSeconds(1));
      assertThat(first.oldImage().attributes()).containsKey("owner");
    }
  }

  @Test
  void aDeletionDelayReproducesExpiredButNotYetDeleted() {
    ManualClock clock = DynamoClock.manual(START);
    try (DynamoDouble dynamo = DynamoDouble.builder().clock(clock).ttlDeletionDelay(Duration.ofHours(48)).start();
         DynamoDbClient client = SdkTestSupport.client(dynamo)) {
      SdkTestSupport.createTable(client, "sessions", "pk", null);
      enableTtl(client, "sessions", "expiresAt");
      client.putItem(r -> r.tableName("sessions").item(item("pk", "a", "expiresAt", n(Long.toString(NOW - 10)))));
      client.putItem(r -> r.tableName("sessions").item(item("pk", "b", "expiresAt", n(Long.toString(NOW - 10)))));
      clock.advance(Duration.ofHours(47));
      assertThat(exists(client, "sessions", "a")).isTrue();

      // Forcing a sweep ignores the delay: what has expired goes now.
      client.putItem(r -> r.tableName("sessions").item(item("pk", "c", "expiresAt", n(Long.toString(NOW + 100 * 86_400)))));
      assertThat(dynamo.deleteExpiredItems()).isEqualTo(2);
      assertThat(exists(client, "sessions", "a")).isFalse();
      assertThat(exists(client, "sessions", "b")).isFalse();
      assertThat(exists(client, "sessions", "c")).isTrue();

      client.putItem(r -> r.tableName("sessions").item(item("pk", "d", "expiresAt", n(Long.toString(NOW + 47 * 3600)))));
      clock.advance(Duration.ofHours(47));
      assertThat(exists(client, "sessions", "d")).isTrue();
      clock.advance(Duration.ofHours(48));
      assertThat(exists(client, "sessions", "d")).isFalse();
    }
  }

  @Test
  void theControlEndpointDeletesExpiredItemsNow() throws IOException {
    ManualClock clock = DynamoClock.manual(START);
    try (DynamoDouble dynamo = DynamoDouble.builder().clock(clock).ttlDeletionDelay(Duration.ofDays(2)).start();
         DynamoDbClient client = SdkTestSupport.client(dynamo)) {
      SdkTestSupport.createTable(client, "sessions", "pk", null);
      enableTtl(client, "sessions", "expiresAt");
      client.putItem(r -> r.tableName("sessions").item(item("pk", "a", "expiresAt", n(Long.toString(NOW - 10)))));
      client.putItem(r -> r.tableName("sessions").item(item("pk", "b", "expiresAt", n(Long.toString(NOW + 10)))));
      HttpURLConnection http = (HttpURLConnection) dynamo.endpoint().resolve("/_dynamodouble/ttl/expired").toURL().openConnection();
      http.setRequestMethod("DELETE");
      assertThat(http.getResponseCode()).isEqualTo(200);
      try (InputStream body = http.getInputStream()) {
        assertThat(new String(body.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("{\"deleted\":1}");
      }
      assertThat(exists(client, "sessions", "a")).isFalse();
      assertThat(exists(client, "sessions", "b")).isTrue();
    }
  }

  @Test
  void changingOrRemovingTheTtlAttributeReschedulesTheItem() {
    ManualClock clock = DynamoClock.manual(START);
    try (DynamoDouble dynamo = start(clock); DynamoDbClient client = SdkTestSupport.client(dynamo)) {
      SdkTestSupport.createTable(client, "sessions", "pk", null);
      enableTtl(client, "sessions", "expiresAt");
      client.putItem(r -> r.tableName("sessions").item(item("pk", "renewed", "expiresAt", n(Long.toString(NOW + 10)))));
      client.putItem(r -> r.tableName("sessions").item(item("pk", "kept", "expiresAt", n(Long.toString(NOW + 10)))));
      client.putItem(r -> r.tableName("sessions").item(item("pk", "renewed", "expiresAt", n(Long.toString(NOW + 1000)))));
      client.putItem(r -> r.tableName("sessions").item(item("pk", "kept")));
      client.putItem(r -> r.tableName("sessions").item(item("pk", "fraction", "expiresAt", n((NOW + 20) + ".75"))));
      clock.advance(Duration.ofSeconds(20));
      assertThat(exists(client, "sessions", "fraction")).isTrue(); // expires at +20.75 s
      clock.advance(Duration.ofSeconds(1)); // the sweep at +21 s
      assertThat(exists(client, "sessions", "fraction")).isFalse();
      assertThat(exists(client, "sessions", "renewed")).isTrue();
      clock.advance(Duration.ofSeconds(1000));
      assertThat(exists(client, "sessions", "renewed")).isFalse();
      assertThat(exists(client, "sessions", "kept")).isTrue();
    }
  }

  @Test
  void enablingTtlCoversItemsWrittenBeforeAndDisablingStopsDeletion() {
    ManualClock clock = DynamoClock.manual(START);
    try (DynamoDouble dynamo = start(clock); DynamoDbClient client = SdkTestSupport.client(dynamo)) {
      SdkTestSupport.createTable(client, "sessions", "pk", null);
      client.putItem(r -> r.tableName("sessions").item(item("pk", "old", "expiresAt", n(Long.toString(NOW - 10)))));
      client.putItem(r -> r.tableName("sessions").item(item("pk", "later", "expiresAt", n(Long.toString(NOW + 7200)))));
      clock.advance(Duration.ofSeconds(5));
      assertThat(exists(client, "sessions", "old")).isTrue(); // TTL is not enabled: nothing expires
      enableTtl(client, "sessions", "expiresAt");
      clock.advance(Duration.ofSeconds(1));
      assertThat(exists(client, "sessions", "old")).isFalse();

      clock.advance(Duration.ofHours(1));
      client.updateTimeToLive(r -> r.tableName("sessions").timeToLiveSpecification(s -> s.enabled(false).attributeName("expiresAt")));
      clock.advance(Duration.ofHours(3));
      assertThat(exists(client, "sessions", "later")).isTrue();
      assertThat(dynamo.deleteExpiredItems()).isZero();
      assertThat(dynamo.engine().timeToLive().indexedItems(table(dynamo, "sessions"))).isZero();
    }
  }

  @Test
  void aThirtyFiveDayAdvanceRunsOneSweepPerExpirySecondAndNoneWhenNothingExpires() {
    ManualClock clock = DynamoClock.manual(START);
    try (DynamoDouble dynamo = start(clock); DynamoDbClient client = SdkTestSupport.client(dynamo)) {
      SdkTestSupport.createTable(client, "idle", "pk", null);
      enableTtl(client, "idle", "expiresAt");
      client.putItem(r -> r.tableName("idle").item(item("pk", "a")));
      client.putItem(r -> r.tableName("idle").item(item("pk", "b", "expiresAt", "not a number")));
      assertThat(clock.pendingTasks()).isZero(); // nothing can expire: nothing is scheduled

      SdkTestSupport.createTable(client, "busy", "pk", null);
      enableTtl(client, "busy", "expiresAt");
      Table busy = table(dynamo, "busy");
      Set<Instant> sweeps = new HashSet<>();
      List<String> deleted = new ArrayList<>();
      dynamo.engine().timeToLive().addDeletionListener(d -> {
        sweeps.add(d.deletedAt());
        deleted.add(d.tableName());
      });
      // 500 items expiring over 35 days, in pairs that share an expiry second.
      for (int i = 0; i < 500; i++) {
        long expiry = NOW + 3600 + (i / 2) * 12_000L;
        String pk = "i" + i;
        client.putItem(r -> r.tableName("busy").item(item("pk", pk, "expiresAt", n(Long.toString(expiry)))));
      }
      assertThat(clock.pendingTasks()).isEqualTo(1); // one pending sweep for the whole table
      assertThat(dynamo.engine().timeToLive().nextSweep(busy)).isEqualTo(START.plusSeconds(3601));

      clock.advance(Duration.ofDays(35));
      assertThat(deleted).hasSize(500).containsOnly("busy");
      assertThat(sweeps).hasSize(250);
      assertThat(tableCount(client, "busy")).isZero();
      assertThat(tableCount(client, "idle")).isEqualTo(2);
      assertThat(clock.pendingTasks()).isZero();
    }
  }

  @Test
  void theExpiryIndexFollowsAnEngineReset() {
    ManualClock clock = DynamoClock.manual(START);
    try (DynamoDouble dynamo = start(clock); DynamoDbClient client = SdkTestSupport.client(dynamo)) {
      SdkTestSupport.createTable(client, "sessions", "pk", null);
      enableTtl(client, "sessions", "expiresAt");
      client.putItem(r -> r.tableName("sessions").item(item("pk", "a", "expiresAt", n(Long.toString(NOW + 3600)))));
      EngineSnapshot fixture = dynamo.engine().snapshot();
      client.deleteItem(r -> r.tableName("sessions").key(item("pk", "a")));
      assertThat(clock.pendingTasks()).isZero();

      dynamo.engine().restore(fixture);
      assertThat(exists(client, "sessions", "a")).isTrue();
      clock.advance(Duration.ofHours(2));
      assertThat(exists(client, "sessions", "a")).isFalse();
    }
  }
}
