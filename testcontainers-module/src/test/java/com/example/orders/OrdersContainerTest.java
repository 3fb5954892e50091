package com.example.orders;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynamodouble.testcontainers.DynamoDoubleContainer;
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
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

@Tag("docker")
class OrdersContainerTest {
  // dynamo/orders.table.json (a CreateTable request) and dynamo/orders.json (items) on the test classpath
  static final DynamoDoubleContainer dynamo = new DynamoDoubleContainer("dynamo-double:0.1.0-SNAPSHOT")
      .withFixtureResource("dynamo")
      .withManualClock(Instant.parse("2026-01-01T00:00:00Z"));
  static DynamoDbClient client;

  @BeforeAll
  static void start() {
    dynamo.start();
    client = DynamoDbClient.builder()
        .endpointOverride(dynamo.getEndpoint())
        .region(Region.of(dynamo.getRegion()))
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("x", "x")))
        .build();
  }

  @AfterAll
  static void stop() {
    client.close();
    dynamo.stop();
  }

  @AfterEach
  void backToTheFixtures() {
    dynamo.reset(); // tables, items, clock and fault rules as they were right after start
  }

  @Test
  void expiredOrdersAreDeletedOnceTheClockPassesTheirTtl() {
    client.updateTimeToLive(r -> r.tableName("orders")
        .timeToLiveSpecification(s -> s.enabled(true).attributeName("expiresAt")));
    long tomorrow = dynamo.clock().plus(Duration.ofDays(1)).getEpochSecond();
    client.putItem(r -> r.tableName("orders").item(Map.of(
        "pk", AttributeValue.fromS("draft"), "expiresAt", AttributeValue.fromN(Long.toString(tomorrow)))));

    dynamo.advanceClock(Duration.ofDays(2)); // every TTL sweep due on the way runs before this returns

    assertThat(client.getItem(r -> r.tableName("orders").key(Map.of("pk", AttributeValue.fromS("draft")))).hasItem())
        .isFalse();
    assertThat(dynamo.tableItems("orders")).contains("\"Count\":2"); // the two fixture orders
  }

  @Test
  void aThrottledWriteIsRetriedByTheSdk() {
    dynamo.applyFaults("""
        rules:
          - name: throttle-once
            operation: PutItem
            table: orders
            error: ProvisionedThroughputExceededException
            times: 1
        """);

    client.putItem(r -> r.tableName("orders").item(Map.of("pk", AttributeValue.fromS("o-3"))));

    assertThat(dynamo.faults()).contains("\"hits\":1");
    assertThat(dynamo.tableItems("orders")).contains("\"Count\":3");
  }
}
